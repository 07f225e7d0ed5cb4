/// Rewrites the links between content entries in Markdown *source* (`[Portage](portage.md)`) to
/// addresses, leaving everything else exactly as the editor wrote it. For outputs that carry the
/// Markdown itself, such as the Open Referral feed's descriptions, where `portage.md` means nothing.
///
/// Inline links and reference definitions are rewritten; code spans and fenced code blocks are not.
/// A link to a file the table does not know is left as written (the build reports it elsewhere).
///
/// ```swift
/// let rewritten = MarkdownLinkRewriter(table: ["services/portage.md": "https://x.example.org/services/portage/"])
///     .rewrite("See [Portage](portage.md).", folder: "services")
/// // "See [Portage](https://x.example.org/services/portage/)."
/// ```
public struct MarkdownLinkRewriter: Sendable {
    /// Content path (`services/portage.md`) → address.
    public let table: [String: String]

    public init(table: [String: String]) {
        self.table = table
    }

    public func rewrite(_ markdown: String, folder: String) -> String {
        // Every link has a "]": most descriptions are returned as they are, unread.
        guard markdown.utf8.contains(UInt8(ascii: "]")) else { return markdown }
        var output = ""
        output.reserveCapacity(markdown.utf8.count + 256)
        var fence: String?
        var isFirst = true
        for line in Self.lines(of: markdown) {
            if !isFirst { output += "\n" }
            isFirst = false
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                output += line
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                output += line
                continue
            }
            // Most lines hold no link: copied as they are, without looking at each character.
            guard line.utf8.contains(UInt8(ascii: "]")) else {
                output += line
                continue
            }
            output += rewriteLine(line, folder: folder)
        }
        return output
    }

    /// The lines between "\n"s, found in the UTF-8 bytes: splitting by Character was most of the
    /// rewrite's time. The same lines as `split(separator: "\n")`, as "\n" is always a Character
    /// of its own once the loader has made every line end a "\n" (a "\r\n" left in would keep its
    /// "\r" here).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }

    private func rewriteLine(_ line: Substring, folder: String) -> String {
        // A reference definition: `[label]: destination "title"`.
        let indent = line.prefix(while: { $0 == " " })
        if indent.count <= 3, line.dropFirst(indent.count).hasPrefix("["),
           let close = line.range(of: "]:") {
            let rest = line[close.upperBound...]
            let spaces = rest.prefix(while: { $0 == " " || $0 == "\t" })
            let destination = rest.dropFirst(spaces.count).prefix(while: { !$0.isWhitespace })
            if !destination.isEmpty {
                return String(line[..<close.upperBound]) + spaces + resolve(String(destination), folder: folder)
                    + rest.dropFirst(spaces.count + destination.count)
            }
        }
        var result = ""
        var index = line.startIndex
        var inCode: Int? = nil
        while index < line.endIndex {
            let character = line[index]
            if character == "\\", let next = line.index(index, offsetBy: 2, limitedBy: line.endIndex) {
                result += line[index..<next]
                index = next
                continue
            }
            if character == "`" {
                let run = line[index...].prefix(while: { $0 == "`" }).count
                if inCode == nil { inCode = run } else if inCode == run { inCode = nil }
                result += line[index..<line.index(index, offsetBy: run)]
                index = line.index(index, offsetBy: run)
                continue
            }
            if inCode == nil, character == "]", line[line.index(after: index)...].hasPrefix("(") {
                let open = line.index(index, offsetBy: 2)
                result += "]("
                let (destination, end) = Self.destination(in: line, from: open)
                if let destination {
                    result += destination.angled ? "<" + resolve(destination.text, folder: folder) + ">" : resolve(destination.text, folder: folder)
                    index = end
                } else {
                    index = open
                }
                continue
            }
            result.append(character)
            index = line.index(after: index)
        }
        return result
    }

    /// The destination that starts at `start`: `<...>` or a run without spaces and with balanced brackets.
    private static func destination(in line: Substring, from start: Substring.Index) -> ((text: String, angled: Bool)?, Substring.Index) {
        guard start < line.endIndex else { return (nil, start) }
        if line[start] == "<" {
            guard let close = line[start...].firstIndex(of: ">") else { return (nil, start) }
            return ((String(line[line.index(after: start)..<close]), true), line.index(after: close))
        }
        var depth = 0
        var index = start
        while index < line.endIndex {
            let character = line[index]
            if character.isWhitespace { break }
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            index = line.index(after: index)
        }
        return index == start ? (nil, start) : ((String(line[start..<index]), false), index)
    }

    private func resolve(_ destination: String, folder: String) -> String {
        guard case .contentFile(let path, let fragment) = ContentLinkResolution.classify(destination, from: folder),
              let address = table[path] else { return destination }
        return fragment.map { address + "#" + $0 } ?? address
    }
}
