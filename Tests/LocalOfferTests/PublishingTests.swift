import Foundation
import LocalOffer
import LocalOfferDiagnostics
import Testing

@Suite("Publishing")
struct PublishingTests {
    @Test func twoBuildsOfTheSameInputAreByteIdentical() {
        let folder = TestSite.temporaryFolder()
        let first = TestSite.build(output: folder + "/one")
        let second = TestSite.build(output: folder + "/two")
        #expect(first.succeeded && second.succeeded)
        let one = TestSite.snapshot(of: folder + "/one")
        let two = TestSite.snapshot(of: folder + "/two")
        #expect(one.count > 100)
        #expect(one == two)
    }

    @Test func aBrokenEntryIsReportedWithItsPositionAndLeavesThePreviousSiteUntouched() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        let output = folder + "/public"
        #expect(TestSite.build(content: content, output: output).succeeded)
        let before = TestSite.snapshot(of: output)

        let service = try #require((try FileManager.default.contentsOfDirectory(atPath: content + "/services")).sorted().first)
        let path = content + "/services/" + service
        let original = TestSite.text(content + "/services", service)
        let broken = original.replacingOccurrences(of: "\neligibility:", with: "\neligibilty:")
        #expect(broken != original)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)

        let report = TestSite.build(content: content, output: output)
        #expect(!report.succeeded)
        #expect(report.pagesWritten == 0)
        let unknownKey = report.diagnostics.first { $0.code == .unknownKey }
        #expect(unknownKey?.location?.path == path)
        let line = original.components(separatedBy: "\n").firstIndex { $0.hasPrefix("eligibility:") }.map { $0 + 1 }
        #expect(unknownKey?.location?.line == line)
        #expect(unknownKey?.location?.column == 1)
        #expect(unknownKey?.hint == "did you mean 'eligibility'?")
        #expect(TestSite.snapshot(of: output) == before, "the previous public/ must be byte-for-byte unchanged")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") && !$0.hasSuffix(".spare") }
        #expect(leftovers.isEmpty, "no staging folders are left behind: \(leftovers)")
    }

    @Test func aSubPathPrefixesEveryLink() {
        let output = TestSite.temporaryFolder() + "/public"
        let report = TestSite.build(output: output, baseURL: "/local-offer/")
        #expect(report.succeeded)
        let (checked, broken) = LinkChecker(root: output, basePath: "/local-offer/").brokenLinks()
        #expect(checked > 1000)
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        let home = TestSite.text(output, "index.html")
        #expect(home.contains("href=\"/local-offer/services/\""))
        #expect(!home.contains("href=\"/services/"))
        #expect(TestSite.text(output, "sitemap.xml").contains("<loc>https://localoffer.kingsmere.example.org/local-offer/services/</loc>"))
    }

    @Test func anAbsoluteBaseURLBecomesTheCanonicalAddress() {
        let output = TestSite.temporaryFolder() + "/public"
        #expect(TestSite.build(output: output, baseURL: "https://www.kingsmere.example.org/send/").succeeded)
        #expect(TestSite.text(output, "sitemap.xml").contains("<loc>https://www.kingsmere.example.org/send/glossary/</loc>"))
        #expect(TestSite.text(output, "index.html").contains("href=\"/send/glossary/\""))
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let folder = TestSite.temporaryFolder()
        try "precious".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let report = TestSite.build(output: folder)
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.code == .outputFailure })
        #expect(TestSite.text(folder, "notes.txt") == "precious")
    }
}

@Suite("Generated pages")
struct GeneratedPageTests {
    @Test func aPageCannotTakeTheGeneratedAccessibilityStatementsAddress() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        try "---\ntitle: Our own statement\nsummary: A hand-written accessibility statement.\nlast_reviewed: 2026-10-01\n---\nText.\n"
            .write(toFile: content + "/pages/accessibility-statement.md", atomically: true, encoding: .utf8)
        let report = TestSite.build(content: content, output: folder + "/public")
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.code == .duplicateSlug && $0.location?.path.hasSuffix("accessibility-statement.md") == true })
    }
}

@Suite("Hostile content")
struct InjectionTests {
    @Test func markupInAnyFieldIsPublishedAsTextNeverAsMarkup() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        let service = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/services").sorted().first)
        let path = content + "/services/" + service
        let original = TestSite.text(content + "/services", service)
        let payload = #"Evil \"><script>alert(1)</script><img src=x onerror=alert(2)></script><!--"#
        // Line by line: regular-expression templates would eat the payload's backslashes.
        var hostile = original.components(separatedBy: "\n").map { line in
            if line.hasPrefix("title:") { return "title: \"\(payload)\"" }
            if line.hasPrefix("tags:") { return #"tags: ["</script><script>alert(3)</script>"]"# }
            return line
        }.joined(separator: "\n")
        hostile += "\n\n<script>alert(4)</script>\n\n[click](javascript:alert(5))\n"
        try hostile.write(toFile: path, atomically: true, encoding: .utf8)

        let report = TestSite.build(content: content, output: folder + "/public")
        #expect(report.succeeded, "\(report.diagnostics.filter(\.isError).map(\.message))")
        #expect(report.diagnostics.contains { $0.code == .rawHTMLOmitted })
        let slug = String(service.dropLast(3))
        let pages = ["services/\(slug)/index.html", "services/index.html", "index.html"]
        for page in pages {
            let html = TestSite.text(folder + "/public", page)
            #expect(!html.contains("<script>alert"), "\(page) runs injected script")
            #expect(!html.contains("<img src=x"), "\(page) has an injected element")
            #expect(!html.contains("javascript:alert"), "\(page) has a javascript: link")
        }
        let servicePage = TestSite.text(folder + "/public", "services/\(slug)/index.html")
        #expect(servicePage.contains("Evil &quot;&gt;&lt;script&gt;"))
        let jsonLD = try #require(servicePage.components(separatedBy: "application/ld+json\">").last?.components(separatedBy: "</script>").first)
        #expect(!jsonLD.contains("<"), "JSON-LD cannot close its script element")
        for file in FileManager.default.subpaths(atPath: folder + "/public/search") ?? [] where file.hasSuffix(".json") {
            #expect(!TestSite.text(folder + "/public/search", file).contains("</script"))
        }
    }
}
