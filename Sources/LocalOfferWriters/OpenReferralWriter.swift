import LocalOfferModel
import LocalOfferOpenReferral
import LocalOfferRendering
import LocalOfferSite
import LocalOfferText

/// `openreferral/`: the Open Referral UK 3.0 endpoint (see `ORUKFeed`). A `/services/{id}` file is
/// kept from the last build while its service, its organisation and the site are unchanged; the
/// lists are made on every build and kept when their bytes are the same.
public struct OpenReferralWriter: SiteWriter {
    public let name = "open referral"
    /// `.addresses`: links between entries are written as absolute addresses in descriptions.
    public let inputs: WriterInputs = [.site, .addresses, .services, .organisations]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let items = context.items
        let feed = ORUKFeed(
            site: items.site, services: items.services.map(\.entry), organisations: items.organisations.map(\.entry),
            addresses: Self.addresses(items)
        )
        let base = context.fingerprintBase(for: self)
        let servicesBySlug = Dictionary(items.services.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        return feed.documents().map { document in
            var fingerprint: UInt64?
            if let slug = document.service, let item = servicesBySlug[slug] {
                var hasher = base
                hasher.combine(item.sourceHash)
                hasher.combine(items.organisation(item.entry.organisation)?.sourceHash ?? 0)
                fingerprint = hasher.value
            }
            let make = document.make
            return PlannedFile(path: document.path, fingerprint: fingerprint) { .success(.bytes(make())) }
        }
    }

    /// The feed's absolute addresses: the canonical base (site.yml's base_url, or --base-url) and each page's path.
    static func addresses(_ items: SiteItems) -> FeedAddresses {
        let links = items.links
        let urls = items.urls
        var table: [String: String] = [:]
        for service in items.services { table["services/\(service.slug).md"] = links.absolute(service.url) }
        for organisation in items.organisations { table["organisations/\(organisation.slug).md"] = links.absolute(organisation.url) }
        for page in items.pages { table["pages/\(page.slug).md"] = links.absolute(page.url) }
        if items.site.accessibility != nil {
            let slug = SiteItemsBuilder.accessibilityStatementSlug
            table["pages/\(slug).md"] = links.absolute(urls.page(slug))
        }
        return FeedAddresses(
            siteBase: links.canonicalBase,
            service: { links.absolute(urls.service($0)) },
            organisation: { links.absolute(urls.organisation($0)) },
            contentLinks: table
        )
    }
}
