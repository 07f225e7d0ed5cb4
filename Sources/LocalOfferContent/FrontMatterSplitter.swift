import LocalOfferDiagnostics

extension ContentDocument {
    /// Splits `---` front matter from the Markdown body. The opening `---` must be the first line
    /// (after an optional byte-order mark); the closing one is the next line that is exactly `---`
    /// (or `...`, which YAML also uses to end a document).
    public static func split(
        _ text: String, path: String, kind: ContentKind, slug: String
    ) -> Result<ContentDocument, Diagnostic> {
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
