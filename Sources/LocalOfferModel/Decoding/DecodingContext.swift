import LocalOfferDiagnostics
import Yams

/// Reads typed values out of the YAML of one file, collecting every problem instead of stopping
/// at the first. One context per file, used by one task: it is a class only so that the many small
/// readers can share the diagnostics without threading `inout` through each.
final class DecodingContext {
    let path: String
    /// The file line on which the YAML text starts (front matter starts on line 2).
    let firstLine: Int
    let today: LocalDate
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each field read so far sits, by dotted name; later cross-entry rules point there.
    private(set) var fieldLocations: [String: SourceLocation] = [:]
    /// True while reading a draft (`status: draft`): a missing required field is then a warning
    /// (LO115), so an imported entry can be saved unfinished. A malformed value is still an error.
    var isDraft = false

    init(path: String, firstLine: Int, today: LocalDate) {
        self.path = path
        self.firstLine = firstLine
        self.today = today
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    func error(_ code: DiagnosticCode, _ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.error(code, message, at: location(of: node), hint: hint))
    }

    func warning(_ code: DiagnosticCode, _ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.warning(code, message, at: location(of: node), hint: hint))
    }

    /// Something required is missing: an error, or in a draft a warning that names the field.
    func missing(_ code: DiagnosticCode, _ message: String, at node: Node?, hint: String? = nil) {
        if isDraft {
            warning(.draftMissingField, "draft: \(message)", at: node,
                    hint: "a draft is checked but not published; fill this in, then remove 'status: draft'")
        } else {
            error(code, message, at: node, hint: hint)
        }
    }

    func record(_ field: Field) {
        fieldLocations[field.name] = location(of: field.node)
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}

/// A YAML value together with the dotted name editors see in messages (`eligibility.age.min`).
struct Field {
    let name: String
    let node: Node
    /// The key's node, where "unknown key" and "missing key" point.
    let keyNode: Node?
    /// What the field catalogue says the value is (its bounds, its items); nil where it says nothing.
    var shape: FieldShape? = nil

    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return Self.nullSpellings.contains(scalar.string)
    }

    /// YAML's ways of writing "no value" (the core schema's null), when not quoted.
    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    var kindDescription: String {
        switch node {
        case .scalar: isNull ? "nothing" : "a single value"
        case .mapping: "a set of keys (a mapping)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
