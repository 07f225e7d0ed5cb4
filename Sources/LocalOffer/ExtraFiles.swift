import Foundation
import LocalOfferDiagnostics
import LocalOfferOutput
import LocalOfferRendering

/// The files beside the pages: sitemap, robots.txt and the theme's assets.
enum ExtraFiles {
    static func sitemapAndRobots(pages: [RenderedPage], links: SiteLinks) -> [OutputFile] {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page.path.hasSuffix("index.html") {
            let relative = page.url.hasPrefix(links.urls.basePath) ? String(page.url.dropFirst(links.urls.basePath.count)) : page.url
            xml += "  <url><loc>\(xmlEscaped(links.canonicalBase + relative))</loc></url>\n"
        }
        xml += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(links.canonicalBase)sitemap.xml\n"
        return [OutputFile(path: "sitemap.xml", text: xml), OutputFile(path: "robots.txt", text: robots)].compactMap { $0 }
    }

    static func assets(_ assets: [String: String], diagnostics: inout [Diagnostic]) -> [OutputFile] {
        assets.sorted { $0.key < $1.key }.compactMap { relative, source in
            guard let data = FileManager.default.contents(atPath: source) else {
                diagnostics.append(.error(.unreadableFile, "the asset could not be read", at: SourceLocation(path: source)))
                return nil
            }
            return OutputFile(path: "assets/" + relative, contents: data)
        }
    }

    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
