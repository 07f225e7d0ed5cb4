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
    /// `ContentValidator.revise` made sure nothing that groups the entry changed, and no address
    /// changed (no entry came or went), so the rendering context is the same and the item takes the
    /// old one's place; a renamed entry then moves to where its new title sorts it, and `serviceChange`
    /// says how a service moved, for the lists of indexes into `services` kept elsewhere
    /// (`ServiceGroups.changing`). `previous` is the file as these items were made from it.
    public func revising(
        _ revision: EntryRevision, document: ContentDocument, previous: ContentDocument, rendering: RenderingState, memo: MarkdownMemo
    ) -> (items: SiteItems, serviceChange: IndexChange?)? {
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
            guard service.status == .active else { return (revised, nil) }
            guard let index = services.firstIndex(where: { $0.entry.sourcePath == service.sourcePath }) else { return nil }
            service.fieldLocations = FieldLocations()
            revised.services[index] = Item(entry: service, url: urls.service(service.slug), body: body, sourceHash: sourceHash)
            guard revision.renamed else { return (revised, nil) }
            let move = IndexMove.reposition(&revised.services, from: index) {
                Service.titleSortKey($0.entry) < Service.titleSortKey($1.entry)
            }
            guard move.from != move.to else { return (revised, nil) }
            let change = IndexChange.moved(move)
            revised.servicesByOrganisation = revised.servicesByOrganisation.mapValues { change.remap($0) }
            revised.servicesByCategory = revised.servicesByCategory.mapValues { change.remap($0) }
            return (revised, change)
        case .organisation(var organisation):
            guard let body = render(folder: ContentKind.organisation.folder, body: organisation.body, path: organisation.sourcePath),
                  let index = organisations.firstIndex(where: { $0.entry.sourcePath == organisation.sourcePath }) else { return nil }
            organisation.fieldLocations = FieldLocations()
            revised.organisations[index] = Item(
                entry: organisation, url: urls.organisation(organisation.slug), body: body, sourceHash: sourceHash
            )
            if revision.renamed {
                _ = IndexMove.reposition(&revised.organisations, from: index) { Self.nameSortKey($0) < Self.nameSortKey($1) }
                revised.organisationIndex = Self.index(revised.organisations)
            }
        case .page(var page):
            guard let body = render(folder: ContentKind.page.folder, body: page.body, path: page.sourcePath),
                  let index = pages.firstIndex(where: { $0.entry.sourcePath == page.sourcePath }) else { return nil }
            page.fieldLocations = FieldLocations()
            revised.pages[index] = Item(entry: page, url: urls.page(page.slug), body: body, sourceHash: sourceHash)
            if revision.renamed { _ = IndexMove.reposition(&revised.pages, from: index, by: Self.isBefore) }
        }
        return (revised, nil)
    }
}

extension SiteItems {
    /// These items with the new service of `revision` (`ContentValidator.add`) where its title sorts
    /// it, every other item kept, and the rendering state with its address; nil when its body has a
    /// problem. A draft has no item and no address: only its body's problems count.
    public func adding(
        _ revision: EntryRevision, document: ContentDocument, rendering: RenderingState, memo: MarkdownMemo
    ) -> (items: SiteItems, serviceChange: IndexChange?, rendering: RenderingState)? {
        guard case .service(var service) = revision.entry else { return nil }
        let folder = ContentKind.service.folder
        let input = MarkdownInput(text: service.body.text, path: service.sourcePath, firstLine: service.body.firstLine, folder: folder)
        let (body, problems) = memo.render(input, context: rendering.context, with: rendering.renderer)
        guard problems.isEmpty else { return nil }
        guard service.status == .active else { return (self, nil, rendering) }
        service.fieldLocations = FieldLocations()
        let item = Item(entry: service, url: urls.service(service.slug), body: body, sourceHash: memo.sourceHash(of: document))
        var revised = self
        let position = services.insertionPoint(of: item) { Service.titleSortKey($0.entry) < Service.titleSortKey($1.entry) }
        revised.services.insert(item, at: position)
        let change = IndexChange.inserted(at: position)
        revised.servicesByOrganisation = servicesByOrganisation.mapValues { change.remap($0) }
        revised.servicesByOrganisation[service.organisation, default: []].insertInOrder(position)
        revised.servicesByCategory = servicesByCategory.mapValues { change.remap($0) }
        for category in service.categories { revised.servicesByCategory[category, default: []].insertInOrder(position) }
        let contentPath = Self.contentPath(of: service)
        revised.hashes.addressTable.add(contentPath, item.url)
        let links = rendering.renderer.links.setting(contentPath, to: item.url)
        return (revised, change, RenderingState(renderer: rendering.renderer.with(links: links), context: rendering.context))
    }

    /// These items without the service whose file was at `path` (`ContentValidator.remove`), and the
    /// rendering state without its address; nil when another body links to it (the link is broken
    /// now: the whole site must be checked again).
    public func removing(
        _ entry: RevisedEntry, path: String, rendering: RenderingState, memo: MarkdownMemo
    ) -> (items: SiteItems, serviceChange: IndexChange?, rendering: RenderingState)? {
        guard case .service(let service) = entry else { return nil }
        let contentPath = Self.contentPath(of: service)
        guard !memo.isLinked(to: contentPath, exceptFrom: path) else { return nil }
        memo.forget(path)
        guard service.status == .active else { return (self, nil, rendering) }
        guard let position = services.firstIndex(where: { $0.entry.sourcePath == path }) else { return nil }
        var revised = self
        let removed = revised.services.remove(at: position)
        let change = IndexChange.removed(at: position)
        // A list the service alone was in is gone, as grouping again would not make it.
        revised.servicesByOrganisation = servicesByOrganisation.mapValues { change.remap($0) }.filter { !$0.value.isEmpty }
        revised.servicesByCategory = servicesByCategory.mapValues { change.remap($0) }.filter { !$0.value.isEmpty }
        revised.hashes.addressTable.remove(contentPath, removed.url)
        let links = rendering.renderer.links.setting(contentPath, to: nil)
        return (revised, change, RenderingState(renderer: rendering.renderer.with(links: links), context: rendering.context))
    }

    /// `services/portage.md`: how links between entries name a service's file.
    static func contentPath(of service: Service) -> String {
        "\(ContentKind.service.folder)/\(service.slug).md"
    }
}
