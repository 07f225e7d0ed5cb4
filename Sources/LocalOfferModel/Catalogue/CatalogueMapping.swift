/// A YAML mapping: its keys, in the order editors write them. Only these keys are allowed: any
/// other is reported as unknown (LO102) by the decoder, and refused by the schema.
public struct CatalogueMapping: Sendable {
    /// The name of the shared definition (`contact`, `address`) in each schema's `$defs`; nil when
    /// the mapping is written out where it is used.
    public let definition: String?
    public let description: String
    public let fields: [CatalogueField]
    /// At least one of these keys must be present (a contact's phone, email or website).
    public let atLeastOneOf: [String]

    public init(definition: String? = nil, _ description: String, atLeastOneOf: [String] = [], _ fields: [CatalogueField]) {
        self.definition = definition
        self.description = description
        self.fields = fields
        self.atLeastOneOf = atLeastOneOf
    }

    /// The allowed keys, in order: what the decoder checks each mapping's keys against.
    public var keys: [String] { fields.map(\.name) }

    public subscript(key: String) -> CatalogueField? {
        fields.first { $0.name == key }
    }
}

extension CatalogueMapping {
    /// The field at a dotted path from this mapping, through mappings, list items and alternatives:
    /// `contact.name`, `locations.address.line1`, `cost.description`.
    public func field(at path: String) -> CatalogueField? {
        let keys = path.split(separator: ".").map(String.init)
        guard let first = keys.first, let found = self[first] else { return nil }
        if keys.count == 1 { return found }
        let rest = keys.dropFirst().joined(separator: ".")
        return found.shape.mappings.lazy.compactMap { $0.field(at: rest) }.first
    }

    /// The length the catalogue allows the text at `path`. For constants of the program (the
    /// importers' limits), so a path that names no text field is a programming error.
    public func length(at path: String) -> ClosedRange<Int> {
        switch field(at: path)?.shape {
        case .text(let length)?, .plainText(let length)?, .word(let length)?: return length
        case .list(let list)?:
            if case .text(let length) = list.item { return length }
        default: break
        }
        preconditionFailure("the field catalogue has no text field '\(path)'")
    }

    /// The range the catalogue allows the whole number at `path` (a programming error if there is none).
    public func range(at path: String) -> ClosedRange<Int> {
        guard case .integer(let range)? = field(at: path)?.shape else {
            preconditionFailure("the field catalogue has no whole-number field '\(path)'")
        }
        return range
    }
}

extension FieldShape {
    /// The mappings this shape is or holds: itself, its list's items, its alternatives.
    var mappings: [CatalogueMapping] {
        switch self {
        case .mapping(let mapping): [mapping]
        case .list(let list): list.item.mappings
        case .either(let alternatives): alternatives.flatMap(\.shape.mappings)
        default: []
        }
    }
}
