import LocalOfferDiagnostics
import LocalOfferRendering

/// The pages made once per site, from many entries at once: the home page, information pages, the glossary, search, my list, the accessibility
/// statement and the not-found page. They are cheap, so they are always made, and kept from the
/// last build when their bytes are unchanged.
public struct SitePagesWriter: SiteWriter {
    public let name = "site pages"
    public let inputs: WriterInputs = WriterInputs.layout.union(.bodies).union([.services, .organisations, .pages])

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let renderer = context.renderer
        let urls = context.urls
        var files: [PlannedFile] = [
            context.page(urls.home, fingerprint: nil) { renderer.home() },
            context.page(urls.information, fingerprint: nil) { renderer.informationIndex() },
            context.page(urls.glossary, fingerprint: nil) { renderer.glossary() },
            context.page(urls.search, fingerprint: nil) { renderer.search() },
            context.page(urls.myList, fingerprint: nil) { renderer.myList() },
            // Not a page of the sitemap: servers answer missing addresses with it.
            PlannedFile(path: PageRenderer.notFoundPath, fingerprint: nil) { renderer.notFound().map(FileContents.bytes) },
        ]
        files += context.items.pages.indices.map { index in
            context.page(context.items.pages[index].url, fingerprint: nil) { renderer.informationPage(at: index) }
        }
        if context.items.site.accessibility != nil {
            files.append(context.page(urls.page(AccessibilityStatementView.slug), fingerprint: nil) {
                renderer.accessibilityStatement() ?? .failure(.error(.missingFile, "site.yml has no accessibility section", at: nil))
            })
        }
        return files
    }
}
