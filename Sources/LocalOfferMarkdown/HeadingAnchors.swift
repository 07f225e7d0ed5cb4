/// Adds `id` attributes to rendered headings. cmark-gfm has no option for it; because raw HTML is
/// never published and code is escaped, every `<hN>` in its output is a heading, in document order.
enum HeadingAnchors {
    static func insert(_ headings: [Heading], into html: String) -> String {
        guard !headings.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var remaining = headings[...]
        var rest = html[...]
        while let heading = remaining.first {
            let tag = "<h\(heading.level)>"
            guard let range = rest.range(of: tag) else { break }
            output += rest[..<range.lowerBound]
            output += "<h\(heading.level) id=\"\(heading.id)\">"
            rest = rest[range.upperBound...]
            remaining = remaining.dropFirst()
        }
        output += rest
        return output
    }
}
