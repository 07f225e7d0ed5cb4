/// How bad a diagnostic is: an error stops publication, a warning does not (unless `--strict`).
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// One problem found in the content, the templates or the output, with where it is and how to fix it.
///
/// Diagnostics are values: every stage returns all of its diagnostics, so one mistake never hides the next.
/// ```swift
/// let problem = Diagnostic(.error, .unknownKey, "unknown key 'eligibilty'",
///                          at: SourceLocation(path: "content/services/x.md", line: 6, column: 1),
///                          hint: "did you mean 'eligibility'?")
/// ```
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation?,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }

    public var isError: Bool { severity == .error }
}

extension Diagnostic: Comparable {
    /// File order, then position, then code: the order editors read a report in, and a stable one.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = lhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        if left != right { return left < right }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count(where: { $0.severity == .error }) }
    public var warningCount: Int { count(where: { $0.severity == .warning }) }
    public var hasErrors: Bool { contains(where: { $0.severity == .error }) }

    /// Warnings become errors: what `--strict` asks for.
    public func escalatingWarnings() -> [Diagnostic] {
        map { diagnostic in
            var escalated = diagnostic
            escalated.severity = .error
            return escalated
        }
    }
}
