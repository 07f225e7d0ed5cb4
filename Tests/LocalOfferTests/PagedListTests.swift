import Foundation
import LocalOffer
import Testing

/// A site far bigger than the demo: the A to Z, topic, organisation and browse lists are paged at
/// 50 services, and every service is still at most three clicks from the home page.
@Suite("Paged lists at scale")
struct PagedListTests {
    let output: String
    let report: BuildReport

    init() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        try SyntheticContent.addServices(520, to: content)
        output = folder + "/public"
        report = TestSite.build(content: content, output: output)
    }

    @Test func buildsAndEveryServiceIsWithinThreeClicksOfHome() {
        #expect(report.succeeded, "\(report.diagnostics.filter(\.isError).prefix(5).map(\.message))")
        let depth = ClickDepth.fromHome(of: output)
        let services = TestSite.publishedServiceSlugs(in: output)
        #expect(services.count > 520)
        let far = services.filter { (depth["services/\($0)/index.html"] ?? 99) > 3 }
        #expect(far.isEmpty, "\(far.count) services are more than three clicks from home, such as \(far.prefix(3))")
    }

    @Test func noListPageHoldsMoreThanFiftyServices() throws {
        let pages = (FileManager.default.subpaths(atPath: output) ?? []).filter {
            $0.hasSuffix("index.html") && ($0.hasPrefix("services/") && !$0.hasPrefix("services/generated")
                && $0.components(separatedBy: "/").count <= 4 || $0.hasPrefix("categories/") || $0.hasPrefix("browse/")
                || $0.hasPrefix("organisations/"))
        }
        #expect(pages.count > 100)
        for page in pages {
            let html = TestSite.text(output, page)
            let listed = html.components(separatedBy: "class=\"app-service-list__item\"").count - 1
            #expect(listed <= 50, "\(page) lists \(listed) services")
        }
        let azPages = pages.filter { $0.hasPrefix("services/page/") }
        #expect(azPages.count >= 11, "606 services make 13 pages of the A to Z")
    }

    @Test func everyPageOfTheAToZIsLinkedFromItsFirstPage() {
        let first = TestSite.text(output, "services/index.html")
        #expect(first.contains("Jump to a page"))
        #expect(first.contains("aria-current=\"page\""))
        let last = (FileManager.default.subpaths(atPath: output + "/services/page") ?? [])
            .compactMap { Int($0.components(separatedBy: "/").first ?? "") }.max() ?? 0
        for number in 2...last {
            #expect(first.contains("href=\"/services/page/\(number)/\""), "page \(number) is not linked from the first page")
        }
        let middle = TestSite.text(output, "services/page/5/index.html")
        #expect(middle.contains("rel=\"prev\"") && middle.contains("rel=\"next\""))
        #expect(middle.contains("Services A to Z (page 5 of \(last))"))
    }

    @Test func theSitemapListsEveryPage() throws {
        let sitemap = TestSite.text(output, "sitemap.xml")
        let pages = TestSite.indexablePages(in: output)
        let listed = sitemap.components(separatedBy: "<loc>").count - 1
        #expect(listed == pages.count)
        #expect(sitemap.contains("/services/page/2/</loc>"))
    }
}
