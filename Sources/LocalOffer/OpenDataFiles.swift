import LocalOfferModel
import LocalOfferOpenReferral
import LocalOfferOutput
import LocalOfferRendering

/// The open data outputs of a build: the Open Referral UK endpoint (and, later, the report and the
/// change feed), each a pure function of the validated content and where the site lives.
enum OpenDataFiles {
    static func openReferral(_ content: SiteContent, links: SiteLinks) -> [OutputFile] {
        ORUKFeed(content: content, addresses: feedAddresses(content, links: links)).files()
    }

    /// Absolute addresses for the feed: the canonical base (site.yml or --base-url) plus each page's path.
    static func feedAddresses(_ content: SiteContent, links: SiteLinks) -> FeedAddresses {
        let urls = links.urls
        let base = links.canonicalBase
        let absolute: @Sendable (String) -> String = { url in
            base + (url.hasPrefix(urls.basePath) ? String(url.dropFirst(urls.basePath.count)) : url)
        }
        return FeedAddresses(
            siteBase: base,
            service: { absolute(urls.service($0)) },
            organisation: { absolute(urls.organisation($0)) },
            contentLinks: ContentAddresses.table(for: content, urls: urls).mapValues(absolute)
        )
    }
}
