import LocalOfferDiagnostics
import LocalOfferText

/// What the browser shows while the content has errors: every problem with its file, line and
/// column, the line itself, the message and the hint. It reloads by itself once they are fixed.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], reloadScript: String) -> String {
        let errors = diagnostics.filter(\.isError)
        let formatter = DiagnosticFormatter()
        var items = ""
        for diagnostic in errors {
            let place = diagnostic.location.map { "\($0)" } ?? "the site"
            var item = "<li class=\"problem\"><p class=\"where\">\(HTMLEscaping.escape(place))</p>"
            item += "<p class=\"message\">\(HTMLEscaping.escape(diagnostic.message)) <span class=\"code\">[\(diagnostic.code.rawValue)]</span></p>"
            if let location = diagnostic.location, let line = DiagnosticFormatter.readLineFromDisk(location.path, location.line) {
                let caret = String(repeating: " ", count: max(0, location.column - 1)) + "^"
                item += "<pre class=\"source\"><span class=\"line-number\">\(location.line)</span> \(HTMLEscaping.escape(line))\n"
                item += "<span class=\"line-number\">\(String(repeating: " ", count: String(location.line).count))</span> \(caret)</pre>"
            }
            if let hint = diagnostic.hint { item += "<p class=\"hint\">Hint: \(HTMLEscaping.escape(hint))</p>" }
            items += item + "</li>\n"
        }
        let count = errors.count == 1 ? "1 problem" : "\(errors.count) problems"
        _ = formatter
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(count) to fix – localoffer preview</title>
        <link rel="stylesheet" href="/__localoffer/preview.css">
        \(reloadScript)
        </head>
        <body>
        <main>
        <h1>The content has \(count) to fix</h1>
        <p>Nothing is published while there are errors. Fix them and save: this page reloads by itself.</p>
        <ol class="problems">
        \(items)</ol>
        </main>
        </body>
        </html>
        """
    }

    static let css = """
    body { font-family: Arial, sans-serif; margin: 0; background: #fff; color: #0b0c0c; line-height: 1.5; }
    main { max-width: 960px; margin: 0 auto; padding: 20px 15px; }
    h1 { font-size: 2rem; margin: 0 0 10px; color: #d4351c; }
    .problems { padding: 0; list-style: none; }
    .problem { border-left: 5px solid #d4351c; padding: 10px 15px; margin: 0 0 20px; background: #f3f2f1; }
    .where { font-family: monospace; font-weight: 700; margin: 0 0 5px; overflow-wrap: anywhere; }
    .message { margin: 0 0 10px; font-size: 1.1875rem; }
    .code { color: #484949; font-size: 1rem; }
    .source { background: #0b0c0c; color: #fff; padding: 10px; overflow-x: auto; margin: 0 0 10px; }
    .line-number { color: #b1b4b6; }
    .hint { margin: 0; }
    """
}
