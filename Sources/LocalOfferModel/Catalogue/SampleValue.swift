/// A value written in a content file: a catalogued field's example or default. Rendered as YAML for
/// the docs and the drift tests, and as JSON for the schemas' `default` and `examples`.
public indirect enum SampleValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number as written, such as 12.50 (kept as text so that it prints as written).
    case decimal(String)
    case boolean(Bool)
    case list([SampleValue])
    case mapping([SampleEntry])

    /// Flow-style YAML on one line: `{min: 0, max: 18}`, `[parent-carer, gp]`, `"09:00"`.
    public var yaml: String {
        switch self {
        case .text(let text): Self.yamlScalar(text)
        case .integer(let number): String(number)
        case .decimal(let number): number
        case .boolean(let value): value ? "true" : "false"
        case .list(let items): "[" + items.map(\.yaml).joined(separator: ", ") + "]"
        case .mapping(let entries): "{" + entries.map { "\($0.key): \($0.value.yaml)" }.joined(separator: ", ") + "}"
        }
    }

    /// Quotes text that YAML would otherwise read as something else: times (`09:00`), numbers,
    /// booleans, null, and text with the characters of flow style.
    static func yamlScalar(_ text: String) -> String {
        let indicators = "-?:,[]{}#&*!|>'\"%@`"
        let plainSafe = !text.isEmpty
            && !text.contains(where: { ",[]{}\"\\".contains($0) })
            && !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
            && !["true", "false", "yes", "no", "null", "~"].contains(text.lowercased())
            && Int(text) == nil && Double(text) == nil && !Self.looksLikeTime(text)
            && text.first.map { !$0.isWhitespace && !indicators.contains($0) } ?? false
            && text.last.map { !$0.isWhitespace } ?? false
        if plainSafe { return text }
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    /// `09:00`: YAML 1.1 readers (PyYAML) take it as a number of minutes; quoted, it is text everywhere.
    private static func looksLikeTime(_ text: String) -> Bool {
        text.contains(":") && text.allSatisfy { $0.isASCIIDigit || $0 == ":" }
    }
}

public struct SampleEntry: Sendable, Equatable {
    public let key: String
    public let value: SampleValue

    public init(_ key: String, _ value: SampleValue) {
        self.key = key
        self.value = value
    }
}
