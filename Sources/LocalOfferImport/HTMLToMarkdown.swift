import Foundation

/// Turns the HTML that feeds put in descriptions into clean Markdown: paragraphs, headings, lists,
/// links, emphasis and line breaks survive; every tag, comment, script and style goes; entities are
/// decoded; characters Markdown would read as formatting are escaped. No raw HTML is ever left, so the
/// entry renders the same whatever the Markdown renderer's HTML settings.
///
/// Real feeds are rarely well formed: unclosed `<p>` and `<li>`, stray end tags, `<br><br>` for
/// paragraphs, upper-case tags, attributes without quotes. The parser is tolerant in the ways browsers are.
///
/// ```swift
/// HTMLToMarkdown.convert("<p>Call <b>Ann</b> on 020&nbsp;7946 0000<br>Mon&ndash;Fri</p>")
/// // "Call **Ann** on 020 7946 0000\\\nMon–Fri"
/// ```
public enum HTMLToMarkdown {
    /// Markdown from text that may be HTML. Text without tags is kept as written (it may be Markdown),
    /// with entities decoded and line endings normalised.
    public static func convert(_ text: String) -> String {
        blocks(text).map(\.markdown).joined(separator: "\n\n")
    }

    /// Plain text on one line, for names and titles: tags dropped, entities decoded, spaces collapsed.
    public static func plainLine(_ text: String) -> String {
        let decoded = looksLikeHTML(text) ? blocks(text).map(\.plain).joined(separator: " ") : HTMLEntities.decode(text)
        return collapseWhitespace(decoded)
    }

    /// The description as paragraphs of plain text (for a summary) and as Markdown blocks.
    public static func blocks(_ text: String) -> [TextBlock] {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        guard looksLikeHTML(normalised) else {
            return paragraphsOfPlainText(HTMLEntities.decode(normalised, escapingMarkup: true)
                .replacingOccurrences(of: "\u{00A0}", with: " ").filter { !invisible.contains($0) })
        }
        let tree = HTMLTreeBuilder.build(HTMLTokenizer.tokens(normalised))
        return BlockRenderer().blocks(tree).compactMap { $0.isEmpty ? nil : $0 }
    }

    /// True when the text has a tag, a comment or a character reference that only HTML would have.
    public static func looksLikeHTML(_ text: String) -> Bool {
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            let next = text.index(after: open)
            guard next < text.endIndex else { return false }
            let character = text[next]
            if character.isASCII && character.isLetter || character == "/" || character == "!" { return true }
            index = next
        }
        return false
    }

    static func paragraphsOfPlainText(_ text: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current: [Substring] = []
        func flush() {
            guard !current.isEmpty else { return }
            let markdown = current.map { $0.trimmingTrailingWhitespace() }.joined(separator: "\n")
            blocks.append(TextBlock(markdown: markdown, plain: collapseWhitespace(markdown), kind: .paragraph))
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) { flush() } else { current.append(line) }
        }
        flush()
        return blocks
    }

    static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else if !invisible.contains(character) {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    static let invisible: Set<Character> = ["\u{200B}", "\u{FEFF}", "\u{00AD}"]
}

/// One block of converted text: its Markdown and its plain text.
public struct TextBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case paragraph, heading, list, quote }
    public var markdown: String
    public var plain: String
    public var kind: Kind

    var isEmpty: Bool { plain.isEmpty && markdown.isEmpty }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}

// MARK: Tokens

enum HTMLToken {
    case text(String)
    case start(name: String, attributes: [String: String], selfClosing: Bool)
    case end(name: String)
}

enum HTMLTokenizer {
    /// Elements whose content is never text for people.
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]

    static func tokens(_ html: String) -> [HTMLToken] {
        let scalars = Array(html.unicodeScalars)
        var tokens: [HTMLToken] = []
        var text = String.UnicodeScalarView()
        var index = 0

        func flushText() {
            if !text.isEmpty { tokens.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        func startsWith(_ literal: String, at position: Int) -> Bool {
            let needle = Array(literal.unicodeScalars)
            guard position + needle.count <= scalars.count else { return false }
            for offset in 0..<needle.count where scalars[position + offset].properties.lowercaseMapping != String(needle[offset]) {
                return false
            }
            return true
        }

        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count else {
                text.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if startsWith("<!--", at: index) {
                flushText()
                var end = index + 4
                while end < scalars.count, !startsWith("-->", at: end) { end += 1 }
                index = min(scalars.count, end + 3)
            } else if next == "!" || next == "?" {
                flushText()
                var end = index + 2
                while end < scalars.count, scalars[end] != ">" { end += 1 }
                index = end + 1
            } else if next == "/" || next.properties.isAlphabetic && next.isASCII {
                guard let (token, after) = tag(scalars, from: index) else {
                    text.append(scalar)
                    index += 1
                    continue
                }
                flushText()
                index = after
                if case .start(let name, _, let selfClosing) = token, rawText.contains(name), !selfClosing {
                    // Skip to the matching end tag: its content is code or a title, not text.
                    var end = index
                    while end < scalars.count, !startsWith("</" + name, at: end) { end += 1 }
                    while end < scalars.count, scalars[end] != ">" { end += 1 }
                    index = min(scalars.count, end + 1)
                    continue
                }
                tokens.append(token)
            } else {
                text.append(scalar)
                index += 1
            }
        }
        flushText()
        return tokens
    }

    /// A tag starting at `start` (the `<`), or nil when it is not one (then `<` is text).
    private static func tag(_ scalars: [Unicode.Scalar], from start: Int) -> (HTMLToken, Int)? {
        var index = start + 1
        let isEnd = scalars[index] == "/"
        if isEnd { index += 1 }
        var name = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) || scalars[index] == "-" || scalars[index] == ":" {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !name.isEmpty else { return nil }
        name = name.lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" { index += 1; break }
            if scalar == "/" { selfClosing = true; index += 1; continue }
            if scalar.properties.isWhitespace { index += 1; continue }
            var attribute = ""
            while index < scalars.count, !scalars[index].properties.isWhitespace, !["=", ">", "/"].contains(scalars[index]) {
                attribute.unicodeScalars.append(scalars[index])
                index += 1
            }
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                }
            }
            if !attribute.isEmpty { attributes[attribute.lowercased()] = HTMLEntities.decode(value) }
            if attribute.isEmpty && index < scalars.count && scalars[index] != ">" { index += 1 }
        }
        return (isEnd ? .end(name: name) : .start(name: name, attributes: attributes, selfClosing: selfClosing), index)
    }
}

// MARK: Tree

indirect enum HTMLNode {
    case text(String)
    case element(name: String, attributes: [String: String], children: [HTMLNode])
}

enum HTMLTreeBuilder {
    static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param",
                                    "source", "track", "wbr"]
    /// Elements that end an open `<p>`, as in browsers.
    static let closesParagraph: Set<String> = [
        "p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section",
        "article", "aside", "header", "footer", "nav", "form", "fieldset", "figure", "hr", "address", "details", "main",
    ]

    static func build(_ tokens: [HTMLToken]) -> [HTMLNode] {
        var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [("#root", [:], [])]

        func close() {
            let element = stack.removeLast()
            stack[stack.count - 1].children.append(.element(name: element.name, attributes: element.attributes, children: element.children))
        }
        func closeUpTo(_ name: String, stoppingAt barriers: Set<String> = []) {
            guard let position = stack.lastIndex(where: { $0.name == name || barriers.contains($0.name) }),
                  stack[position].name == name, position > 0 else { return }
            while stack.count > position { close() }
        }

        for token in tokens {
            switch token {
            case .text(let text):
                stack[stack.count - 1].children.append(.text(text))
            case .start(let name, let attributes, let selfClosing):
                if closesParagraph.contains(name) { closeUpTo("p", stoppingAt: ["div", "li", "td", "th", "blockquote"]) }
                if name == "li" { closeUpTo("li", stoppingAt: ["ul", "ol"]) }
                if name == "dt" || name == "dd" { closeUpTo("dt", stoppingAt: ["dl"]); closeUpTo("dd", stoppingAt: ["dl"]) }
                if name == "tr" { closeUpTo("tr", stoppingAt: ["table"]) }
                if name == "td" || name == "th" { closeUpTo("td", stoppingAt: ["tr"]); closeUpTo("th", stoppingAt: ["tr"]) }
                if void.contains(name) || selfClosing {
                    stack[stack.count - 1].children.append(.element(name: name, attributes: attributes, children: []))
                } else {
                    stack.append((name, attributes, []))
                }
            case .end(let name):
                if name == "br" {  // </br> is a line break in every browser
                    stack[stack.count - 1].children.append(.element(name: "br", attributes: [:], children: []))
                } else if name == "p", !stack.contains(where: { $0.name == "p" }) {
                    continue  // a stray </p>
                } else {
                    closeUpTo(name)
                }
            }
        }
        while stack.count > 1 { close() }
        return stack[0].children
    }
}

// MARK: Rendering

struct BlockRenderer {
    static let ignored: Set<String> = ["head", "script", "style", "noscript", "template", "iframe", "object", "svg",
                                       "select", "button", "canvas", "video", "audio", "map", "form-hidden"]
    static let containers: Set<String> = ["div", "section", "article", "main", "header", "footer", "aside", "nav",
                                          "center", "form", "fieldset", "figure", "figcaption", "details", "summary",
                                          "address", "body", "html", "tbody", "thead", "tfoot", "dl", "legend"]
    static let blockNames: Set<String> = containers.union([
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "hr", "dt", "dd",
    ])

    /// The marker of a line break inside a paragraph until the paragraph is finished.
    static let lineBreak: Character = "\u{2028}"

    func blocks(_ nodes: [HTMLNode]) -> [TextBlock] {
        var result: [TextBlock] = []
        var run: [HTMLNode] = []
        func flush() {
            result += paragraphs(inline(run))
            run = []
        }
        for node in nodes {
            if case .element(let name, _, _) = node, Self.blockNames.contains(name) || Self.ignored.contains(name) {
                flush()
                result += block(node)
            } else {
                run.append(node)
            }
        }
        flush()
        return result
    }

    private func block(_ node: HTMLNode) -> [TextBlock] {
        guard case .element(let name, _, let children) = node, !Self.ignored.contains(name) else { return [] }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = inline(children)
            let plain = Self.finishPlain(text.plain)
            guard !plain.isEmpty else { return [] }
            let level = ["h1": 2, "h2": 2, "h3": 3].first { $0.key == name }?.value ?? 4
            let markdown = Self.finishMarkdown(text.markdown).replacingOccurrences(of: "\\\n", with: " ")
            return [TextBlock(markdown: String(repeating: "#", count: level) + " " + markdown, plain: plain, kind: .heading)]
        case "ul", "ol":
            return list(children, ordered: name == "ol")
        case "li":
            return list([node], ordered: false)
        case "blockquote":
            let inner = blocks(children)
            guard !inner.isEmpty else { return [] }
            let markdown = inner.map(\.markdown).joined(separator: "\n\n")
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
            return [TextBlock(markdown: markdown, plain: inner.map(\.plain).joined(separator: " "), kind: .quote)]
        case "table":
            return table(children)
        case "tr":
            return table([node])
        case "hr":
            return []
        case "pre":
            return paragraphs(inline(children, preserveLines: true))
        case "dt":
            let text = inline(children)
            let plain = Self.finishPlain(text.plain)
            return plain.isEmpty ? [] : [TextBlock(markdown: "**" + Self.finishMarkdown(text.markdown) + "**", plain: plain, kind: .paragraph)]
        default:  // p, dd and containers: their content, which may hold more blocks
            return blocks(children)
        }
    }

    private func list(_ children: [HTMLNode], ordered: Bool) -> [TextBlock] {
        var items: [[TextBlock]] = []
        var loose: [HTMLNode] = []
        for child in children {
            switch child {
            case .element("li", _, let content):
                items.append(blocks(content))
            case .element(let name, _, _) where name == "ul" || name == "ol":
                // A list directly inside a list belongs to the item before it.
                let nested = block(child)
                if items.isEmpty { items.append(nested) } else { items[items.count - 1] += nested }
            default:
                loose.append(child)
            }
        }
        let stray = paragraphs(inline(loose))
        if !stray.isEmpty { items.insert(stray, at: 0) }
        items = items.filter { !$0.isEmpty }
        guard !items.isEmpty else { return [] }
        // Tight (no blank lines) when no item has more than one paragraph: nested lists need none.
        let tight = items.allSatisfy { $0.filter { $0.kind != .list }.count <= 1 }
        var markdownItems: [String] = []
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(index + 1). " : "- "
            let indent = String(repeating: " ", count: marker.count)
            let body = item.map(\.markdown).joined(separator: tight ? "\n" : "\n\n")
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            let indented = lines.enumerated().map { offset, line in
                offset == 0 ? marker + line : (line.isEmpty ? "" : indent + line)
            }
            markdownItems.append(indented.joined(separator: "\n"))
        }
        return [TextBlock(markdown: markdownItems.joined(separator: tight ? "\n" : "\n\n"),
                          plain: items.map { $0.map(\.plain).joined(separator: " ") }.joined(separator: "; "), kind: .list)]
    }

    private func table(_ children: [HTMLNode]) -> [TextBlock] {
        var rows: [[String]] = []
        var plainRows: [[String]] = []
        func collect(_ nodes: [HTMLNode]) {
            for node in nodes {
                guard case .element(let name, _, let content) = node else { continue }
                if name == "tr" {
                    var cells: [String] = []
                    var plainCells: [String] = []
                    for cell in content {
                        guard case .element(let cellName, _, let cellContent) = cell, cellName == "td" || cellName == "th" else { continue }
                        let text = inline(cellContent)
                        let plain = Self.finishPlain(text.plain)
                        if !plain.isEmpty {
                            cells.append(Self.finishMarkdown(text.markdown).replacingOccurrences(of: "\\\n", with: " "))
                            plainCells.append(plain)
                        }
                    }
                    if !cells.isEmpty { rows.append(cells); plainRows.append(plainCells) }
                } else if !Self.ignored.contains(name) {
                    collect(content)
                }
            }
        }
        collect(children)
        guard !rows.isEmpty else { return [] }
        // A table becomes a list of its rows: readable on a phone, and no layout to get wrong.
        return [TextBlock(markdown: rows.map { "- " + $0.joined(separator: ": ") }.joined(separator: "\n"),
                          plain: plainRows.map { $0.joined(separator: ": ") }.joined(separator: "; "), kind: .list)]
    }

    // MARK: Inline

    struct Inline {
        var markdown = ""
        var plain = ""

        mutating func append(_ other: Inline) {
            markdown += other.markdown
            plain += other.plain
        }
    }

    func inline(_ nodes: [HTMLNode], preserveLines: Bool = false) -> Inline {
        var result = Inline()
        for node in nodes {
            switch node {
            case .text(let raw):
                var text = HTMLEntities.decode(raw)
                if preserveLines { text = text.replacingOccurrences(of: "\n", with: String(Self.lineBreak)) }
                result.append(Inline(markdown: Self.escape(text), plain: text))
            case .element(let name, let attributes, let children):
                if Self.ignored.contains(name) { continue }
                switch name {
                case "br":
                    result.append(Inline(markdown: String(Self.lineBreak), plain: String(Self.lineBreak)))
                case "strong", "b":
                    result.append(wrap(inline(children, preserveLines: preserveLines), in: "**"))
                case "em", "i", "cite", "dfn":
                    result.append(wrap(inline(children, preserveLines: preserveLines), in: "*"))
                case "code", "kbd", "samp", "tt":
                    let text = Self.finishPlain(inline(children).plain)
                    if !text.isEmpty {
                        let fence = text.contains("`") ? "`` " : "`"
                        result.append(Inline(markdown: fence + text + String(fence.reversed()), plain: text))
                    }
                case "a":
                    result.append(link(inline(children, preserveLines: preserveLines), href: attributes["href"]))
                case "img":
                    if let alt = attributes["alt"].map(HTMLToMarkdown.collapseWhitespace), !alt.isEmpty {
                        result.append(Inline(markdown: Self.escape(alt), plain: alt))
                    }
                default:
                    // span, font, u, small, abbr... and block elements inside inline ones: their text.
                    let inner = inline(children, preserveLines: preserveLines)
                    if Self.blockNames.contains(name) {
                        result.append(Inline(markdown: " ", plain: " "))
                        result.append(inner)
                        result.append(Inline(markdown: " ", plain: " "))
                    } else {
                        result.append(inner)
                    }
                }
            }
        }
        return result
    }

    /// `**text**` with the spaces kept outside the markers, which Markdown requires.
    private func wrap(_ inner: Inline, in marker: String) -> Inline {
        let trimmed = Self.trimSpaces(inner.markdown)
        guard !trimmed.core.isEmpty, !trimmed.core.contains(Self.lineBreak) else { return inner }
        return Inline(markdown: trimmed.leading + marker + trimmed.core + marker + trimmed.trailing, plain: inner.plain)
    }

    private func link(_ inner: Inline, href: String?) -> Inline {
        guard let href = href?.trimmingCharacters(in: .whitespacesAndNewlines), let scheme = href.split(separator: ":").first?.lowercased(),
              ["http", "https", "mailto", "tel"].contains(scheme), href.contains(":") else { return inner }
        let destination = href.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28")
            .replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
        let trimmed = Self.trimSpaces(inner.markdown)
        if trimmed.core.isEmpty {
            let visible = String(href.drop(while: { $0 != ":" }).dropFirst()).replacingOccurrences(of: "//", with: "", options: .anchored)
            return Inline(markdown: "[" + Self.escape(visible) + "](" + destination + ")", plain: visible)
        }
        let core = trimmed.core.replacingOccurrences(of: String(Self.lineBreak), with: " ")
        return Inline(markdown: trimmed.leading + "[" + core + "](" + destination + ")" + trimmed.trailing, plain: inner.plain)
    }

    private static func trimSpaces(_ text: String) -> (leading: String, core: String, trailing: String) {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && $0 != lineBreak || $0 == "\u{00A0}" }
        let leading = text.prefix(while: isSpace)
        let rest = text.dropFirst(leading.count)
        let trailingCount = rest.reversed().prefix(while: isSpace).count
        return (leading.isEmpty ? "" : " ", String(rest.dropLast(trailingCount)), trailingCount == 0 ? "" : " ")
    }

    /// Paragraphs from inline text: two or more line breaks in a row start a new paragraph.
    private func paragraphs(_ text: Inline) -> [TextBlock] {
        let markdownParts = Self.splitOnDoubleBreaks(text.markdown)
        let plainParts = Self.splitOnDoubleBreaks(text.plain)
        var blocks: [TextBlock] = []
        for (index, part) in markdownParts.enumerated() {
            let markdown = Self.finishMarkdown(part)
            let plain = index < plainParts.count ? Self.finishPlain(plainParts[index]) : ""
            if !markdown.isEmpty { blocks.append(TextBlock(markdown: markdown, plain: plain, kind: .paragraph)) }
        }
        return blocks
    }

    private static func splitOnDoubleBreaks(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var breaks = 0
        for character in text {
            if character == lineBreak {
                breaks += 1
                continue
            }
            if breaks > 0 {
                if character.isWhitespace { continue }
                if breaks >= 2 { parts.append(current); current = "" } else { current.append(lineBreak) }
                breaks = 0
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    /// Collapses spaces, turns single line breaks into Markdown hard breaks, escapes line starts.
    static func finishMarkdown(_ text: String) -> String {
        let lines = text.split(separator: lineBreak).map { HTMLToMarkdown.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
        return lines.map(escapeLineStart).joined(separator: "\\\n")
    }

    static func finishPlain(_ text: String) -> String {
        HTMLToMarkdown.collapseWhitespace(text.replacingOccurrences(of: String(lineBreak), with: " "))
    }

    /// Characters Markdown reads as formatting, escaped where they occur in text.
    static func escape(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "~", "|":
                result += "\\" + String(character)
            case "&":
                // Only where it would otherwise be read as a character reference again.
                let rest = text[text.index(after: index)...]
                let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "#" })
                let semicolon = rest.index(rest.startIndex, offsetBy: name.count)
                result += !name.isEmpty && semicolon < text.endIndex && text[semicolon] == ";" ? "\\&" : "&"
            default:
                result.append(character)
            }
            index = text.index(after: index)
        }
        return result
    }

    /// A line that would start a heading, list or quote is escaped: `# 1`, `- `, `+ `, `1. `, `1) `.
    static func escapeLineStart(_ line: String) -> String {
        if line.hasPrefix("#") || line.hasPrefix("+ ") || line.hasPrefix("- ") || line.hasPrefix("= ") || line == "-" || line == "+" {
            return "\\" + line
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if (after.hasPrefix(". ") || after.hasPrefix(") ") || after == "." || after == ")"), let marker = after.first {
                return String(digits) + "\\" + String(marker) + after.dropFirst()
            }
        }
        return line
    }
}
