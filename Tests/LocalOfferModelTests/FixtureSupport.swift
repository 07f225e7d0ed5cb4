import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel

/// The fixtures in `Fixtures/` (see `Fixtures/README.md`): a small valid content folder (`site/`),
/// valid service entries and invalid ones with one mistake each.
enum Fixtures {
    /// The day every fixture is judged against, so that date rules never depend on when tests run.
    static let today = LocalDate(iso: "2026-11-23")!

    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle; check resources: in Package.swift")
        }
        return url
    }()

    static var site: URL { root.appendingPathComponent("site") }

    /// The fixture names (file names without `.md`) in one folder, sorted.
    static func names(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static var valid: [String] { names(in: "valid") }
    static var invalid: [String] { names(in: "invalid") }

    static func text(of name: String, in folder: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name + ".md"), encoding: .utf8)
    }
}

/// What an invalid fixture declares on its first lines:
/// `# expect: LO104 line 9` (optionally followed by ` hint: <text the hint must contain>`)
/// and `# json-schema: yes` or `# json-schema: no (reason)`.
struct FixtureExpectation: Sendable, Equatable {
    var code: DiagnosticCode
    var line: Int
    var hint: String?
    var schemaCanExpress: Bool

    enum ParseError: Error, CustomStringConvertible {
        case noExpectation, badExpectation(String), noSchemaLine

        var description: String {
            switch self {
            case .noExpectation: "no '# expect: LOnnn line N' comment in the first three lines"
            case .badExpectation(let line): "cannot read the expectation '\(line)'"
            case .noSchemaLine: "no '# json-schema: yes|no' comment after the expectation"
            }
        }
    }

    init(code: DiagnosticCode, line: Int, hint: String? = nil, schemaCanExpress: Bool) {
        self.code = code
        self.line = line
        self.hint = hint
        self.schemaCanExpress = schemaCanExpress
    }

    init(parsing text: String) throws {
        let header = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).map(String.init)
        guard let expectLine = header.first(where: { $0.contains("expect: ") }) else { throw ParseError.noExpectation }
        // "# expect: LO104 line 9 hint: did you mean ...?" or "<!-- expect: LO002 line 1 -->"
        var rest = Substring(expectLine[expectLine.range(of: "expect: ")!.upperBound...])
        if let close = rest.range(of: " -->") { rest = rest[..<close.lowerBound] }
        var hint: String?
        if let hintStart = rest.range(of: " hint: ") {
            hint = String(rest[hintStart.upperBound...])
            rest = rest[..<hintStart.lowerBound]
        }
        let words = rest.split(separator: " ")
        guard words.count == 3, words[1] == "line", let code = DiagnosticCode(rawValue: String(words[0])),
              let line = Int(words[2]) else { throw ParseError.badExpectation(expectLine) }
        guard let schemaLine = header.first(where: { $0.contains("json-schema: ") }) else { throw ParseError.noSchemaLine }
        let answer = schemaLine[schemaLine.range(of: "json-schema: ")!.upperBound...]
        self.init(code: code, line: line, hint: hint, schemaCanExpress: !answer.hasPrefix("no"))
    }
}

/// A temporary content folder: a copy of `Fixtures/site/` with one fixture added as a service.
struct ContentFolder {
    let url: URL

    /// Copies the site fixture, adds `Fixtures/<folder>/<name>.md` (or `text`) as `services/<name>.md`,
    /// validates the folder and deletes it again. Returns loader and validator diagnostics, sorted.
    static func diagnostics(addingService name: String, from folder: String) throws -> [Diagnostic] {
        try diagnostics(addingService: name, text: Fixtures.text(of: name, in: folder))
    }

    static func diagnostics(addingService name: String? = nil, text: String = "") throws -> [Diagnostic] {
        let folder = try ContentFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        if let name {
            try text.write(to: folder.url.appendingPathComponent("services/\(name).md"), atomically: true, encoding: .utf8)
        }
        return folder.validate()
    }

    private init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("localoffer-fixture-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.site, to: url)
    }

    private func validate() -> [Diagnostic] {
        let (source, loadProblems) = ContentLoader().load(from: url.path)
        let (_, problems) = ContentValidator(today: Fixtures.today).validate(source)
        return (loadProblems + problems).sorted()
    }
}

extension [Diagnostic] {
    /// The diagnostics as `localoffer check` prints them (without source excerpts), for failure messages.
    var report: String {
        isEmpty ? "(no diagnostics)" : DiagnosticFormatter(lineText: { _, _ in nil }).format(self)
    }
}
