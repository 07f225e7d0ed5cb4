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
