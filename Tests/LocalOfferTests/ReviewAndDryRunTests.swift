import Foundation
import LocalOffer
import LocalOfferDiagnostics
import LocalOfferModel
import Testing

/// `localoffer review`: who to write to about which entries.
@Suite("Reviews falling due")
struct ReviewListTests {
    /// Replaces a file's `last_reviewed:` line (and drops any `review_by:`).
    static func setLastReviewed(_ path: String, _ date: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text
            .replacingOccurrences(of: #"(?m)^last_reviewed: .*$"#, with: "last_reviewed: \(date)", options: .regularExpression)
            .replacingOccurrences(of: #"(?m)^review_by: .*\n"#, with: "", options: .regularExpression)
        #expect(changed != text || text.contains("last_reviewed: \(date)"))
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func organisation(of path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("organisation: ") })
        return String(line.dropFirst("organisation: ".count))
    }

    @Test("Overdue and soon-due entries are listed by organisation with its e-mail; the window and the errors are respected")
    func reviewsAreGroupedByOrganisation() throws {
        let folder = TestSite.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try TestSite.copyDemoContent(to: folder)
        let today = TestSite.today
        let baseline = ReviewList.make(contentDirectory: content, today: today, within: 60)
        let baselinePaths = Set(baseline.groups.flatMap(\.entries).map(\.path))

        // Two services of one organisation (one overdue, one due in 10 days), one of another due in
        // 50 days, and a page due in 27 days.
        let services = try FileManager.default.contentsOfDirectory(atPath: content + "/services").sorted().map { content + "/services/" + $0 }
        let first = try #require(services.first)
        let organisation = try Self.organisation(of: first)
        let sibling = try #require(services.dropFirst().first { (try? Self.organisation(of: $0)) == organisation })
        let other = try #require(services.first { (try? Self.organisation(of: $0)) != organisation })
        try Self.setLastReviewed(first, "2025-10-01")   // due 2026-10-01: 53 days overdue
        try Self.setLastReviewed(sibling, "2025-12-03") // due 2026-12-03: in 10 days
        try Self.setLastReviewed(other, "2026-01-12")   // due 2027-01-12: in 50 days
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/pages").sorted().first.map { content + "/pages/" + $0 })
        try Self.setLastReviewed(page, "2025-12-20")    // due 2026-12-20: in 27 days

        let list = ReviewList.make(contentDirectory: content, today: today, within: 60)
        let listed = Dictionary(list.groups.flatMap { group in group.entries.map { ($0.path, (group, $0)) } }, uniquingKeysWith: { a, _ in a })
        #expect(Set(listed.keys) == baselinePaths.union([first, sibling, other, page]))
        let (group, overdue) = try #require(listed[first])
        #expect(overdue.isOverdue && overdue.daysUntilDue == -53)
        #expect(group.organisation == organisation)
        #expect(group.entries.map(\.path).contains(sibling), "both services of one organisation in one group")
        #expect(group.entries.first?.path == first, "overdue first")
        let organisationText = try String(contentsOfFile: content + "/organisations/\(organisation).md", encoding: .utf8)
        let email = try #require(group.email)
        #expect(organisationText.contains(email), "the organisation's own contact e-mail")
        #expect(listed[sibling]?.1.daysUntilDue == 10)
        #expect(listed[other]?.1.daysUntilDue == 50)
        #expect(listed[page]?.0.organisation == nil, "pages belong to the Local Offer team")
        #expect(list.unreadableEntries == 0)

        // A shorter window leaves the 50-day one out.
        let month = ReviewList.make(contentDirectory: content, today: today, within: 30)
        #expect(!month.groups.flatMap(\.entries).contains { $0.path == other })
        #expect(month.groups.flatMap(\.entries).contains { $0.path == sibling })

        // check warns for the 10-day one (LO802), not the 50-day one; the overdue one stays LO109.
        let diagnostics = SiteBuilder(options: BuildOptions(contentDirectory: content, today: today)).check()
        #expect(diagnostics.contains { $0.code == .reviewDueSoon && $0.location?.path == sibling })
        #expect(!diagnostics.contains { $0.location?.path == other })
        #expect(diagnostics.contains { $0.code == .reviewOverdue && $0.location?.path == first })

        // An entry with an error is left out and counted.
        let broken = try String(contentsOfFile: sibling, encoding: .utf8).replacingOccurrences(of: "\ntitle:", with: "\ntitel:")
        try broken.write(toFile: sibling, atomically: true, encoding: .utf8)
        let partial = ReviewList.make(contentDirectory: content, today: today, within: 60)
        #expect(!partial.groups.flatMap(\.entries).contains { $0.path == sibling })
        #expect(partial.unreadableEntries == 1)
        #expect(partial.text.contains("1 entry has errors and is not listed"))
    }

    @Test("The CSV has one row per entry, quoted as RFC 4180 asks, and a text report names each organisation")
    func csvAndTextOutput() throws {
        let folder = TestSite.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try TestSite.copyDemoContent(to: folder)
        let services = try FileManager.default.contentsOfDirectory(atPath: content + "/services").sorted().map { content + "/services/" + $0 }
        let service = try #require(services.first)
        try Self.setLastReviewed(service, "2025-11-01")
        var lines = try String(contentsOfFile: service, encoding: .utf8).components(separatedBy: "\n")
        let titleLine = try #require(lines.firstIndex { $0.hasPrefix("title: ") })
        lines[titleLine] = #"title: "Swimming, \"splash\" sessions""#
        try lines.joined(separator: "\n").write(toFile: service, atomically: true, encoding: .utf8)

        let list = ReviewList.make(contentDirectory: content, today: TestSite.today, within: 60)
        let rows = list.csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "organisation,organisation_name,contact_email,entry_type,title,file,last_reviewed,review_due,days_until_due,status")
        #expect(rows.count == list.entryCount + 1)
        #expect(rows.contains { $0.contains(#","Swimming, ""splash"" sessions","#) && $0.hasSuffix(",2026-11-01,-22,overdue") },
                "\(rows.prefix(3))")
        #expect(list.text.contains("Swimming, \"splash\" sessions"))
        #expect(list.text.contains("overdue  1 November 2026 (22 days ago)"))
        #expect(ReviewList.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"", "formulas are not run by spreadsheets")

        if FileManager.default.isExecutableFile(atPath: CommandLineTests.executable) {
            let run = try CommandLineTests.run(["review", "--content", content, "--format", "csv", "--within", "60"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput == list.csv)
            let none = try CommandLineTests.run(["review", "--content", content, "--within", "0", "--today", "2020-01-01"])
            #expect(none.status == 0)
            #expect(none.standardOutput.contains("No reviews are overdue or due by 1 January 2020"))
        }
    }
}

/// `localoffer build --dry-run`: the prediction is exactly what the build then does.
@Suite("Dry run")
struct DryRunTests {
    static func builder(_ content: String, _ output: String) -> SiteBuilder {
        SiteBuilder(options: BuildOptions(
            contentDirectory: content, templateDirectories: [TestSite.defaultTheme], outputDirectory: output, today: TestSite.today
        ))
    }

    /// What a build did to the output folder, from snapshots before and after (the marker left out).
    static func changes(from before: [String: Data], to after: [String: Data]) -> [DryRun.Change: Set<String>] {
        let marker = ".localoffer-site"
        var changes: [DryRun.Change: Set<String>] = [.added: [], .changed: [], .removed: []]
        for (path, bytes) in after where path != marker {
            if let old = before[path] {
                if old != bytes { changes[.changed, default: []].insert(path) }
            } else {
                changes[.added, default: []].insert(path)
            }
        }
        for path in before.keys where path != marker && after[path] == nil { changes[.removed, default: []].insert(path) }
        return changes
    }

    @Test("Add, change and remove: the dry run writes nothing and predicts exactly what the build then does")
    func dryRunPredictsTheBuild() throws {
        let folder = TestSite.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try TestSite.copyDemoContent(to: folder)
        let output = folder + "/public"

        // Nothing there yet: every file is new, and nothing is written.
        let first = Self.builder(content, output).dryRun()
        #expect(first.wouldPublish && !first.previousSiteFound)
        #expect(first.files.allSatisfy { $0.change == .added })
        #expect(!FileManager.default.fileExists(atPath: output))
        let built = Self.builder(content, output).build()
        #expect(built.succeeded)
        #expect(first.files.count == built.filesWritten)

        // Unchanged content: nothing would change.
        let same = Self.builder(content, output).dryRun()
        #expect(same.previousSiteFound)
        #expect(same.files.allSatisfy { $0.change == .unchanged }, "\(same.files.filter { $0.change != .unchanged }.prefix(5))")
        #expect(same.report.contains("no page would change"))

        // One service changed, one added, one removed.
        let services = try FileManager.default.contentsOfDirectory(atPath: content + "/services").sorted()
        let changed = content + "/services/" + services[3]
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try text.replacingOccurrences(of: "\n---\n", with: "\n---\nOpen in the school holidays too.\n\n").write(toFile: changed, atomically: true, encoding: .utf8)
        let template = try String(contentsOfFile: content + "/services/" + services[5], encoding: .utf8)
        try template.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Sensory garden open days", options: .regularExpression)
            .write(toFile: content + "/services/sensory-garden-open-days.md", atomically: true, encoding: .utf8)
        // Removed: a service no other file links to, so the content stays valid.
        let allText = try (services.map { "services/" + $0 } + FileManager.default.contentsOfDirectory(atPath: content + "/pages").map { "pages/" + $0 })
            .map { try String(contentsOfFile: content + "/" + $0, encoding: .utf8) }.joined()
        let removed = try #require(services.dropFirst(8).first { !allText.contains($0) })
        try FileManager.default.removeItem(atPath: content + "/services/" + removed)

        let before = TestSite.snapshot(of: output)
        let dryRun = Self.builder(content, output).dryRun()
        #expect(TestSite.snapshot(of: output) == before, "a dry run writes nothing")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["content", "public"], "and leaves no staging folder")
        let pages = Dictionary(dryRun.pages.map { ($0.pageURL ?? "", $0.change) }, uniquingKeysWith: { a, _ in a })
        let slug = { (name: String) in String(name.dropLast(3)) }
        #expect(pages["/services/\(slug(services[3]))/"] == .changed)
        #expect(pages["/services/sensory-garden-open-days/"] == .added)
        #expect(pages["/services/\(slug(removed))/"] == .removed)
        #expect(dryRun.report.contains("  add     /services/sensory-garden-open-days/"))
        #expect(dryRun.report.contains("  remove  /services/\(slug(removed))/"), "\(dryRun.report)")
        #expect(dryRun.report.contains("Pages: 1 added,"))

        // The build then does exactly that, file for file (pages, lists, search index, sitemap).
        let rebuilt = Self.builder(content, output).build()
        #expect(rebuilt.succeeded)
        let actual = Self.changes(from: before, to: TestSite.snapshot(of: output))
        for change in [DryRun.Change.added, .changed, .removed] {
            let predicted = Set(dryRun.files.filter { $0.change == change }.map(\.path))
            #expect(predicted == actual[change], "\(change): predicted but not done \(predicted.subtracting(actual[change] ?? []).sorted().prefix(5)), done but not predicted \((actual[change] ?? []).subtracting(predicted).sorted().prefix(5))")
        }
        #expect(!(actual[.changed] ?? []).isEmpty && !(actual[.added] ?? []).isEmpty && !(actual[.removed] ?? []).isEmpty)
    }

    @Test("Content with errors, or a folder the build would refuse: the dry run says so and compares nothing")
    func dryRunWithErrors() throws {
        let folder = TestSite.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try TestSite.copyDemoContent(to: folder)
        try "not ours".write(toFile: folder + "/stranger.txt", atomically: true, encoding: .utf8)
        let refused = Self.builder(content, folder).dryRun()
        #expect(refused.diagnostics.contains { $0.code == .outputFailure && $0.message.contains("not written by localoffer") })
        #expect(refused.files.isEmpty)

        try "---\ntitle: x\n---\n".write(toFile: content + "/services/broken.md", atomically: true, encoding: .utf8)
        let broken = Self.builder(content, folder + "/public").dryRun()
        #expect(!broken.wouldPublish)
        #expect(broken.files.isEmpty)
        #expect(broken.report.contains("would publish nothing"))
    }
}
