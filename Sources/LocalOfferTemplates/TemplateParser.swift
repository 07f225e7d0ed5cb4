/// Turns Mustache text into a `Template`. Follows the Mustache specification's rules for "standalone"
/// tags (a section, comment or partial tag alone on its line takes the line with it), so templates
/// can be laid out readably without blank lines in the output.
public struct TemplateError: Error, Sendable, Equatable {
    public let message: String
    public let line: Int
    public let column: Int
}

enum TemplateParser {
    enum TagKind: Equatable {
        case variable(escaped: Bool), section, inverted, close, comment, partial, parent, block
    }

    struct Tag {
        let kind: TagKind
        let content: String
        let start: Int
        let end: Int
        let line: Int
        let column: Int
    }

    static func parse(_ text: String, name: String) throws(TemplateError) -> Template {
        let bytes = Array(text.utf8)
        let tags = try scanTags(bytes)
        // Text is what is left once tags and the whitespace of standalone tags are cut out.
        var cuts = tags.map { $0.start..<$0.end } + standaloneRemovals(bytes, tags: tags)
        cuts.sort { $0.lowerBound < $1.lowerBound }
        var segments: [Range<Int>] = []
        var cursor = 0
        for cut in cuts {
            if cut.lowerBound > cursor { segments.append(cursor..<cut.lowerBound) }
            cursor = max(cursor, cut.upperBound)
        }
        if cursor < bytes.count { segments.append(cursor..<bytes.count) }

        var builder = TreeBuilder()
        var (tagIndex, segmentIndex) = (0, 0)
        while tagIndex < tags.count || segmentIndex < segments.count {
            if segmentIndex < segments.count, tagIndex == tags.count || segments[segmentIndex].lowerBound < tags[tagIndex].start {
                builder.text(Array(bytes[segments[segmentIndex]]))
                segmentIndex += 1
            } else {
                try builder.tag(tags[tagIndex])
                tagIndex += 1
            }
        }
        return try builder.finish(name: name)
    }

    // MARK: Tags

    static func scanTags(_ bytes: [UInt8]) throws(TemplateError) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        let open: UInt8 = 0x7B, close: UInt8 = 0x7D, newline: UInt8 = 0x0A
        while index + 1 < bytes.count {
            if bytes[index] == newline {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == open, bytes[index + 1] == open else {
                index += 1
                continue
            }
            let start = index
            let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
            var cursor = start + 2
            let triple = cursor < bytes.count && bytes[cursor] == open
            if triple { cursor += 1 }
            let contentStart = cursor
            var contentEnd = -1
            while cursor + 1 < bytes.count {
                if bytes[cursor] == close, bytes[cursor + 1] == close {
                    contentEnd = cursor
                    break
                }
                cursor += 1
            }
            guard contentEnd >= 0 else {
                throw TemplateError(message: "a tag is opened with {{ but never closed with }}", line: line, column: column)
            }
            var end = contentEnd + 2
            if triple {
                guard end < bytes.count, bytes[end] == close else {
                    throw TemplateError(message: "a {{{ tag must be closed with }}}", line: line, column: column)
                }
                end += 1
            }
            let raw = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
            let tag = try classify(raw, triple: triple, start: start, end: end, line: line, column: column)
            tags.append(tag)
            // Comments may span lines: keep counting them.
            for byte in bytes[start..<end] where byte == newline {
                line += 1
            }
            if let lastNewline = bytes[start..<end].lastIndex(of: newline) { lineStart = lastNewline + 1 }
            index = end
        }
        return tags
    }

    static func classify(_ raw: String, triple: Bool, start: Int, end: Int, line: Int, column: Int) throws(TemplateError) -> Tag {
        func tag(_ kind: TagKind, _ content: Substring) throws(TemplateError) -> Tag {
            let name = content.trimmingWhitespace
            if kind != .comment, name.isEmpty {
                throw TemplateError(message: "a tag has no name", line: line, column: column)
            }
            return Tag(kind: kind, content: name, start: start, end: end, line: line, column: column)
        }
        if triple { return try tag(.variable(escaped: false), raw[...]) }
        guard let first = raw.first else { throw TemplateError(message: "a tag has no name", line: line, column: column) }
        let rest = raw.dropFirst()
        switch first {
        case "&": return try tag(.variable(escaped: false), rest)
        case "#": return try tag(.section, rest)
        case "^": return try tag(.inverted, rest)
        case "/": return try tag(.close, rest)
        case "!": return try tag(.comment, rest)
        case ">": return try tag(.partial, rest)
        case "<": return try tag(.parent, rest)
        case "$": return try tag(.block, rest)
        case "=":
            throw TemplateError(message: "changing the delimiters ({{=<% %>=}}) is not supported", line: line, column: column)
        case "%":
            // swift-mustache's pragmas (CONTENT_TYPE): every page is HTML, so they change nothing.
            return try tag(.comment, rest)
        default: return try tag(.variable(escaped: true), raw[...])
        }
    }

    /// The byte ranges to drop for standalone tags: the line's leading whitespace, the tag's
    /// trailing whitespace and its newline.
    static func standaloneRemovals(_ bytes: [UInt8], tags: [Tag]) -> [Range<Int>] {
        var removals: [Range<Int>] = []
        for (position, tag) in tags.enumerated() {
            switch tag.kind {
            case .variable: continue
            default: break
            }
            var lineStart = tag.start
            while lineStart > 0, bytes[lineStart - 1] != 0x0A {
                lineStart -= 1
            }
            guard bytes[lineStart..<tag.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            if position > 0, tags[position - 1].end > lineStart { continue }
            var lineEnd = tag.end
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A {
                lineEnd += 1
            }
            guard bytes[tag.end..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { continue }
            if position + 1 < tags.count, tags[position + 1].start < lineEnd { continue }
            let afterNewline = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            if lineStart < tag.start { removals.append(lineStart..<tag.start) }
            if tag.end < afterNewline { removals.append(tag.end..<afterNewline) }
        }
        return removals
    }

    // MARK: Tree

    struct TreeBuilder {
        enum Frame {
            case root
            case section(Tag, inverted: Bool)
            case parent(Tag)
            case block(Tag)
        }

        var frames: [(frame: Frame, nodes: [Template.Node], overrides: [String: [Template.Node]])] = [(.root, [], [:])]
        var references: [Template.Reference] = []

        mutating func text(_ bytes: [UInt8]) {
            guard !bytes.isEmpty else { return }
            // Text directly inside a parent tag, outside blocks, is ignored (Mustache inheritance).
            if case .parent = frames[frames.count - 1].frame { return }
            frames[frames.count - 1].nodes.append(.text(bytes))
        }

        mutating func append(_ node: Template.Node) {
            if case .parent = frames[frames.count - 1].frame { return }
            frames[frames.count - 1].nodes.append(node)
        }

        mutating func tag(_ tag: Tag) throws(TemplateError) {
            switch tag.kind {
            case .comment:
                return
            case .variable(let escaped):
                append(.variable(try Self.name(tag), escaped: escaped))
            case .section:
                frames.append((.section(tag, inverted: false), [], [:]))
            case .inverted:
                frames.append((.section(tag, inverted: true), [], [:]))
            case .parent:
                references.append(.init(name: tag.content, line: tag.line, column: tag.column))
                frames.append((.parent(tag), [], [:]))
            case .block:
                frames.append((.block(tag), [], [:]))
            case .partial:
                references.append(.init(name: tag.content, line: tag.line, column: tag.column))
                append(.partial(tag.content))
            case .close:
                guard frames.count > 1 else {
                    throw TemplateError(message: "{{/\(tag.content)}} closes a section that was never opened", line: tag.line, column: tag.column)
                }
                let (frame, nodes, overrides) = frames.removeLast()
                let opening: Tag
                switch frame {
                case .root: return
                case .section(let open, _), .parent(let open), .block(let open): opening = open
                }
                guard opening.content == tag.content else {
                    throw TemplateError(
                        message: "{{/\(tag.content)}} closes '\(opening.content)', opened on line \(opening.line); close it with {{/\(opening.content)}}",
                        line: tag.line, column: tag.column
                    )
                }
                switch frame {
                case .root: return
                case .section(let open, let inverted):
                    append(.section(try Self.name(open), nodes, inverted: inverted))
                case .parent(let open):
                    append(.parent(open.content, overrides: overrides))
                case .block(let open):
                    // A block inside a parent tag overrides the parent's block; anywhere else it is
                    // a block with default content.
                    if case .parent = frames[frames.count - 1].frame {
                        frames[frames.count - 1].overrides[open.content] = nodes
                    } else {
                        append(.block(open.content, nodes))
                    }
                }
            }
        }

        func finish(name: String) throws(TemplateError) -> Template {
            if let (frame, _, _) = frames.last, frames.count > 1 {
                switch frame {
                case .root: break
                case .section(let open, _), .parent(let open), .block(let open):
                    throw TemplateError(message: "'\(open.content)' is opened here but never closed with {{/\(open.content)}}",
                                        line: open.line, column: open.column)
                }
            }
            return Template(name: name, nodes: frames[0].nodes, references: references)
        }

        static func name(_ tag: Tag) throws(TemplateError) -> Template.Name {
            var content = Substring(tag.content)
            var transform: Template.Transform?
            if let open = content.firstIndex(of: "("), content.hasSuffix(")") {
                let function = String(content[..<open])
                guard let known = Template.Transform(rawValue: function) else {
                    throw TemplateError(message: "'\(function)(…)' is not a transform this theme engine knows", line: tag.line, column: tag.column)
                }
                transform = known
                content = content[content.index(after: open)..<content.index(before: content.endIndex)]
            }
            let path = content == "." ? [] : content.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard path.allSatisfy({ !$0.isEmpty }) else {
                throw TemplateError(message: "'\(tag.content)' is not a valid name", line: tag.line, column: tag.column)
            }
            return Template.Name(path: path, transform: transform)
        }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
