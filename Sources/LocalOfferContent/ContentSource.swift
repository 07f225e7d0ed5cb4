import LocalOfferDiagnostics

/// Everything read from a `content/` folder, before any of it is interpreted.
public struct ContentSource: Sendable {
    /// The folder as the user named it; every diagnostic path starts with it.
    public var root: String
    public var siteFile: SourceText?
    public var glossaryFile: SourceText?
    public var synonymsFile: SourceText?
    /// Service, organisation and page entries, sorted by path.
    public var documents: [ContentDocument]

    public init(
        root: String, siteFile: SourceText?, glossaryFile: SourceText?, synonymsFile: SourceText?,
        documents: [ContentDocument]
    ) {
        self.root = root
        self.siteFile = siteFile
        self.glossaryFile = glossaryFile
        self.synonymsFile = synonymsFile
        self.documents = documents
    }

    public func documents(of kind: ContentKind) -> [ContentDocument] {
        documents.filter { $0.kind == kind }
    }
}
