import LocalOfferText
/// A JSON value whose objects keep their keys in the order written, so that a generated schema is
/// the same text on every run and reads in a sensible order (type, constraints, then description).
public indirect enum SchemaJSON: Sendable, Equatable {
    case string(String)
    case integer(Int)
    /// A number as written in the catalogue (`12.50`).
    case number(String)
    case bool(Bool)
    case array([SchemaJSON])
    case object([SchemaMember])

    static func object(_ members: KeyValuePairs<String, SchemaJSON?>) -> SchemaJSON {
        .object(members.compactMap { key, value in value.map { SchemaMember(key, $0) } })
    }

    static func strings(_ values: [String]) -> SchemaJSON { .array(values.map(SchemaJSON.string)) }

    /// The members of an object; empty for any other value.
    var members: [SchemaMember] {
        if case .object(let members) = self { return members }
        return []
    }

    /// This object with `other`'s members added: objects under the same key are merged, arrays
    /// under the same key concatenated, anything else replaced.
    func merging(_ other: SchemaJSON) -> SchemaJSON {
        var result = members
        for member in other.members {
            if let index = result.firstIndex(where: { $0.key == member.key }) {
                switch (result[index].value, member.value) {
                case (.object, .object): result[index] = SchemaMember(member.key, result[index].value.merging(member.value))
                case (.array(let first), .array(let second)): result[index] = SchemaMember(member.key, .array(first + second))
                default: result[index] = member
                }
            } else {
                result.append(member)
            }
        }
        return .object(result)
    }

    /// Indented by two spaces, one member or item a line, with a final new line: the layout of
    /// `json.dumps(value, indent=2, ensure_ascii=False)`.
    public var text: String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        case .string(let text): output += Self.quoted(text)
        case .integer(let number): output += String(number)
        case .number(let number): output += number
        case .bool(let value): output += value ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += indent + "  "
                item.write(to: &output, indent: indent + "  ")
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += indent + "  " + Self.quoted(member.key) + ": "
                member.value.write(to: &output, indent: indent + "  ")
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        }
    }

    /// A JSON string as the schema files write it: `<`, `>` and `&` stay readable.
    static func quoted(_ text: String) -> String {
        JSONText.string(text, inertInHTML: false)
    }
}

public struct SchemaMember: Sendable, Equatable {
    public let key: String
    public let value: SchemaJSON

    init(_ key: String, _ value: SchemaJSON) {
        self.key = key
        self.value = value
    }
}
