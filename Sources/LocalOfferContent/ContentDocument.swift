/// One Markdown entry split into its YAML front matter and its Markdown body.
///
/// ```swift
/// let document = try ContentDocument.split(text, path: "content/services/portage.md",
///                                          kind: .service, slug: "portage").get()
/// document.frontMatter.firstLine // 2: the line after the opening ---
/// ```
public struct ContentDocument: Sendable, Hashable {
    public var kind: ContentKind
    /// The file name without `.md`: the entry's identity and address.
    public var slug: String
    public var path: String
    public var frontMatter: SourceText
    public var body: SourceText

    public init(kind: ContentKind, slug: String, path: String, frontMatter: SourceText, body: SourceText) {
        self.kind = kind
        self.slug = slug
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
    }
}
