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
