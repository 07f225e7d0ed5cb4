import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel

/// What `SiteItemsBuilder` rendered bodies with: the links between entries, the glossary, and a hash
/// of both. `serve` keeps it to render one changed body as the whole build would.
public struct RenderingState: Sendable {
    let renderer: MarkdownRenderer
    let context: UInt64

    /// The problems of an entry file's body (a broken link...), rendered as every body is.
    public func problems(of document: ContentDocument) -> [Diagnostic] {
        renderer.render(MarkdownInput(
            text: document.body.text, path: document.path, firstLine: document.body.firstLine, folder: document.kind.folder
        )).1
    }
}

/// Items after a save that `serve` made without grouping the site again: the items, how the
/// services' order changed (for the lists of indexes into them kept elsewhere,
/// `ServiceGroups.changing`), and what bodies are rendered with now.
public struct RevisedItems: Sendable {
    public internal(set) var items: SiteItems
    public internal(set) var serviceChanges: [IndexChange] = []
    public internal(set) var rendering: RenderingState

    /// Puts a published service in where its title sorts it, with its address.
    mutating func insert(_ item: Item<Service>) {
        let position = items.services.insertionPoint(of: item) { Service.byTitle($0.entry, $1.entry) }
        items.services.insert(item, at: position)
        let change = IndexChange.inserted(at: position)
        items.servicesByOrganisation = items.servicesByOrganisation.mapValues { change.remap($0) }
        items.servicesByOrganisation[item.entry.organisation, default: []].insertInOrder(position)
        items.servicesByCategory = items.servicesByCategory.mapValues { change.remap($0) }
        for category in item.entry.categories { items.servicesByCategory[category, default: []].insertInOrder(position) }
        serviceChanges.append(change)
        setAddress(of: item.entry, to: item.url)
    }

    /// Takes the published service at `position` out, with its address; `becomingDraft`: it stays,
    /// as a draft.
    mutating func removeService(at position: Int, becomingDraft: Bool = false) {
        let removed = items.services.remove(at: position)
        let change = IndexChange.removed(at: position)
        // A list the service alone was in is gone, as grouping again would not make it.
        items.servicesByOrganisation = items.servicesByOrganisation.mapValues { change.remap($0) }.filter { !$0.value.isEmpty }
        items.servicesByCategory = items.servicesByCategory.mapValues { change.remap($0) }.filter { !$0.value.isEmpty }
        serviceChanges.append(change)
        setAddress(of: removed.entry, to: nil, isDraft: becomingDraft)
    }

    /// The service's address in the link table and its hash, and whether it is a draft there.
    mutating func setAddress(of service: Service, to address: String?, isDraft: Bool = false) {
        let contentPath = SiteItems.contentPath(of: service)
        let links = rendering.renderer.links
        guard links.address(of: contentPath) != address || links.isDraft(contentPath) != isDraft else { return }
        if let old = links.address(of: contentPath) { items.hashes.addressTable.remove(contentPath, old) }
        if let address { items.hashes.addressTable.add(contentPath, address) }
        let table = links.setting(contentPath, to: address, isDraft: isDraft)
        rendering = RenderingState(renderer: rendering.renderer.with(links: table), context: rendering.context)
    }
}

extension SiteItems {
    /// These items with the entry of `revision` made again from its file, and every other item kept;
    /// nil when that cannot be done so (its body now has a problem, or had one, or the item is not
    /// where it should be), and the items must be made again from the whole site.
    ///
    /// `ContentValidator.revise` made sure the rules between entries find what they found, so the
    /// rendering context is the same. The item takes the old one's place; a renamed entry then moves
    /// to where its new title sorts it. A service whose organisation, topics, eligibility or status
    /// changed (`regrouped`) is taken out and put back in, so that every list it joins or leaves
    /// follows; one that became a draft leaves the site, unless another body links to it (the link
    /// is broken now, and the whole site must be checked again). `previous` is the file as these
    /// items were made from it.
    public func revising(
        _ revision: EntryRevision, document: ContentDocument, previous: ContentDocument, rendering: RenderingState, memo: MarkdownMemo
    ) -> RevisedItems? {
        func render(folder: String, body: MarkdownSource, path: String) -> RenderedMarkdown? {
            let input = MarkdownInput(text: body.text, path: path, firstLine: body.firstLine, folder: folder)
            let old = MarkdownInput(text: previous.body.text, path: path, firstLine: previous.body.firstLine, folder: folder)
            guard let before = memo.remembered(at: path), before.context == rendering.context, MarkdownMemo.same(before.input, old),
                  before.result.1.isEmpty else { return nil }
            let (rendered, problems) = memo.render(input, context: rendering.context, with: rendering.renderer)
            return problems.isEmpty ? rendered : nil
        }
        let sourceHash = memo.sourceHash(of: document)
        var revised = RevisedItems(items: self, rendering: rendering)
        switch revision.entry {
        case .service(var service):
            guard let body = render(folder: ContentKind.service.folder, body: service.body, path: service.sourcePath) else { return nil }
            service.fieldLocations = FieldLocations()
            let item = Item(entry: service, url: urls.service(service.slug), body: body, sourceHash: sourceHash)
            let index = services.firstIndex { $0.entry.sourcePath == service.sourcePath }
            if revision.regrouped {
                let isDraft = service.status != .active
                if let index {
                    if isDraft, memo.isLinked(to: Self.contentPath(of: service), exceptFrom: service.sourcePath) { return nil }
                    revised.removeService(at: index, becomingDraft: isDraft)
                }
                if isDraft { revised.setAddress(of: service, to: nil, isDraft: true) } else { revised.insert(item) }
                return revised
            }
            // A draft has no item: only its body's problems count, and it has none.
            guard service.status == .active else { return revised }
            guard let index else { return nil }
            revised.items.services[index] = item
            guard revision.renamed else { return revised }
            let move = IndexMove.reposition(&revised.items.services, from: index) { Service.byTitle($0.entry, $1.entry) }
            guard move.from != move.to else { return revised }
            let change = IndexChange.moved(move)
            revised.items.servicesByOrganisation = servicesByOrganisation.mapValues { change.remap($0) }
            revised.items.servicesByCategory = servicesByCategory.mapValues { change.remap($0) }
            revised.serviceChanges.append(change)
        case .organisation(var organisation):
            guard let body = render(folder: ContentKind.organisation.folder, body: organisation.body, path: organisation.sourcePath),
                  let index = organisations.firstIndex(where: { $0.entry.sourcePath == organisation.sourcePath }) else { return nil }
            organisation.fieldLocations = FieldLocations()
            revised.items.organisations[index] = Item(
                entry: organisation, url: urls.organisation(organisation.slug), body: body, sourceHash: sourceHash
            )
            if revision.renamed {
                _ = IndexMove.reposition(&revised.items.organisations, from: index) { Self.nameSortKey($0) < Self.nameSortKey($1) }
                revised.items.organisationIndex = Self.index(revised.items.organisations)
            }
        case .page(var page):
            guard let body = render(folder: ContentKind.page.folder, body: page.body, path: page.sourcePath),
                  let index = pages.firstIndex(where: { $0.entry.sourcePath == page.sourcePath }) else { return nil }
            page.fieldLocations = FieldLocations()
            revised.items.pages[index] = Item(entry: page, url: urls.page(page.slug), body: body, sourceHash: sourceHash)
            if revision.renamed { _ = IndexMove.reposition(&revised.items.pages, from: index, by: Self.isBefore) }
        }
        return revised
    }

    /// These items with the new service of `revision` (`ContentValidator.add`) where its title sorts
    /// it, every other item kept, and the rendering state with its address; nil when its body has a
    /// problem. A draft has no item and no address: only its body's problems count.
    public func adding(
        _ revision: EntryRevision, document: ContentDocument, rendering: RenderingState, memo: MarkdownMemo
    ) -> RevisedItems? {
        guard case .service(var service) = revision.entry else { return nil }
        let folder = ContentKind.service.folder
        let input = MarkdownInput(text: service.body.text, path: service.sourcePath, firstLine: service.body.firstLine, folder: folder)
        let (body, problems) = memo.render(input, context: rendering.context, with: rendering.renderer)
        guard problems.isEmpty else { return nil }
        var revised = RevisedItems(items: self, rendering: rendering)
        guard service.status == .active else {
            revised.setAddress(of: service, to: nil, isDraft: true)
            return revised
        }
        service.fieldLocations = FieldLocations()
        revised.insert(Item(entry: service, url: urls.service(service.slug), body: body, sourceHash: memo.sourceHash(of: document)))
        return revised
    }

    /// These items without the service whose file was at `path` (`ContentValidator.remove`), and the
    /// rendering state without its address; nil when another body links to it (the link is broken
    /// now: the whole site must be checked again).
    public func removing(_ entry: RevisedEntry, path: String, rendering: RenderingState, memo: MarkdownMemo) -> RevisedItems? {
        guard case .service(let service) = entry, !memo.isLinked(to: Self.contentPath(of: service), exceptFrom: path) else { return nil }
        memo.forget(path)
        var revised = RevisedItems(items: self, rendering: rendering)
        guard service.status == .active else {
            revised.setAddress(of: service, to: nil, isDraft: false)
            return revised
        }
        guard let position = services.firstIndex(where: { $0.entry.sourcePath == path }) else { return nil }
        revised.removeService(at: position)
        return revised
    }

    /// `services/portage.md`: how links between entries name a service's file.
    static func contentPath(of service: Service) -> String {
        ContentKind.service.contentPath(service.slug)
    }
}
