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
            // Fields read in place: copying the item would retain each of its references.
            var hasher = base
            hasher.combine(items.services[index].sourceHash)
            hasher.combine(items.organisationName(items.services[index].entry.organisation))
            // The one way the day of the build changes a service page: the "may be out of date" warning.
            hasher.combine(items.services[index].entry.isReviewOverdue(on: items.today))
            return context.page(items.services[index].url, fingerprint: hasher.value) { renderer.service(at: index) }
        }
    }
}
