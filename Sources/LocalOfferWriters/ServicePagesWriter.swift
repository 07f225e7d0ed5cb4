import LocalOfferModel

/// `/services/<slug>/`: one page per published service.
public struct ServicePagesWriter: SiteWriter {
    public let name = "service pages"
    public let inputs: WriterInputs = WriterInputs.layout.union(.bodies).union([.services, .organisations])

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let base = context.fingerprintBase(for: self)
        let items = context.items
        let renderer = context.renderer
        return items.services.indices.map { index in
            let item = items.services[index]
            var hasher = base
            hasher.combine(item.sourceHash)
            hasher.combine(items.organisationName(item.entry.organisation))
            // The one way the day of the build changes a service page: the "may be out of date" warning.
            hasher.combine(item.entry.isReviewOverdue(on: items.today))
            return context.page(item.url, fingerprint: hasher.value) { renderer.service(at: index) }
        }
    }
}
