import LocalOfferDiagnostics

/// Shapes of text that cmark-gfm 0.29.0.gfm.6 (Debian 12's, which the build links) takes quadratic
/// time over, refused before parsing. Upstream fixed these in later releases (0.29.0.gfm.7 to .13);
/// until Debian ships one, one content file of 1 MiB could otherwise hold the Markdown lock for minutes.
/// Each rule was found by timing (`fuzz/README.md`) and no real description comes near it:
///
/// - **Table cells**: at most 100 `|` on a line. The table extension appends each cell to a linked
///   list by walking it from the start: 100,000 `|` took 18 s.
/// - **Long words**: at most 1,000 characters without a space. The autolink extension rescans the
///   rest of the word at every `www.` or `_` (240 KB took 41 s), and the longest web address worth
///   publishing is a few hundred characters.
/// - **Runs of quotes**: at most 30 `"` or `'` in a row. Smart punctuation matches each quote against
///   every earlier one: 40,000 `"` took 12 s.
///
/// ```swift
/// if let problem = MarkdownLimits.standard.check(input) { diagnostics.append(problem) }
/// ```
struct MarkdownLimits: Sendable {
    var maximumPipesPerLine: Int
    var maximumWordLength: Int
    var maximumQuoteRun: Int

    static let standard = MarkdownLimits(maximumPipesPerLine: 100, maximumWordLength: 1_000, maximumQuoteRun: 30)

    func check(_ input: MarkdownInput) -> Diagnostic? {
        var line = 0
        var column = 0
        var pipes = 0
        var word = 0
        var quotes = 0
        for scalar in input.text.unicodeScalars {
            column += 1
            switch scalar {
            case "\n":
                line += 1
                column = 0
                pipes = 0
                word = 0
                quotes = 0
                continue
            case " ", "\t", "\r":
                word = 0
                quotes = 0
                continue
            case "|":
                pipes += 1
                if pipes > maximumPipesPerLine {
                    return problem(
                        input, "the line has more than \(maximumPipesPerLine) '|': a table may have at most \(maximumPipesPerLine) columns",
                        line: line, column: column, hint: "split the table; a table wider than a few columns cannot be read on a phone"
                    )
                }
            default:
                break
            }
            word += 1
            if word > maximumWordLength {
                return problem(
                    input, "more than \(maximumWordLength) characters without a space", line: line, column: column - maximumWordLength,
                    hint: "break the text up with spaces; for a very long web address, link to a shorter page"
                )
            }
            quotes = scalar == "\"" || scalar == "'" ? quotes + 1 : 0
            if quotes > maximumQuoteRun {
                return problem(
                    input, "more than \(maximumQuoteRun) quotation marks in a row", line: line, column: column - maximumQuoteRun,
                    hint: "remove the repeated quotation marks"
                )
            }
        }
        return nil
    }

    private func problem(_ input: MarkdownInput, _ message: String, line: Int, column: Int, hint: String) -> Diagnostic {
        .error(.markdownTooComplex, message,
               at: SourceLocation(path: input.path, line: input.firstLine + line, column: column), hint: hint)
    }
}
