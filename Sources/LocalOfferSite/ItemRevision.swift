import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel

/// What `SiteItemsBuilder` rendered bodies with: the links between entries, the glossary, and a hash
/// of both. `serve` keeps it to render one changed body as the whole build would.
public struct RenderingState: Sendable {
    let renderer: MarkdownRenderer
    let context: UInt64
}

extension SiteItems {
    /// These items with the entry of `revision` made again from its file, and every other item kept;
    /// nil when that cannot be done so (its body now has a problem, or had one, or the item is not
    /// where it should be), and the items must be made again from the whole site.
    ///
    /// `ContentValidator.revise` made sure nothing that orders or groups the entry changed, and no
    /// address changed (no entry came or went), so the rendering context is the same and the item
    /// takes the old one's place: the order and every lookup stay as they are.
    /// `previous` is the file as these items were made from it.
    public func revising(
        _ revision: EntryRevision, document: ContentDocument, previous: ContentDocument, rendering: RenderingState, memo: MarkdownMemo
    ) -> SiteItems? {
        func render(folder: String, body: MarkdownSource, path: String) -> RenderedMarkdown? {
            let input = MarkdownInput(text: body.text, path: path, firstLine: body.firstLine, folder: folder)
            let old = MarkdownInput(text: previous.body.text, path: path, firstLine: previous.body.firstLine, folder: folder)
            guard let before = memo.remembered(at: path), before.context == rendering.context, MarkdownMemo.same(before.input, old),
                  before.result.1.isEmpty else { return nil }
            let (rendered, problems) = memo.render(input, context: rendering.context, with: rendering.renderer)
            return problems.isEmpty ? rendered : nil
        }
        let sourceHash = memo.sourceHash(of: document)
        var revised = self
        switch revision.entry {
        case .service(var service):
            guard let body = render(folder: ContentKind.service.folder, body: service.body, path: service.sourcePath) else { return nil }
            // A draft has no item: only its body's problems count, and it has none.
            guard service.status == .active else { return revised }
            guard let index = services.firstIndex(where: { $0.entry.sourcePath == service.sourcePath }) else { return nil }
            service.fieldLocations = FieldLocations()
            revised.services[index] = Item(entry: service, url: urls.service(service.slug), body: body, sourceHash: sourceHash)
        case .organisation(var organisation):
            guard let body = render(folder: ContentKind.organisation.folder, body: organisation.body, path: organisation.sourcePath),
                  let index = organisations.firstIndex(where: { $0.entry.sourcePath == organisation.sourcePath }) else { return nil }
            organisation.fieldLocations = FieldLocations()
            revised.organisations[index] = Item(
                entry: organisation, url: urls.organisation(organisation.slug), body: body, sourceHash: sourceHash
            )
        case .page(var page):
            guard let body = render(folder: ContentKind.page.folder, body: page.body, path: page.sourcePath),
                  let index = pages.firstIndex(where: { $0.entry.sourcePath == page.sourcePath }) else { return nil }
            page.fieldLocations = FieldLocations()
            revised.pages[index] = Item(entry: page, url: urls.page(page.slug), body: body, sourceHash: sourceHash)
        }
        return revised
    }
}
