/// What a field's value looks like: the one description from which the JSON Schemas, the field
/// tables in docs/content-format.md and the decoder's allowed keys are all derived.
public indirect enum FieldShape: Sendable {
    /// Text, trimmed, whose length in characters must be in the range.
    case text(length: ClosedRange<Int>)
    /// Text shown exactly as written: no Markdown or HTML (DecodingContext.plainText).
    case plainText(length: ClosedRange<Int>)
    /// One word: letters, digits and apostrophes only.
    case word(length: ClosedRange<Int>)
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// Pounds and pence, at most two decimal places, from 0 to below `below` pounds.
    case amount(below: Int)
    /// true or false.
    case boolean
    /// A value with a format of its own (a date, a phone number...), checked by its value type.
    case value(ValueFormat)
    /// A date no later than today (when the details were checked): `check` reports a future one (LO108).
    case pastDate
    /// The slug of another entry; that it exists is a rule between entries, checked after decoding.
    case reference(EntryReference)
    /// One of a closed vocabulary: the raw values of the enum the decoder reads it as.
    case choice([String])
    /// Exactly this word.
    case constant(String)
    case list(ListShape)
    case mapping(CatalogueMapping)
    /// One of several shapes (`cost: free` or a list of prices).
    case either([Alternative])

    /// The raw values of a closed vocabulary, in its declared order: the enum is the one home of the list.
    public static func choice<Value: RawRepresentable & CaseIterable>(of type: Value.Type) -> FieldShape
    where Value.RawValue == String {
        .choice(Value.allCases.map(\.rawValue))
    }

    public static func list(
        of item: FieldShape, item itemDescription: String, minItems: Int = 0, unique: Bool = false, example: SampleValue? = nil
    ) -> FieldShape {
        .list(ListShape(item: item, itemDescription: itemDescription, minItems: minItems, unique: unique, example: example))
    }
}

public struct ListShape: Sendable {
    public let item: FieldShape
    /// What one item is, for editors' hovers.
    public let itemDescription: String
    public let minItems: Int
    /// Whether the decoder reports an item given twice.
    public let unique: Bool
    /// A whole list, where the list is not a field with an example of its own (a synonym group).
    public let example: SampleValue?
}

/// One of the shapes of an `either` field, with what choosing it means.
public struct Alternative: Sendable {
    public let shape: FieldShape
    public let description: String

    public init(_ shape: FieldShape, _ description: String) {
        self.shape = shape
        self.description = description
    }
}

/// The kinds of entry another entry can name.
public enum EntryReference: String, Sendable {
    case organisation, category
}

public enum Presence: Sendable, Equatable {
    case required
    /// Required before the entry is published; a draft (`status: draft`) may leave it out (LO115).
    case requiredToPublish
    /// Optional; `defaultValue` is what the decoder uses when the key is absent, if anything.
    case optional(defaultValue: SampleValue?)

    public static var optional: Presence { .optional(defaultValue: nil) }

    public var isRequired: Bool {
        if case .optional = self { return false }
        return true
    }
}

extension FieldShape {
    /// The list this shape is, or the list among its alternatives (`cost`).
    public var listShape: ListShape? {
        switch self {
        case .list(let list): list
        case .either(let alternatives): alternatives.lazy.compactMap(\.shape.listShape).first
        default: nil
        }
    }

    /// The amount an `amount` must be below.
    public var amountLimit: Int? {
        if case .amount(let below) = self { return below }
        return nil
    }
}
