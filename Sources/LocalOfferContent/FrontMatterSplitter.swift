import LocalOfferDiagnostics

extension ContentDocument {
    /// Splits `---` front matter from the Markdown body. The opening `---` must be the first line
    /// (after an optional byte-order mark); the closing one is the next line that is exactly `---`
    /// (or `...`, which YAML also uses to end a document).
    public static func split(
        _ text: String, path: String, kind: ContentKind, slug: String
    ) -> Result<ContentDocument, Diagnostic> {
        // The loader has made every line end a "\n"; text with a "\r" goes the Character way.
        text.utf8.contains(UInt8(ascii: "\r"))
            ? splitByCharacters(text, path: path, kind: kind, slug: slug)
            : splitLines(text, path: path, kind: kind, slug: slug)
    }

    static func splitByCharacters(_ text: String, path: String, kind: ContentKind, slug: String) -> Result<ContentDocument, Diagnostic> {
        // "\r\n" is a single Character in Swift, so Windows line endings need naming separately.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
        }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.error(
                .missingFrontMatter, "the file does not start with front matter",
                at: SourceLocation(path: path, line: 1, column: 1),
                hint: "begin the file with a line '---', the YAML fields, then another '---' line"
            ))
        }
        guard let closing = lines.indices.dropFirst().first(where: { index in
            let line = lines[index].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(.error(
                .missingFrontMatter, "the front matter is not closed",
                at: SourceLocation(path: path, line: 1, column: 1),
                hint: "add a line '---' after the last YAML field, before the Markdown text"
            ))
        }
        let frontMatter = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(ContentDocument(
            kind: kind, slug: slug, path: path,
            frontMatter: SourceText(path: path, text: frontMatter, firstLine: 2),
            body: SourceText(path: path, text: body, firstLine: closing + 2)
        ))
    }

    /// The same split for text whose lines all end in "\n", read in its UTF-8 bytes up to the
    /// closing line only: splitting every file into Character lines was a tenth of `check`. Front
    /// matter and body are slices of the text, as "\n" always stands between two Characters.
    static func splitLines(_ text: String, path: String, kind: ContentKind, slug: String) -> Result<ContentDocument, Diagnostic> {
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index {
            utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        }
        func isMarker(_ line: Substring.UTF8View, _ markers: [String]) -> Bool {
            var line = line
            while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line.removeLast() }
            return markers.contains { line.elementsEqual($0.utf8) }
        }
        let firstEnd = lineEnd(from: utf8.startIndex)
        var first = text[utf8.startIndex..<firstEnd].utf8
        if first.starts(with: [0xEF, 0xBB, 0xBF]) { first.removeFirst(3) }
        guard isMarker(first, ["---"]) else {
            return .failure(.error(
                .missingFrontMatter, "the file does not start with front matter",
                at: SourceLocation(path: path, line: 1, column: 1),
                hint: "begin the file with a line '---', the YAML fields, then another '---' line"
            ))
        }
        let frontStart = firstEnd == utf8.endIndex ? utf8.endIndex : utf8.index(after: firstEnd)
        var lineStart = frontStart
        var lineNumber = 2
        var closing: (start: String.Index, end: String.Index)?
        while firstEnd != utf8.endIndex {
            let end = lineEnd(from: lineStart)
            if isMarker(text[lineStart..<end].utf8, ["---", "..."]) {
                closing = (lineStart, end)
                break
            }
            if end == utf8.endIndex { break }
            lineStart = utf8.index(after: end)
            lineNumber += 1
        }
        guard let closing else {
            return .failure(.error(
                .missingFrontMatter, "the front matter is not closed",
                at: SourceLocation(path: path, line: 1, column: 1),
                hint: "add a line '---' after the last YAML field, before the Markdown text"
            ))
        }
        // Without the "\n" before the closing line; empty when the closing line follows the opening one.
        let frontMatter = closing.start == frontStart ? "" : String(text[frontStart..<utf8.index(before: closing.start)])
        let body = closing.end == utf8.endIndex ? "" : String(text[utf8.index(after: closing.end)...])
        return .success(ContentDocument(
            kind: kind, slug: slug, path: path,
            frontMatter: SourceText(path: path, text: frontMatter, firstLine: 2),
            body: SourceText(path: path, text: body, firstLine: lineNumber + 1)
        ))
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
