import LocalOfferModel
import LocalOfferText

/// `/services/<slug>/`: one page per published service.
public struct ServicePagesWriter: SiteWriter {
    public let name = "service pages"
    public let inputs: WriterInputs = WriterInputs.layout.union(.bodies).union([.services, .organisations])

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let base = context.fingerprintBase(for: self)
        return context.items.services.indices.map { file(at: $0, context, base: base) }
    }

    /// A service's page without planning the 10,000 others: `serve` answers the page being edited at once.
    public func planFile(at path: String, _ context: WriterContext) -> SingleFilePlan {
        let prefix = "services/", suffix = "/index.html"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return .unknown }
        let slug = path.dropFirst(prefix.count).dropLast(suffix.count)
        // The first service of that address, as `plan` lists them; a page elsewhere is another writer's.
        guard let index = context.items.services.firstIndex(where: { $0.slug == String(slug) }) else { return .unknown }
        let file = file(at: index, context, base: context.fingerprintBase(for: self))
        return file.path == path ? .file(file) : .unknown
    }

    private func file(at index: Int, _ context: WriterContext, base: StableHasher) -> PlannedFile {
        let items = context.items
        let renderer = context.renderer
        // Fields read in place: copying the item would retain each of its references.
        var hasher = base
        hasher.combine(items.services[index].sourceHash)
        hasher.combine(items.organisationName(items.services[index].entry.organisation))
        // The one way the day of the build changes a service page: the "may be out of date" warning.
        hasher.combine(items.services[index].entry.isReviewOverdue(on: items.today))
        return context.page(items.services[index].url, fingerprint: hasher.value) { renderer.service(at: index) }
    }
}
