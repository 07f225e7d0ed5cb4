/// Adds `id` attributes to rendered headings. cmark-gfm has no option for it; because raw HTML is
/// never published and code is escaped, every `<hN>` in its output is a heading, in document order.
enum HeadingAnchors {
    /// One pass over the bytes: searching the rest of the page again for each heading (Foundation's
    /// `range(of:)` copies a substring to search it) made 250,000 headings take most of a minute.
    static func insert(_ headings: [Heading], into html: String) -> String {
        guard !headings.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var remaining = headings[...]
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            if let heading = remaining.first, index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "<"),
               bytes[index + 1] == UInt8(ascii: "h"), bytes[index + 2] == UInt8(ascii: "0") + UInt8(heading.level),
               bytes[index + 3] == UInt8(ascii: ">") {
                output += Array("<h\(heading.level) id=\"\(heading.id)\">".utf8)
                index += 4
                remaining = remaining.dropFirst()
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
