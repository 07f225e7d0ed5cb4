import LocalOfferContent
import LocalOfferDiagnostics
import Yams

/// Parses YAML text into Yams nodes, turning every Yams error into a positioned diagnostic.
enum YAMLParsing {
    /// Returns nil and a diagnostic when the YAML is not well formed; nil and no diagnostic when it is empty.
    static func compose(_ source: SourceText) -> (Node?, [Diagnostic]) {
        // Yams composes recursively and shares aliased nodes, so depth and alias expansion are checked
        // first, on libyaml's event stream, before anything is built (see YAMLLimits).
        if let problem = YAMLLimits.standard.check(source) { return (nil, [problem]) }
        do {
            // The basic resolver tags every scalar as text: the schema reads raw text itself, so
            // `no` stays Norwegian, `09:00` stays a time and no regular expression runs per value.
            return (try Yams.compose(yaml: source.text, .basic, .default, .utf8), [])
        } catch let error as YamlError {
            return (nil, diagnostics(for: error, in: source))
        } catch {
            return (nil, [.error(.yamlSyntax, "the YAML could not be read: \(error)", at: SourceLocation(path: source.path, line: source.firstLine))])
        }
    }

    static func diagnostic(for error: YamlError, in source: SourceText) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: source.path, line: mark.line + source.firstLine - 1, column: mark.column)
        }
        let start = SourceLocation(path: source.path, line: source.firstLine)
        let tabHint = "YAML indents with spaces, never tabs; check the indentation and that every ':' has a space after it"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") {
                // libyaml's own bound (1,000 levels) can trip before YAMLLimits sees that many events.
                return .error(.yamlTooDeep, "the YAML nests lists and mappings more than \(YAMLLimits.standard.maximumDepth) levels deep",
                              at: location(mark), hint: YAMLLimits.depthHint)
            }
            let diagnosis = YAMLSyntaxDiagnosis(
                source: source, problem: problem, line: mark.line, column: mark.column,
                context: context?.text, contextLine: context?.mark.line, contextColumn: context?.mark.column
            )
            if let found = diagnosis.diagnose() { return found.diagnostic }
            let detail = context.map { " (\($0.text))" } ?? ""
            let hint = problem.contains("tab") ? "YAML indents with spaces, never tabs" : Self.hint(for: problem) ?? tabHint
            // At the end of the text (an unclosed quote) libyaml's mark is the last line; the mistake is where the context began.
            let at = problem.contains("end of stream") ? context?.mark ?? mark : mark
            return .error(.yamlSyntax, "YAML syntax error: \(problem)\(detail)", at: location(at), hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(.duplicateKey, "the key \(keys) appears more than once", at: location(context.mark),
                          hint: "keep one of them; YAML would silently use only the last")
        case .reader(let problem, _, _, _):
            return .error(.unreadableFile, "the YAML could not be read: \(problem)", at: start, hint: "save the file as UTF-8 text")
        default:
            return .error(.yamlSyntax, "the YAML could not be read: \(error)", at: start)
        }
    }

    private static func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value containing ': ' must be quoted, for example title: \"Speech: early years\""
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check that the lines of this block are indented by the same number of spaces"
        }
        if problem.contains("found character that cannot start any token") {
            return "a value starting with '@' or '`' must be quoted; YAML indents with spaces, never tabs"
        }
        return nil
    }
}
