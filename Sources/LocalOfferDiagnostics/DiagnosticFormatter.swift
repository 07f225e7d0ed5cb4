import Foundation

/// Formats diagnostics as compilers do, so editors and terminals can jump to them:
///
/// ```text
/// content/services/portage.md:6:3: error: unknown key 'eligibilty' [LO101]
///   eligibilty:
///   ^
///   hint: did you mean 'eligibility'?
/// ```
public struct DiagnosticFormatter: Sendable {
    /// Returns the text of a line of a file (1-based), for the excerpt under each diagnostic.
    public typealias LineProvider = @Sendable (_ path: String, _ line: Int) -> String?

    private let lineText: LineProvider

    public init(lineText: @escaping LineProvider = DiagnosticFormatter.readLineFromDisk) {
        self.lineText = lineText
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var text = ""
        if let location = diagnostic.location {
            text += "\(location): "
        }
        text += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.rawValue)]"
        if let location = diagnostic.location, let line = lineText(location.path, location.line) {
            text += "\n  " + line + "\n  " + caretPadding(for: line, column: location.column) + "^"
        }
        if let hint = diagnostic.hint {
            text += "\n  hint: " + hint
        }
        return text
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    /// Tabs stay tabs so that the caret lines up however the terminal expands them.
    private func caretPadding(for line: String, column: Int) -> String {
        String(line.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
    }

    public static let readLineFromDisk: LineProvider = { path, line in
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var current = 1
        for candidate in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if current == line { return String(candidate) }
            current += 1
        }
        return nil
    }
}

/// The machine-readable form (`--format json`) of a diagnostic, for editors and CI.
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var code: String
    public var message: String
    public var hint: String?

    public init(_ diagnostic: Diagnostic) {
        file = diagnostic.location?.path
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        severity = diagnostic.severity
        code = diagnostic.code.rawValue
        message = diagnostic.message
        hint = diagnostic.hint
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(diagnostics.map(DiagnosticRecord.init)),
              let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}
