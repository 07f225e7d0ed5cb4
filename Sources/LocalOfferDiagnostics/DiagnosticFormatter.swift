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
            let (shown, column) = Self.excerpt(of: line, around: location.column)
            text += "\n  " + shown + "\n  " + caretPadding(for: shown, column: column) + "^"
        }
        if let hint = diagnostic.hint {
            text += "\n  hint: " + hint
        }
        return text
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    /// A long line (a minified table, 100,000 '>') is cut to the part around the column, marked with '…'.
    static func excerpt(of line: String, around column: Int, width: Int = 160) -> (text: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > width else { return (line, column) }
        let start = max(0, min(column - 1 - width / 2, scalars.count - width))
        let end = min(scalars.count, start + width)
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        var shownColumn = column - start
        if start > 0 {
            shown = "…" + shown
            shownColumn += 1
        }
        if end < scalars.count { shown += "…" }
        return (shown, shownColumn)
    }

    /// Tabs stay tabs so that the caret lines up however the terminal expands them.
    private func caretPadding(for line: String, column: Int) -> String {
        String(line.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
    }

    /// The excerpt comes from the file itself, so it is read only when it is an ordinary file of a
    /// sensible size: never through a symbolic link (which may lead out of the site, to a file whose
    /// first line must not appear in a build log), never from a FIFO (which would block), and
    /// invalid UTF-8 shows as U+FFFD, so the caret still lands under the bad byte. The lines of the
    /// last file read are kept: a file with 20,000 broken links is read once, not 20,000 times.
    public static let readLineFromDisk: LineProvider = { path, line in
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.intValue, size <= 4 << 20 else { return nil }
        let key = FileLinesCache.Key(path: path, size: size, modified: attributes[.modificationDate] as? Date)
        guard let lines = FileLinesCache.shared.lines(for: key, load: {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return String(decoding: data, as: UTF8.self)
                .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map(String.init)
        }) else { return nil }
        return line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }
}

/// The lines of the file most recently quoted under a diagnostic.
private final class FileLinesCache: @unchecked Sendable {
    struct Key: Equatable {
        var path: String
        var size: Int
        var modified: Date?
    }

    static let shared = FileLinesCache()
    private let lock = NSLock()
    private var key: Key?
    private var cached: [String] = []

    func lines(for key: Key, load: () -> [String]?) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        if self.key == key { return cached }
        guard let lines = load() else { return nil }
        self.key = key
        cached = lines
        return lines
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
