import LocalOfferDiagnostics

/// Where an imported value came from, written the way people find it again: a record of a JSON feed
/// (`feed.json:record 12`), a cell of a spreadsheet (`services.csv:17:5`, row 1 being the header row
/// and column 1 the first column, as a spreadsheet numbers them), or a whole file.
public enum ImportPlace: Sendable, Hashable, CustomStringConvertible, Comparable {
    case file(String)
    case record(file: String, index: Int)
    case row(file: String, row: Int)
    case cell(file: String, row: Int, column: Int, name: String)

    public var description: String {
        switch self {
        case .file(let file): file
        case .record(let file, let index): "\(file):record \(index)"
        case .row(let file, let row): "\(file):\(row)"
        case .cell(let file, let row, let column, _): "\(file):\(row):\(column)"
        }
    }

    public var file: String {
        switch self {
        case .file(let file), .record(let file, _), .row(let file, _), .cell(let file, _, _, _): file
        }
    }

    /// File, then record or row, then column: the order people read a report in.
    private var sortKey: (String, Int, Int) {
        switch self {
        case .file(let file): (file, 0, 0)
        case .record(let file, let index): (file, index, 0)
        case .row(let file, let row): (file, row, 0)
        case .cell(let file, let row, let column, _): (file, row, column)
        }
    }

    public static func < (lhs: ImportPlace, rhs: ImportPlace) -> Bool { lhs.sortKey < rhs.sortKey }

    /// The same place, narrowed to one column of a row.
    public func cell(column: Int, name: String) -> ImportPlace {
        switch self {
        case .row(let file, let row), .cell(let file, let row, _, _): .cell(file: file, row: row, column: column, name: name)
        default: self
        }
    }
}

/// A problem found while importing, with a stable code from `docs/diagnostics.md`.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible, Comparable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var place: ImportPlace
    public var hint: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at place: ImportPlace, hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.place = place
        self.hint = hint
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at place: ImportPlace, hint: String? = nil) -> ImportProblem {
        ImportProblem(.error, code, message, at: place, hint: hint)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at place: ImportPlace, hint: String? = nil) -> ImportProblem {
        ImportProblem(.warning, code, message, at: place, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// `services.csv:17:5: error: 'email' is 'x@', which is not an email address [LO703]`, then the hint.
    public var description: String {
        "\(place): \(severity.rawValue): \(message) [\(code.rawValue)]" + (hint.map { "\n  hint: " + $0 } ?? "")
    }

    public static func < (lhs: ImportProblem, rhs: ImportProblem) -> Bool {
        if lhs.place != rhs.place { return lhs.place < rhs.place }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}
