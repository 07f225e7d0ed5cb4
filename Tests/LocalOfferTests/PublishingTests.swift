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
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
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
