import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel
import LocalOfferParallel
import LocalOfferText

/// The Markdown step: renders every entry's body (links rewritten to addresses, jargon explained)
/// and wraps each published entry as an `Item`. Drafts are rendered too, so that their broken links
/// are reported, but they never become items.
///
/// ```swift
/// let (items, problems) = SiteItemsBuilder(content: content, source: source, links: links, today: today).build()
/// ```
public struct SiteItemsBuilder: Sendable {
    /// The generated accessibility statement's slug: linked to like any information page.
    public static let accessibilityStatementSlug = "accessibility-statement"

    let content: SiteContent
    let source: ContentSource
    let links: SiteLinks
    let today: LocalDate
    /// Bodies rendered by the previous build (`serve`), or nil.
    let memo: MarkdownMemo?

    public init(content: SiteContent, source: ContentSource, links: SiteLinks, today: LocalDate, memo: MarkdownMemo? = nil) {
        self.content = content
        self.source = source
        self.links = links
        self.today = today
        self.memo = memo
    }

    public func build() -> (SiteItems, [Diagnostic]) {
        let (items, diagnostics, _) = buildKeepingRenderer()
        return (items, diagnostics)
    }

    /// `build`, and what it rendered with, so that `serve` can render one changed body alike (`SiteItems.revising`).
    public func buildKeepingRenderer() -> (SiteItems, [Diagnostic], RenderingState) {
        let urls = links.urls
        let addresses = addressTable()
        let renderer = MarkdownRenderer(
            links: ContentLinkTable(addresses, drafts: Set(content.draftServices.map(SiteItems.contentPath(of:)))),
            glossary: GlossaryTerms(entries: content.glossary.map { entry in
                (term: entry.term, aliases: entry.aliases, url: urls.glossaryTerm(entry.anchor))
            })
        )
        let memo = self.memo
        var sourceHashes: [String: UInt64] = [:]
        sourceHashes.reserveCapacity(source.documents.count)
        for document in source.documents {
            sourceHashes[document.path] = memo?.sourceHash(of: document) ?? Self.sourceHash(of: document)
        }

        let addressTable = AddressTableHash(addresses)
        let glossaryHash = source.glossaryFile.map { StableHasher.hash($0.text) } ?? 0
        // What every body's rendering depends on besides its own text and the entries it links to
        // (which `MarkdownMemo` checks body by body).
        var contextHasher = StableHasher()
        contextHasher.combine(glossaryHash)
        contextHasher.combine(urls.basePath)
        let renderingContext = contextHasher.value

        var diagnostics: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        func items<Entry: ContentEntry>(_ entries: [Entry], folder: String, url: (String) -> String) -> [Item<Entry>] {
            let inputs = entries.map { entry in
                MarkdownInput(text: entry.body.text, path: entry.sourcePath, firstLine: entry.body.firstLine, folder: folder)
            }
            let rendered: [(RenderedMarkdown, [Diagnostic])]
            if let memo {
                // Bodies remembered unchanged are taken on this thread, the others rendered on every core.
                var results = memo.unchanged(inputs, context: renderingContext, with: renderer)
                let missing = results.indices.filter { results[$0] == nil }
                let made = missing.map { inputs[$0] }.parallelMap { memo.render($0, context: renderingContext, with: renderer) }
                for (index, result) in zip(missing, made) { results[index] = result }
                rendered = results.compactMap { $0 }
            } else {
                rendered = inputs.parallelMap { renderer.render($0) }
            }
            var items: [Item<Entry>] = []
            items.reserveCapacity(entries.count)
            for (entry, (body, problems)) in zip(entries, rendered) {
                for problem in problems where seen.insert(problem).inserted { diagnostics.append(problem) }
                // Field positions serve validation only; a site of 100,000 entries would carry
                // millions of them through every writer.
                var entry = entry
                entry.fieldLocations = FieldLocations()
                items.append(Item(entry: entry, url: url(entry.slug), body: body, sourceHash: sourceHashes[entry.sourcePath] ?? 0))
            }
            return items
        }
        let services = items(content.services, folder: "services", url: urls.service)
        _ = items(content.draftServices, folder: "services", url: urls.service)
        let organisations = items(content.organisations, folder: "organisations", url: urls.organisation)
        let pages = items(content.pages, folder: "pages", url: urls.page)
        memo?.sweep()

        let hashes = SiteHashes(
            site: source.siteFile.map { StableHasher.hash($0.text) } ?? 0,
            glossary: glossaryHash,
            synonyms: source.synonymsFile.map { StableHasher.hash($0.text) } ?? 0,
            addressTable: addressTable
        )
        let siteItems = SiteItems(
            site: content.site, glossary: content.glossary, synonyms: content.synonyms, services: services,
            organisations: organisations, pages: pages, links: links, today: today, hashes: hashes
        )
        return (siteItems, diagnostics, RenderingState(renderer: renderer, context: renderingContext))
    }

    /// A hash of an entry file's text (`Item.sourceHash`).
    static func sourceHash(of document: ContentDocument) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(document.frontMatter.text)
        hasher.combine(document.body.text)
        return hasher.value
    }

    /// Every content file's published address, for rewriting links between entries.
    func addressTable() -> [String: String] {
        let urls = links.urls
        var table: [String: String] = [:]
        for service in content.services { table[ContentKind.service.contentPath(service.slug)] = urls.service(service.slug) }
        for organisation in content.organisations {
            table[ContentKind.organisation.contentPath(organisation.slug)] = urls.organisation(organisation.slug)
        }
        for page in content.pages { table[ContentKind.page.contentPath(page.slug)] = urls.page(page.slug) }
        // The accessibility statement is generated from site.yml, and linked to like any page.
        if content.site.accessibility != nil {
            table[ContentKind.page.contentPath(Self.accessibilityStatementSlug)] = urls.page(Self.accessibilityStatementSlug)
        }
        return table
    }
}
