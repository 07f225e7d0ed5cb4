// Yams exposes no event API, so this reads libyaml's events through the copy of libyaml Yams builds
// (its `CYaml` module): the same parser, so the same structure Yams is about to compose.
internal import CYaml
import LocalOfferContent
import LocalOfferDiagnostics

/// Bounds on the shape of a YAML file, checked on libyaml's event stream before Yams builds any node.
///
/// - **Nesting.** Yams composes (and Swift frees) nodes recursively: a few thousand `[` would exhaust a
///   worker thread's stack. No front matter nests deeper than about six levels; the limit is 64.
///   (libyaml itself stops at 1,000.)
/// - **Alias expansion.** An alias (`*name`) stands for a whole anchored node. Yams shares the node, but
///   hashing mapping keys and every walk over the tree visit it once per use, so nine anchors of nine
///   aliases each ("billion laughs") make a 1 KB file cost 9⁹ visits. The number of values all aliases
///   stand for together is bounded at 10,000: ordinary reuse (`contact: *main-office`) stays far below.
///
/// ```swift
/// if let problem = YAMLLimits.standard.check(source) { diagnostics.append(problem) }
/// ```
struct YAMLLimits: Sendable {
    var maximumDepth: Int
    var maximumAliasedValues: Int

    static let standard = YAMLLimits(maximumDepth: 64, maximumAliasedValues: 10_000)

    /// The first limit the text goes over, or nil. Syntax errors are left to Yams, which reports them
    /// with its own messages: the scan just stops there.
    func check(_ source: SourceText) -> Diagnostic? {
        if let tooDeep = flowNestingProblem(source) { return tooDeep }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(source.text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, source: source)
        }
    }

    private func scan(_ parser: inout yaml_parser_t, source: SourceText) -> Diagnostic? {
        /// An open sequence or mapping: how many values it holds so far, counting what aliases stand for.
        struct Open { var values: Int; var anchor: String? }
        var open: [Open] = []
        var anchoredSizes: [String: Int] = [:]
        var aliasedValues = 0

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(path: source.path, line: Int(mark.line) + source.firstLine, column: Int(mark.column) + 1)
        }
        func close(values: Int, anchor: String?) {
            if let anchor { anchoredSizes[anchor] = values }
            if !open.isEmpty { open[open.count - 1].values += values }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? Self.string(event.data.sequence_start.anchor) : Self.string(event.data.mapping_start.anchor)
                open.append(Open(values: 1, anchor: anchor))
                if open.count > maximumDepth {
                    return .error(
                        .yamlTooDeep, "the YAML nests lists and mappings more than \(maximumDepth) levels deep",
                        at: location(event.start_mark),
                        hint: Self.depthHint
                    )
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let finished = open.popLast() else { return nil }
                close(values: finished.values, anchor: finished.anchor)
            case YAML_SCALAR_EVENT:
                close(values: 1, anchor: Self.string(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                let size = Self.string(event.data.alias.anchor).flatMap { anchoredSizes[$0] } ?? 1
                aliasedValues += size
                if aliasedValues > maximumAliasedValues {
                    return .error(
                        .yamlAliasExpansion,
                        "the YAML's aliases (*name) stand for more than \(Self.grouped(maximumAliasedValues)) values together",
                        at: location(event.start_mark),
                        hint: "write the values out, or use fewer aliases; an alias repeats everything under its anchor"
                    )
                }
                close(values: size, anchor: nil)
            default:
                continue
            }
        }
    }

    /// Flow brackets (`[`, `{`) nested deeper than the limit, found by one pass over the bytes. libyaml
    /// cannot be asked: in flow context every `[` may start a key, so its scanner reads to the
    /// matching `]` before the first event and re-checks every open level at each token, which is
    /// quadratic (200,000 brackets took minutes). Quoted text and comments are skipped; a bracket in
    /// a plain sentence counts, and 65 of them unclosed is itself a runaway bracket.
    func flowNestingProblem(_ source: SourceText) -> Diagnostic? {
        var depth = 0
        var line = 0, column = 0
        var quote: UInt8? = nil
        var inComment = false
        var previous: UInt8 = 0x0A  // the last byte that was not a space, or a line break
        var escaped = false
        var afterSpace = true  // the byte before was a space, a tab or a line break
        for byte in source.text.utf8 {
            defer {
                if byte == 0x0A { line += 1; column = 0 } else if byte & 0xC0 != 0x80 { column += 1 }
                afterSpace = byte == 0x0A || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            }
            if byte == 0x0A {
                inComment = false
                previous = 0x0A
                continue
            }
            if inComment { continue }
            if let open = quote {
                if open == UInt8(ascii: "\""), escaped { escaped = false; continue }
                if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { escaped = true; continue }
                if byte == open { quote = nil; previous = byte }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "#") where afterSpace:
                inComment = true
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // A quote opens quoted text only where a value starts.
                if [0x0A, UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "-")].contains(previous) {
                    quote = byte
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth {
                    return .error(
                        .yamlTooDeep, "the YAML nests lists and mappings more than \(maximumDepth) levels deep",
                        at: SourceLocation(path: source.path, line: line + source.firstLine, column: column + 1),
                        hint: Self.depthHint
                    )
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
            previous = byte
        }
        return nil
    }

    static let depthHint = "no field needs more than a few levels; check for runaway brackets or indentation"

    /// 10000 → "10,000".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
