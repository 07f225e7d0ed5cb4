/// `sitemap.xml` and `robots.txt`: every page's absolute address, for search engines.
public struct SitemapWriter: SiteWriter {
    public let name = "sitemap"
    public let inputs: WriterInputs = [.site, .pageList]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let links = context.items.links
        let pages = context.pages.sorted()
        let sitemap = PlannedFile(path: "sitemap.xml", fingerprint: nil) {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for page in pages {
                xml += "  <url><loc>\(Self.xmlEscaped(links.absolute(page)))</loc></url>\n"
            }
            xml += "</urlset>\n"
            return .success(.text(xml))
        }
        let robots = PlannedFile(path: "robots.txt", fingerprint: nil) {
            .success(.text("User-agent: *\nAllow: /\n\nSitemap: \(links.canonicalBase)sitemap.xml\n"))
        }
        return [sitemap, robots]
    }

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
