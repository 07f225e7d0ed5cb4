import LocalOfferSearch

/// `search/`: the client-side search index. Every file of it depends on every document, so it is
/// built whole on every build; files whose bytes did not change are kept.
public struct SearchIndexWriter: SiteWriter {
    public let name = "search index"
    public let inputs: WriterInputs = [.site, .services, .organisations, .pages, .glossary, .synonyms, .addresses]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let builder = SearchDocuments.indexBuilder(context.items)
        return builder.build().map { file in
            let text = file.text
            return PlannedFile(path: file.path, fingerprint: nil) { .success(.text(text)) }
        }
    }
}
