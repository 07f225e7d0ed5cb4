import LocalOfferModel
import LocalOfferRendering

/// Where the site lives: the path prefix of its links and the absolute address for the sitemap.
struct SiteLinks {
    let urls: SiteURLs
    /// Absolute, ending in `/`: `https://localoffer.kingsmere.example.org/`.
    let canonicalBase: String

    init(content: SiteContent, baseURL: String?) {
        let configured = baseURL ?? "/"
        if case .success(let absolute) = WebAddress.parse(configured) {
            let value = absolute.value.hasSuffix("/") ? absolute.value : absolute.value + "/"
            canonicalBase = value
            let afterScheme = value.drop(while: { $0 != ":" }).dropFirst(3)
            let path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
            urls = SiteURLs(basePath: path)
        } else {
            urls = SiteURLs(basePath: configured)
            var origin = content.site.baseURL.value
            if origin.hasSuffix("/") { origin.removeLast() }
            // Keep only scheme and host from site.yml; the path comes from --base-url.
            let afterScheme = origin.drop(while: { $0 != ":" }).dropFirst(3)
            if let slash = afterScheme.firstIndex(of: "/") { origin = String(origin[..<slash]) }
            canonicalBase = origin + urls.basePath
        }
    }
}
