// The quoted strings a YAML text holds are read from libyaml's own scanner (through the copy Yams
// builds, its `CYaml` module): the same tokens the parser that failed was reading.
internal import CYaml
import LocalOfferContent
import LocalOfferDiagnostics
import Yams

/// Finds the cause of a YAML syntax error from what the parser reports (its problem, where it
/// stopped, and the context it was in and where that began) and from the tokens it read up to
/// there, so that the message points where the editor must type and the hint fits the mistake:
///
/// - a quote that is never closed, or closed only by the next quote lines later: at the quote,
///   "this string, opened at 2:8, is not closed";
/// - an apostrophe that ends a single-quoted string early (`'Children's'`): at that apostrophe;
/// - a line indented more or less than its neighbours: at the line, with the indentation it needs;
/// - a line with no `:` after its key: at that line;
/// - a value with `: ` in it that needs quotes: at the colon.
///
/// Returns nil when none of these fits; the caller then reports the parser's own words.
///
/// Where the cause is clear, the finding also carries its repair: the one line rewritten as the
/// hint says (the quote closed at the end of its line, the line moved to its block's column). The
/// text repaired in memory is read again to find the next syntax error in the same file; no line is
/// added or removed, so every later position is still right.
struct YAMLSyntaxDiagnosis {
    struct Finding {
        var diagnostic: Diagnostic
        /// The 1-based line of the YAML text to replace, and its new text; nil when unclear.
        var repair: (line: Int, text: String)?
    }

    let source: SourceText
    /// The problem as libyaml words it ("did not find expected key").
    let problem: String
    /// Where the parser stopped, 1-based.
    let line: Int
    let column: Int
    /// What it was reading ("while scanning a quoted scalar") and where that began, 1-based.
    let context: String?
    let contextLine: Int?
    let contextColumn: Int?

    private var lines: [Substring] {
        source.text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func diagnose() -> Finding? {
        let lines = self.lines
        if context == "while scanning a quoted scalar", let contextLine, let contextColumn {
            return unclosedString(openedAt: contextLine, contextColumn, runsTo: nil, lines: lines)
        }
        let strings = QuotedString.scan(source.text)
        if let runaway = strings.last(where: { $0.start.line < line && $0.end.line > $0.start.line && ($0.end.line == line || swallowsKeys($0, lines: lines)) }) {
            return unclosedString(openedAt: runaway.start.line, runaway.start.column, runsTo: runaway.end.line, lines: lines)
        }
        if let early = strings.last(where: { $0.end.line == line && $0.end.column <= column }),
           problem.hasPrefix("did not find expected"), textBetween(early.end.column, column, onLine: line, lines: lines) {
            return apostrophe(closing: early, lines: lines)
        }
        if character(at: line, column, lines: lines) == "\t" {
            let text = lines[line - 1]
            let leading = text.prefix(while: { $0 == " " || $0 == "\t" })
            let previousIndent = previousContentLine(before: line, lines: lines).map { indentation(of: lines[$0 - 1]) } ?? 0
            // A tab in the indentation: the line takes the indentation of the line above.
            let repaired = column <= leading.count
                ? String(repeating: " ", count: previousIndent) + text.dropFirst(leading.count)
                : text.replacingCharacter(at: column - 1, with: " ")
            return Finding(diagnostic: .error(
                .yamlSyntax, "this line is indented with a tab", at: location(line, column),
                hint: "YAML indents with spaces, never tabs: replace the tab with spaces, lining the key up with the line above"
            ), repair: (line, repaired))
        }
        if problem.hasPrefix("could not find expected ':'"), context == "while scanning a simple key", let contextLine {
            return missingColon(at: contextLine, lines: lines)
        }
        if problem.contains("mapping values are not allowed") {
            return colonInPlainValue(lines: lines)
        }
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-'") {
            return indentation(at: line, lines: lines)
        }
        return nil
    }

    // MARK: Causes

    private func unclosedString(openedAt openLine: Int, _ openColumn: Int, runsTo endLine: Int?, lines: [Substring]) -> Finding {
        let quote = character(at: openLine, openColumn, lines: lines) ?? "\""
        let runsOn = endLine.map { ", so the text runs on to the next \(quote) on line \($0 + source.firstLine - 1)" } ?? ""
        let hint = quote == "'"
            ? "end the text with ' on the same line, or take the opening ' away; an apostrophe inside single quotes is written twice ('Children''s')"
            : "end the text with \" on the same line, or take the opening \" away"
        let repair = openLine <= lines.count ? (openLine, String(lines[openLine - 1].trimmingTrailingSpaces()) + String(quote)) : nil
        return Finding(diagnostic: .error(
            .yamlSyntax, "this string, opened at \(fileLine(openLine)):\(openColumn), is not closed\(runsOn)",
            at: location(openLine, openColumn), hint: hint
        ), repair: repair)
    }

    private func missingColon(at line: Int, lines: [Substring]) -> Finding {
        let text = line <= lines.count ? lines[line - 1] : ""
        let indent = indentation(of: text)
        // The key is the first word (after a list's "- "): the colon goes after it.
        var keyStart = text.dropFirst(indent)
        if keyStart.hasPrefix("- ") { keyStart = keyStart.dropFirst(2) }
        let keyEnd = keyStart.firstIndex(of: " ") ?? keyStart.endIndex
        let repaired = String(text[..<keyEnd]) + ":" + String(text[keyEnd...])
        return Finding(diagnostic: .error(
            .yamlSyntax, "this line has no ':' after its key", at: location(line, indent + 1),
            hint: "write each line as 'key: value', with a space after the colon; a value that goes on to the next line is indented under its key"
        ), repair: line <= lines.count ? (line, repaired) : nil)
    }

    private func apostrophe(closing string: QuotedString, lines: [Substring]) -> Finding {
        // The scanner's end mark is just after the closing quote.
        let quote = string.isSingleQuoted ? "'" : "\""
        let quoteColumn = string.end.column - 1
        let text = string.end.line <= lines.count ? lines[string.end.line - 1] : ""
        // Escaped as the hint says: the apostrophe doubled, or the quotation mark after a backslash.
        var repaired = quoteColumn >= 1 && quoteColumn <= text.count
            ? text.inserting(string.isSingleQuoted ? "'" : "\\", at: quoteColumn - 1) : nil
        // With no quote after it on the line, the string was never closed either: close it there, so
        // that the next error found is another mistake, not this one again.
        if let escaped = repaired, !text.dropFirst(quoteColumn).contains(Character(quote)) {
            repaired = String(Substring(escaped).trimmingTrailingSpaces()) + quote
        }
        return Finding(diagnostic: .error(
            .yamlSyntax, "this \(quote) ends the string opened at \(fileLine(string.start.line)):\(string.start.column), and text follows it",
            at: location(string.end.line, quoteColumn),
            hint: string.isSingleQuoted
                ? "inside single quotes write an apostrophe twice ('Children''s'), or use double quotes around the text"
                : "inside double quotes write a quotation mark as \\\", or use single quotes around the text"
        ), repair: repaired.map { (string.end.line, $0) })
    }

    private func colonInPlainValue(lines: [Substring]) -> Finding? {
        guard line >= 1, line <= lines.count else { return nil }
        let current = lines[line - 1]
        let before = current.prefix(max(0, column - 1))
        var key = before.drop(while: { $0 == " " })
        if key.hasPrefix("- ") { key = key.dropFirst(2) }
        let isKeyOnly = !key.isEmpty && !key.contains(": ") && !key.contains("\"") && !key.contains("'")
        if isKeyOnly, let previous = previousContentLine(before: line, lines: lines) {
            let indent = indentation(of: current)
            let previousIndent = indentation(of: lines[previous - 1])
            if indent > previousIndent, lines[previous - 1].contains(":"),
               let problem = misindented(line, indent: indent, previous: previous) {
                return problem
            }
            if !lines[previous - 1].contains(":") {
                return missingColon(at: previous, lines: lines)
            }
        }
        // The value is everything after the key's ": ": quoted, it may hold more.
        let repair = current.range(of: ": ").map { separator -> (Int, String) in
            let value = current[separator.upperBound...].trimmingTrailingSpaces()
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return (line, String(current[..<separator.upperBound]) + "\"" + escaped + "\"")
        }
        return Finding(diagnostic: .error(
            .yamlSyntax, "this value contains ': ', which YAML reads as a new key", at: location(line, column),
            hint: "a value containing ': ' must be quoted, for example title: \"Speech: early years\""
        ), repair: repair)
    }

    private func indentation(at line: Int, lines: [Substring]) -> Finding? {
        guard line >= 1, line <= lines.count, let previous = previousContentLine(before: line, lines: lines) else { return nil }
        let indent = indentation(of: lines[line - 1])
        // Under a key with nothing after its colon, any deeper indentation starts a new block.
        if lines[previous - 1].trimmingTrailingSpaces().hasSuffix(":"), indent > indentation(of: lines[previous - 1]) { return nil }
        return misindented(line, indent: indent, previous: previous)
    }

    /// The line lines up with none of the blocks open above it. Those blocks are the line above and,
    /// going up, each line less indented than the last: the line must start where one of them does.
    private func misindented(_ line: Int, indent: Int, previous: Int) -> Finding? {
        let lines = self.lines
        var blocks: [(indent: Int, line: Int)] = [(indentation(of: lines[previous - 1]), previous)]
        var index = previous - 1
        while index >= 1, let last = blocks.last, last.indent > 0 {
            let text = lines[index - 1]
            let trimmed = text.drop(while: { $0 == " " })
            if !trimmed.isEmpty, !trimmed.hasPrefix("#"), indentation(of: text) < last.indent {
                blocks.append((indentation(of: text), index))
            }
            index -= 1
        }
        guard !blocks.contains(where: { $0.indent == indent }), let above = blocks.first else { return nil }
        let message: String
        let candidates: [(indent: Int, line: Int)]
        if indent > above.indent {
            message = "this line is indented by \(spaces(indent)), more than the line above it (\(spaces(above.indent)))"
            candidates = [above]
        } else {
            message = "this line is indented by \(spaces(indent)), which lines up with none of the lines above it"
            let nearest = blocks.map { abs($0.indent - indent) }.min() ?? 0
            candidates = blocks.filter { abs($0.indent - indent) == nearest }
        }
        let choices = candidates.map { "\(spaces($0.indent)) (like line \(fileLine($0.line)))" }.joined(separator: " or ")
        // Repaired only when one indentation fits.
        let repair = candidates.count == 1
            ? (line, String(repeating: " ", count: candidates[0].indent) + lines[line - 1].dropFirst(indent)) : nil
        return Finding(diagnostic: .error(
            .yamlSyntax, message, at: location(line, indent + 1),
            hint: "the keys of one block start in the same column: indent this line by \(choices)"
        ), repair: repair)
    }

    // MARK: Reading the text

    /// Whether a string's text has lines that look like `key:` or `- item`: a quote left open has
    /// swallowed the lines after it.
    private func swallowsKeys(_ string: QuotedString, lines: [Substring]) -> Bool {
        guard string.end.line - 1 < lines.count else { return false }
        return lines[string.start.line..<(string.end.line - 1)].contains { line in
            let text = line.drop(while: { $0 == " " })
            guard let colon = text.firstIndex(of: ":") else { return text.hasPrefix("- ") }
            let key = text[..<colon]
            let after = text[colon...].dropFirst()
            return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                && (after.isEmpty || after.hasPrefix(" "))
        }
    }

    /// Whether there is text (not only spaces) from `from` up to `to` on a line (1-based columns).
    private func textBetween(_ from: Int, _ to: Int, onLine line: Int, lines: [Substring]) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let characters = Array(lines[line - 1])
        let start = max(0, from - 1)
        let end = min(characters.count, max(start, to))
        return characters[start..<end].contains { $0 != " " }
    }

    private func previousContentLine(before line: Int, lines: [Substring]) -> Int? {
        var index = line - 1
        while index >= 1 {
            let text = lines[index - 1].drop(while: { $0 == " " })
            if !text.isEmpty && !text.hasPrefix("#") { return index }
            index -= 1
        }
        return nil
    }

    private func indentation(of line: Substring) -> Int {
        line.prefix(while: { $0 == " " }).count
    }

    private func character(at line: Int, _ column: Int, lines: [Substring]) -> Character? {
        guard line >= 1, line <= lines.count else { return nil }
        let characters = Array(lines[line - 1])
        return column >= 1 && column <= characters.count ? characters[column - 1] : nil
    }

    private func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }

    private func fileLine(_ line: Int) -> Int { line + source.firstLine - 1 }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: fileLine(line), column: column)
    }
}

/// A quoted string as libyaml's scanner read it: where it opens and where it ends (1-based,
/// in the YAML text; the end is just after the closing quote).
struct QuotedString {
    var start: (line: Int, column: Int)
    var end: (line: Int, column: Int)
    var isSingleQuoted: Bool

    /// Every quoted string up to the end of the text or the scanner's first error.
    static func scan(_ text: String) -> [QuotedString] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> [QuotedString] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var strings: [QuotedString] = []
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return strings }
                defer { yaml_token_delete(&token) }
                if token.type == YAML_STREAM_END_TOKEN { return strings }
                guard token.type == YAML_SCALAR_TOKEN else { continue }
                let style = token.data.scalar.style
                guard style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE else { continue }
                strings.append(QuotedString(
                    start: (Int(token.start_mark.line) + 1, Int(token.start_mark.column) + 1),
                    end: (Int(token.end_mark.line) + 1, Int(token.end_mark.column) + 1),
                    isSingleQuoted: style == YAML_SINGLE_QUOTED_SCALAR_STYLE
                ))
            }
        }
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var text = self
        while text.last == " " || text.last == "\r" { text = text.dropLast() }
        return text
    }

    func replacingCharacter(at offset: Int, with replacement: Character) -> String {
        var characters = Array(self)
        if offset < characters.count { characters[offset] = replacement }
        return String(characters)
    }

    func inserting(_ text: String, at offset: Int) -> String {
        var characters = Array(self)
        characters.insert(contentsOf: text, at: Swift.min(offset, characters.count))
        return String(characters)
    }
}

extension YAMLSyntaxDiagnosis {
    /// The diagnosis of a Yams error, for the errors that carry a problem and marks.
    init?(error: YamlError, source: SourceText) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            self.init(
                source: source, problem: problem, line: mark.line, column: mark.column,
                context: context?.text, contextLine: context?.mark.line, contextColumn: context?.mark.column
            )
        default:
            return nil
        }
    }
}

extension YAMLParsing {
    /// How many more syntax errors are looked for in one file after the first.
    static let repairLimit = 5

    /// The first syntax error, then each one after it: while the cause of the last is clear, its
    /// line is repaired in memory as the hint says and the text read again. Nothing is decoded from
    /// a repaired text; it is read only to find the next syntax error.
    static func diagnostics(for error: YamlError, in source: SourceText) -> [Diagnostic] {
        var found = [diagnostic(for: error, in: source)]
        var current = source
        var error = error
        for _ in 0..<repairLimit {
            guard let repair = YAMLSyntaxDiagnosis(error: error, source: current)?.diagnose()?.repair else { break }
            var lines = current.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard repair.line >= 1, repair.line <= lines.count, lines[repair.line - 1] != repair.text else { break }
            lines[repair.line - 1] = repair.text
            current.text = lines.joined(separator: "\n")
            do {
                _ = try Yams.compose(yaml: current.text, .basic, .default, .utf8)
                break
            } catch let next as YamlError {
                let diagnostic = diagnostic(for: next, in: current)
                guard !found.contains(where: { $0.location == diagnostic.location }) else { break }
                found.append(diagnostic)
                error = next
            } catch {
                break
            }
        }
        return found
    }
}
