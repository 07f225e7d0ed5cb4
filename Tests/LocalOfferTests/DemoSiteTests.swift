import Foundation
import LocalOffer
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Builds the demo content with the default theme, as `make site` does, and checks the result.
@Suite("The demo site")
struct DemoSiteTests {
    let output: String
    let report: BuildReport

    init() {
        output = TestSite.temporaryFolder() + "/public"
        report = TestSite.build(output: output)
    }

    @Test func buildsWithNoErrorsOrWarnings() {
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { "\($0.location.map(String.init(describing:)) ?? "") \($0.message)" })")
        #expect(report.succeeded)
        #expect(report.pagesWritten > 100)
    }

    @Test func hasEveryPageType() {
        for page in [
            "index.html", "404.html", "services/index.html", "organisations/index.html", "information/index.html",
            "glossary/index.html", "sitemap.xml", "robots.txt", "assets/site.css", "assets/site.js",
        ] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + page), "missing \(page)")
        }
        let services = (try? FileManager.default.contentsOfDirectory(atPath: TestSite.demoContent + "/services")) ?? []
        #expect(services.count >= 60)
        for file in services where file.hasSuffix(".md") {
            let source = TestSite.text(TestSite.demoContent + "/services", file)
            let slug = String(file.dropLast(3))
            let published = FileManager.default.fileExists(atPath: "\(output)/services/\(slug)/index.html")
            #expect(published == !source.contains("\nstatus: draft"), "\(slug): drafts are not published, others are")
        }
        for category in ["education", "health", "social-care", "preparing-for-adulthood"] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/categories/\(category)/index.html"))
        }
    }

    @Test func everyInternalLinkResolves() {
        let (checked, broken) = LinkChecker(root: output, basePath: "/").brokenLinks()
        #expect(checked > 1000)
        #expect(broken.isEmpty, "broken links: \(broken.prefix(20))")
    }

    @Test func sitemapListsEveryPageAndIsWellFormed() throws {
        let data = try #require(FileManager.default.contents(atPath: output + "/sitemap.xml"))
        let collector = SitemapCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "sitemap.xml is not well-formed XML")
        // Every page but those that ask search engines not to index them (the guided start's steps).
        let pages = TestSite.indexablePages(in: output)
        #expect(collector.locations.count == pages.count)
        for location in collector.locations {
            #expect(location.hasPrefix("https://localoffer.kingsmere.example.org/"))
            let relative = location.dropFirst("https://localoffer.kingsmere.example.org/".count)
            #expect(FileManager.default.fileExists(atPath: output + "/" + relative + "index.html"), "\(location)")
        }
        #expect(TestSite.text(output, "robots.txt").contains("Sitemap: https://localoffer.kingsmere.example.org/sitemap.xml"))
    }

    @Test func servicePageShowsWhoHowCostContactAndReview() {
        let html = TestSite.text(output, "services/speech-and-language-therapy-early-years/index.html")
        let html2 = html.isEmpty ? firstServicePage() : html
        for expected in ["<h1", "Who it is for and how to get it", "Age", "EHC plan", "Cost", "Contact",
                         "This information was last checked on", "application/ld+json", "Report a problem with this page"] {
            #expect(html2.contains(expected), "service page lacks \(expected)")
        }
        let order = ["Who it is for and how to get it", "id=\"contact-heading\"", "last checked on"].compactMap { html2.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "facts, then contact, then the review date")
    }

    @Test func theHomePageLeadsToTheInformationFamiliesNeedMost() {
        let home = TestSite.text(output, "index.html")
        for page in ["asking-for-an-ehc-needs-assessment", "mediation-and-the-send-tribunal",
                     "personal-budgets-and-direct-payments", "preparing-for-adulthood"] {
            #expect(home.contains("href=\"/information/\(page)/\""), "the home page should link to \(page)")
        }
        #expect(home.contains("Find support in three questions"))
        #expect(home.contains("action=\"/search/\""))
    }

    @Test func everyPageHasOneH1AndATitle() {
        for page in TestSite.htmlPages(in: output) {
            let html = TestSite.text(output, page)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(page) must have exactly one h1")
            #expect(html.contains("<html lang=\"en-GB\">"), "\(page) lacks lang")
            #expect(html.contains("<title>") && !html.contains("<title></title>"), "\(page) lacks a title")
        }
    }

    private func firstServicePage() -> String {
        let slugs = ((try? FileManager.default.contentsOfDirectory(atPath: output + "/services")) ?? []).filter { !$0.hasSuffix(".html") }.sorted()
        return slugs.first.map { TestSite.text(output, "services/\($0)/index.html") } ?? ""
    }
}

private final class SitemapCollector: NSObject, XMLParserDelegate {
    var locations: [String] = []
    private var current = ""
    private var inLocation = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        inLocation = name == "loc"
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inLocation { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "loc" { locations.append(current) }
        inLocation = false
    }
}

@Suite("Finding services without JavaScript")
struct BrowseTests {
    let output: String

    init() {
        output = TestSite.temporaryFolder() + "/public"
        _ = TestSite.build(output: output)
    }

    /// Every service is reachable from the home page in at most three clicks.
    @Test func everyServiceIsWithinThreeClicksOfTheHomePage() {
        let depth = ClickDepth.fromHome(of: output)
        let services = TestSite.publishedServiceSlugs(in: output)
        #expect(services.count > 60)
        for slug in services {
            #expect((depth["services/\(slug)/index.html"] ?? 99) <= 3, "\(slug) is more than three clicks from home")
        }
    }

    @Test func browsePagesListOnlyServicesThatFit() throws {
        let page = TestSite.text(output, "browse/age/early-years/need/communication-and-interaction/index.html")
        #expect(page.contains("Speech and language therapy for young children"))
        #expect(!page.contains("Supported internships"))
        #expect(!FileManager.default.fileExists(atPath: output + "/browse/age/early-years/category/travel-nonexistent/index.html"))
    }

    @Test func aServicePageWithItsCSSAndJavaScriptWeighsUnderFiftyKilobytes() {
        let shared = ["assets/site.css", "assets/site.js", "assets/favicon.svg"]
            .map { (try? FileManager.default.attributesOfItem(atPath: output + "/" + $0)[.size] as? Int) ?? 0 }
            .reduce(0, +)
        for slug in TestSite.publishedServiceSlugs(in: output) {
            let page = (try? FileManager.default.attributesOfItem(atPath: "\(output)/services/\(slug)/index.html")[.size] as? Int) ?? 0
            #expect(page + shared < 50_000, "\(slug): \(page + shared) bytes")
        }
    }

    @Test func theAccessibilityStatementComesFromSiteYML() {
        let statement = TestSite.text(output, "information/accessibility-statement/index.html")
        for part in ["partially compliant", "Some older PDF documents", "10 working days", "Equality and Human Rights Commission",
                     "This statement was prepared on 5 October 2025".replacingOccurrences(of: "2025", with: "2026")] {
            #expect(statement.contains(part), "the statement lacks \(part)")
        }
        #expect(TestSite.text(output, "index.html").contains("href=\"/information/accessibility-statement/\""))
    }
}
