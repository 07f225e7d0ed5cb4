import Foundation
import LocalOffer
import LocalOfferDiagnostics
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole build, and the real command, on content an attacker or an accident prepared: whatever
/// the trick, nothing from outside the site is read or printed, nothing broken is published, and the
/// previous site stays as it was.
@Suite("Hostile input, end to end")
struct HostileInputTests {
    static var hostileContent: String { TestSite.repositoryRoot.appendingPathComponent("tests/fixtures/hostile/content").path }
    static let secret = "TOP-SECRET-PAYROLL-7731"

    /// A copy of the hostile fixture, built once into `public/`, and a secret file beside it.
    struct Site {
        let folder: String
        let content: String
        let output: String
        let secretFile: String
        let before: [String: Data]

        init() throws {
            folder = TestSite.temporaryFolder()
            content = folder + "/content"
            output = folder + "/public"
            try FileManager.default.copyItem(atPath: HostileInputTests.hostileContent, toPath: content)
            secretFile = folder + "/secret.md"
            try "---\ntitle: \(HostileInputTests.secret)\nsummary: \(HostileInputTests.secret) summary text\n---\n\(HostileInputTests.secret)\n"
                .write(toFile: secretFile, atomically: true, encoding: .utf8)
            let first = TestSite.build(content: content, output: output)
            #expect(first.succeeded, "\(first.diagnostics.filter(\.isError))")
            before = TestSite.snapshot(of: output)
        }

        func rebuild() -> BuildReport { TestSite.build(content: content, output: output) }

        func expectUnchanged(_ report: BuildReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(!report.succeeded, sourceLocation: sourceLocation)
            #expect(TestSite.snapshot(of: output) == before, "the previous site changed", sourceLocation: sourceLocation)
            let published = TestSite.snapshot(of: output).values.map { String(decoding: $0, as: UTF8.self) }
            #expect(!published.contains { $0.contains(HostileInputTests.secret) }, sourceLocation: sourceLocation)
        }
    }

    @Test func aServiceLinkedToAFileOutsideTheSiteIsNeverReadOrPublished() throws {
        let site = try Site()
        try FileManager.default.createSymbolicLink(atPath: site.content + "/services/payroll.md", withDestinationPath: site.secretFile)
        try FileManager.default.createSymbolicLink(atPath: site.content + "/pages/passwd.md", withDestinationPath: "/etc/passwd")
        let report = site.rebuild()
        site.expectUnchanged(report)
        let codes = report.diagnostics.filter(\.isError).map(\.code)
        #expect(codes == [.symbolicLinkOutside, .symbolicLinkOutside])
        #expect(!report.diagnostics.contains { $0.message.contains(HostileInputTests.secret) || $0.message.contains("root:") })
    }

    @Test func aPagesFolderLinkedToAFolderOutsideIsRefused() throws {
        let site = try Site()
        let elsewhere = site.folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: site.content + "/pages/mediation.md", toPath: elsewhere + "/mediation.md")
        try FileManager.default.copyItem(atPath: site.secretFile, toPath: elsewhere + "/secret.md")
        try FileManager.default.removeItem(atPath: site.content + "/pages")
        try FileManager.default.createSymbolicLink(atPath: site.content + "/pages", withDestinationPath: elsewhere)
        let report = site.rebuild()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.code == .symbolicLinkOutside && $0.location?.path == site.content + "/pages" })
        #expect(TestSite.snapshot(of: site.output) == site.before)
    }

    @Test func linksNobodyReadsPublishNothing() throws {
        let site = try Site()
        try FileManager.default.createSymbolicLink(atPath: site.content + "/organisations/more", withDestinationPath: site.folder)
        try FileManager.default.createSymbolicLink(atPath: site.content + "/notes.yml", withDestinationPath: site.secretFile)
        let report = site.rebuild()
        #expect(report.succeeded, "\(report.diagnostics.filter(\.isError))")
        #expect(!TestSite.snapshot(of: site.output).values.contains { String(decoding: $0, as: UTF8.self).contains(HostileInputTests.secret) })
    }

    @Test func aNamedPipeAmongTheServicesFailsTheBuildAtOnce() throws {
        let site = try Site()
        let fifo = site.content + "/services/pipe.md"
        #expect(mkfifo(fifo, 0o644) == 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 8) {
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let start = Date()
        let report = site.rebuild()
        #expect(Date().timeIntervalSince(start) < 6)
        site.expectUnchanged(report)
        #expect(report.diagnostics.filter(\.isError).map(\.code) == [.notARegularFile])
    }

    @Test(arguments: [
        "..", "...", "..%2f..%2fsecret", "%2e%2e%2fsecret", "a\u{2215}b", "a\u{FF0F}b", "\u{2024}\u{2024}",
        "\u{FF0E}\u{FF0E}", "a\\b", "CON", "Portage", "na\u{0308}ive", "emoji-\u{1F600}", " leading-space", "-dash",
    ])
    func fileNamesThatAreNotSlugsAreRefusedAndNothingIsPublished(name: String) throws {
        let site = try Site()
        let text = TestSite.text(site.content + "/services", "handler-summary.md")
            .replacingOccurrences(of: "title: Short breaks", with: "title: Copied short breaks")
        try text.write(toFile: site.content + "/services/\(name).md", atomically: true, encoding: .utf8)
        let report = site.rebuild()
        site.expectUnchanged(report)
        #expect(report.diagnostics.filter(\.isError).map(\.code) == [.invalidSlug], "\(name): \(report.diagnostics.filter(\.isError))")
    }

    func addVariant(to site: Site, slug: String, title: String, body: String = "") throws {
        let service = TestSite.text(site.content + "/services", "handler-summary.md")
        try (service.replacingOccurrences(of: "title: Short breaks", with: "title: \(title)") + body)
            .write(toFile: site.content + "/services/\(slug).md", atomically: true, encoding: .utf8)
    }

    @Test func anOversizedBadlyEncodedOrBillionLaughsEntryIsReportedAllInOneRun() throws {
        let site = try Site()
        try addVariant(to: site, slug: "huge", title: "Huge", body: String(repeating: "word ", count: 300_000))
        try addVariant(to: site, slug: "latin", title: "Latin")
        let latin = site.content + "/services/latin.md"
        try (FileManager.default.contents(atPath: latin).map { $0 + Data([0x43, 0xA3, 0x33, 0x0A]) } ?? Data()).write(to: URL(fileURLWithPath: latin))
        let laughs = (1...9).map { "  a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 9).joined(separator: ", ") + "]" }
        try addVariant(to: site, slug: "laughs", title: "Laughs\nx-lol:\n  a0: &a0 [l, l, l, l, l, l, l, l, l]\n" + laughs.joined(separator: "\n"))

        let start = Date()
        let report = site.rebuild()
        #expect(Date().timeIntervalSince(start) < 30)
        site.expectUnchanged(report)
        let found = Dictionary(grouping: report.diagnostics.filter(\.isError)) { URL(fileURLWithPath: $0.location?.path ?? "").lastPathComponent }
        #expect(found["huge.md"]?.map(\.code) == [.fileTooLarge])
        #expect(found["latin.md"]?.map(\.code) == [.unreadableFile])
        #expect(found["latin.md"]?.first?.message.contains("byte 0xA3 at byte offset") == true)
        #expect(found["laughs.md"]?.map(\.code) == [.yamlAliasExpansion])
        #expect(found.count == 3)
    }

    @Test func deepAndQuadraticMarkdownIsReportedAllInOneRunAndNothingIsPublished() throws {
        let site = try Site()
        try addVariant(to: site, slug: "deep", title: "Deep", body: String(repeating: "> ", count: 50_000) + "x\n")
        try addVariant(to: site, slug: "wide", title: "Wide", body: String(repeating: "| ", count: 50_000) + "\n|-|\n")
        try addVariant(to: site, slug: "quotes", title: "Quotes", body: String(repeating: "\"", count: 50_000) + "\n")
        let report = site.rebuild()
        site.expectUnchanged(report)
        let found = report.diagnostics.filter(\.isError).map { "\(URL(fileURLWithPath: $0.location?.path ?? "").lastPathComponent) \($0.code.rawValue)" }
        #expect(found.sorted() == ["deep.md LO907", "quotes.md LO908", "wide.md LO908"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable)))
    func theCommandNeverPrintsALineOfAFileOutsideTheSite() throws {
        let site = try Site()
        try FileManager.default.createSymbolicLink(atPath: site.content + "/services/payroll.md", withDestinationPath: site.secretFile)
        let run = try CommandLineTests.run(["build", "--content", site.content, "--templates", TestSite.defaultTheme, "--output", site.output])
        #expect(run.status == 1)
        #expect(run.standardError.contains("\(site.content)/services/payroll.md:1:1: error: the symbolic link points to"))
        #expect(run.standardError.contains("[LO901]"))
        #expect(run.standardError.contains("hint: "))
        #expect(!run.standardError.contains(HostileInputTests.secret))
        #expect(!run.standardOutput.contains(HostileInputTests.secret))
        #expect(TestSite.snapshot(of: site.output) == site.before)
    }
}

@Suite("localoffer new and linked folders")
struct ScaffoldLinkTests {
    @Test func aNewEntryIsNeverWrittenThroughAFolderLinkedOutside() throws {
        let folder = TestSite.temporaryFolder()
        let content = folder + "/content"
        let elsewhere = folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content + "/services", withDestinationPath: elsewhere)
        let result = EntryScaffold(contentDirectory: content).create(kind: .service, slug: "portage", today: TestSite.today)
        guard case .failure(let problem) = result else {
            Issue.record("written through the link")
            return
        }
        #expect(problem.code == .symbolicLinkOutside)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        #expect(EntryScaffold(contentDirectory: content).create(kind: .page, slug: "faq", today: TestSite.today).isSuccess)
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
