/// One key of a content file: what it holds, whether it must be there, and what it is for.
public struct CatalogueField: Sendable {
    public let name: String
    public let shape: FieldShape
    public let presence: Presence
    /// Plain English for editors: the hover text in their editor and the docs table's description.
    public let description: String
    /// A value the decoder accepts; derived from the fields of a mapping when not given.
    public let example: SampleValue?
    /// A note for maintainers about how the schema differs from the decoder (the schema's `$comment`).
    public let note: String?

    public init(
        _ name: String, _ shape: FieldShape, _ presence: Presence, _ description: String,
        example: SampleValue? = nil, note: String? = nil
    ) {
        self.name = name
        self.shape = shape
        self.presence = presence
        self.description = description
        self.example = example
        self.note = note
    }
}

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

/// One kind of content file (`service`, `site`...) and its schema file.
public struct CatalogueKind: Sendable {
    /// The schema's file name without `.schema.json`.
    public let id: String
    public let title: String
    public let description: String
    /// Where the files are, for the docs: `content/services/<slug>.md` (front matter).
    public let files: String
    public let root: FieldShape
    /// Requirements that apply only when another field has a value; checked before publishing.
    public let rules: [RequiredWhen]
    /// The field and value that mark a draft, whose `requiredToPublish` fields may be absent.
    public let draft: (field: String, value: String)?
    /// What the draft rule means, for the schema.
    public let draftDescription: String?

    public init(
        id: String, title: String, description: String, files: String, root: FieldShape, rules: [RequiredWhen] = [],
        draft: (field: String, value: String)? = nil, draftDescription: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.files = files
        self.root = root
        self.rules = rules
        self.draft = draft
        self.draftDescription = draftDescription
    }

    /// The top-level mapping, for kinds whose file is one (all but the glossary and synonyms).
    public var mapping: CatalogueMapping? {
        if case .mapping(let mapping) = root { return mapping }
        return nil
    }
}

/// `required` must be present when the field at `when` matches any of `matches`
/// (a specialist service must state its criteria).
public struct RequiredWhen: Sendable {
    public enum Match: Sendable {
        case equals(String)
        /// The value is a mapping (`ehc_plan: {from_age: 19}`).
        case isMapping
    }

    /// Dotted paths from the top of the file: `["eligibility", "criteria"]`.
    public let required: [String]
    public let when: [String]
    public let matches: [Match]
    public let description: String

    public init(_ required: [String], when: [String], matches: [Match], _ description: String) {
        self.required = required
        self.when = when
        self.matches = matches
        self.description = description
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
