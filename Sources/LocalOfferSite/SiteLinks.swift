import LocalOfferModel

/// Where the site lives: the path prefix of its links and the absolute address for the sitemap.
public struct SiteLinks: Sendable, Hashable {
    public let urls: SiteURLs
    /// Absolute, ending in `/`: `https://localoffer.kingsmere.example.org/`.
    public let canonicalBase: String

    public init(site: Site, baseURL: String?) {
        let configured = baseURL ?? "/"
        if case .success(let absolute) = WebAddress.parse(configured) {
            let value = absolute.value.hasSuffix("/") ? absolute.value : absolute.value + "/"
            canonicalBase = value
            let afterScheme = value.drop(while: { $0 != ":" }).dropFirst(3)
            let path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
            urls = SiteURLs(basePath: path)
        } else {
            urls = SiteURLs(basePath: configured)
            var origin = site.baseURL.value
            if origin.hasSuffix("/") { origin.removeLast() }
            // Keep only scheme and host from site.yml; the path comes from --base-url.
            let afterScheme = origin.drop(while: { $0 != ":" }).dropFirst(3)
            if let slash = afterScheme.firstIndex(of: "/") { origin = String(origin[..<slash]) }
            canonicalBase = origin + urls.basePath
        }
    }

    /// The absolute address of a page of the site, for the sitemap, feeds and printed pages.
    public func absolute(_ url: String) -> String {
        canonicalBase + (url.hasPrefix(urls.basePath) ? String(url.dropFirst(urls.basePath.count)) : url)
    }
}
