import Foundation

/// A JSON document as plain values. Objects keep their keys in the order they were written, so the
/// feed is byte-identical from one build to the next; there is no `null`, because the ORUK
/// validator allows none (an empty value is left out instead).
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    /// A number written exactly as given (`12.5`): amounts stay decimal, never binary floating point.
    case number(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    // MARK: Reading

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        switch self {
        case .string(let text): text
        case .integer(let value): String(value)
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    // MARK: Writing

    /// Compact JSON with keys in their given order; `/` is not escaped, so URLs stay readable.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The same, as UTF-8 bytes: what is written to disk, made without going through `String`.
    public func serializedBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output)
        return output
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let value): output.append(contentsOf: String(value).utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes `"`, `\\` and control characters, and U+2028 and U+2029 (valid JSON, but they end a
    /// JavaScript string literal); every other byte of the UTF-8 is copied as it is, a run at a time.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func escape(_ replacement: String, skipping count: Int = 1) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: replacement.utf8)
                index += count
                runStart = index
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case 0x0A: escape("\\n")
                case 0x0D: escape("\\r")
                case 0x09: escape("\\t")
                // `<`, `>` and `&` as escapes: the lists are `index.html` files, and a host that serves them
                // as HTML (its JSON type not set, as the README asks) must still find no markup in them.
                case UInt8(ascii: "<"): escape("\\u003c")
                case UInt8(ascii: ">"): escape("\\u003e")
                case UInt8(ascii: "&"): escape("\\u0026")
                case 0x08: escape("\\b")
                case 0x0C: escape("\\f")
                case 0..<0x20:
                    let hex = [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                    escape("\\u00" + String(decoding: hex, as: UTF8.self))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default:
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// Builds a JSON object, leaving out every key whose value is empty: the feed never has `null`, `""` or `[]`.
public struct JSONObjectBuilder {
    public private(set) var members: [(key: String, value: JSONValue)] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        members.append((key, .string(value)))
    }

    public mutating func add(_ key: String, _ value: Int?) {
        guard let value else { return }
        members.append((key, .integer(value)))
    }

    public mutating func add(_ key: String, _ value: Bool) {
        members.append((key, .bool(value)))
    }

    public mutating func add(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        if case .array(let items) = value, items.isEmpty { return }
        if case .object(let fields) = value, fields.isEmpty { return }
        members.append((key, value))
    }

    public mutating func add(_ key: String, _ values: [JSONValue]) {
        add(key, .array(values))
    }

    public var value: JSONValue { .object(members) }
}

// MARK: Parsing

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [(key: String, value: JSONValue)] = []
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                // A null member is the same as a missing one.
                if try container.decodeNil(forKey: key) { continue }
                members.append((key.stringValue, try container.decode(JSONValue.self, forKey: key)))
            }
            self = .object(members)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !container.isAtEnd {
                if try container.decodeNil() { continue }
                items.append(try container.decode(JSONValue.self))
            }
            self = .array(items)
            return
        }
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(Self.numberText(value))
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Parses JSON text. Nulls are dropped, as if the key were missing.
    public static func parse(_ data: Data) -> Result<JSONValue, JSONParseError> {
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: data))
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return .failure(JSONParseError(message: detail ?? context.debugDescription))
        } catch {
            return .failure(JSONParseError(message: "\(error)"))
        }
    }

    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

public struct JSONParseError: Error, Sendable, Equatable {
    public let message: String
}
