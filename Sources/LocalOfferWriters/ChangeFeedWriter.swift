import LocalOfferDiagnostics
import LocalOfferOpenReferral
import LocalOfferRendering
import LocalOfferReports

/// `changes.atom`: an Atom feed of the services added or changed most recently (by `last_reviewed`),
/// for parent carer forums, schools and partners. An entry's id is its service's Open Referral id.
public struct ChangeFeedWriter: SiteWriter {
    public let name = "change feed"
    public let inputs: WriterInputs = [.site, .templates, .services, .organisations]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let items = context.items
        let renderer = context.renderer
        return [PlannedFile(path: ChangeFeedAddress.fileName, fingerprint: nil) {
            let ids = StableID(site: items.site.baseURL.value)
            let chosen = ChangeFeed.select(Array(items.services.indices)) { items.services[$0].entry }
            var entries: [ChangeFeed.Entry] = []
            for index in chosen {
                let service = items.services[index].entry
                switch renderer.changeFeedEntry(at: index) {
                case .failure(let problem): return .failure(problem)
                case .success(let html):
                    entries.append(ChangeFeed.Entry(
                        id: "urn:uuid:" + ids.service(service.slug), title: service.title,
                        url: items.links.absolute(items.services[index].url), updated: service.lastReviewed,
                        author: items.organisationName(service.organisation),
                        categories: service.categories.compactMap { id in items.site.category(id: id).map { .init(term: id, label: $0.title) } },
                        summary: service.summary, contentHTML: html
                    ))
                }
            }
            let header = ChangeFeed.Header(
                title: "\(items.site.name): services added or changed",
                subtitle: "The services of the \(items.site.name) checked or changed most recently (up to \(ChangeFeed.limit)), newest first.",
                id: "urn:uuid:" + ids.make("changes"), selfURL: items.links.absolute(context.urls.changeFeed),
                homeURL: items.links.absolute(context.urls.home), author: items.site.council
            )
            return .success(.text(ChangeFeed.xml(header, entries: entries)))
        }]
    }
}
