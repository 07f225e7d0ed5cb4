import Foundation
import LocalOffer
import LocalOfferModel
@testable import LocalOfferReports
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small site written for these tests (not the demo), with every figure known by hand.
enum ReportSite {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func service(_ slug: String, _ frontMatter: String) -> (String, String) {
        (slug, "---\n" + frontMatter + "\n---\nWhat the service does and how to get it, in plain English.\n")
    }

    static let services = [
        // 0 to 4, communication only, no plan needed, council, universal; nothing optional; review due in 10 days.
        service("chatter-group", """
        title: Chatter group
        summary: A weekly group for toddlers who are late to talk, and their parents.
        organisation: council-team
        categories: [health]
        level: universal
        eligibility: {age: {min: 0, max: 4}, ehc_plan: not-required, needs: [communication-and-interaction], referral: [parent-carer]}
        contact: {phone: 020 7946 0001}
        commissioned_by: [council]
        last_reviewed: 2025-12-03
        """),
        // 3 to 11, cognition and sensory, EHC plan needed, council and NHS (joint), specialist; overdue since 2026-10-01.
        service("specialist-unit", """
        title: Specialist unit
        summary: A specialist class for children with an EHC plan and complex learning needs.
        organisation: health-trust
        categories: [education]
        level: specialist
        eligibility: {age: {min: 3, max: 11}, ehc_plan: required, needs: [cognition-and-learning, sensory-and-physical], referral: [local-authority], criteria: Your child must have an EHC plan naming the unit.}
        contact: {email: unit@example.org}
        commissioned_by: [council, nhs]
        locations:
          - {name: Unit building, address: {line1: 1 High Street, town: London, postcode: KM1 1AA}}
        waiting_time: {weeks: 4, as_of: 2026-09-01}
        last_reviewed: 2025-10-01
        review_by: 2026-10-01
        """),
        // 16 to 25, all four needs (by default), no plan needed, no commissioner, targeted.
        service("youth-club", """
        title: Youth club
        summary: An evening club for young people aged 16 to 25, open to all.
        organisation: health-trust
        categories: [social-care]
        level: targeted
        eligibility: {age: {min: 16, max: 25}, ehc_plan: not-required, referral: [self], criteria: Open to any young person aged 16 to 25 in Kingsmere.}
        contact: {website: https://youth.example.org}
        last_reviewed: 2026-11-01
        """),
        // A draft: never counted.
        service("draft-service", """
        title: Draft service
        status: draft
        """),
    ]

    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("localoffer-report-\(UUID().uuidString)").path + "/content"
        let fm = FileManager.default
        for sub in ["services", "organisations"] { try fm.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true) }
        let site = try String(contentsOfFile: root.appendingPathComponent("Tests/LocalOfferModelTests/Fixtures/site/site.yml").path, encoding: .utf8)
        try site.write(toFile: folder + "/site.yml", atomically: true, encoding: .utf8)
        try "---\nname: Council team\ntype: council\ncontact: {phone: 020 7946 0002}\n---\nA council team.\n"
            .write(toFile: folder + "/organisations/council-team.md", atomically: true, encoding: .utf8)
        try "---\nname: Health trust\ntype: nhs\ncontact: {phone: 020 7946 0003}\n---\nAn NHS trust.\n"
            .write(toFile: folder + "/organisations/health-trust.md", atomically: true, encoding: .utf8)
        for (slug, text) in services { try text.write(toFile: folder + "/services/\(slug).md", atomically: true, encoding: .utf8) }
        return folder
    }

    static func report() throws -> CommissioningReport {
        let (report, diagnostics) = CommissioningReportBuilder(options: BuildOptions(contentDirectory: try folder(), today: today)).build()
        return try #require(report, "\(diagnostics)")
    }
}

@Suite("Commissioning report")
struct CommissioningReportTests {
    @Test func coverageCountsEachServiceInEveryStageAndNeedItServes() throws {
        let report = try ReportSite.report()
        #expect(report.serviceCount == 3, "drafts are not counted")
        func cell(_ stage: AgeStage, _ need: AreaOfNeed) -> CommissioningReport.CoverageCell? {
            report.coverage.flatMap { $0 }.first { $0.stage == stage && $0.need == need }
        }
        func figures(_ stage: AgeStage, _ need: AreaOfNeed) -> String {
            cell(stage, need).map { "\($0.services)/\($0.withoutEHCPlan)/\($0.gap?.rawValue ?? "-")" } ?? "missing"
        }
        #expect(figures(.earlyYears, .communicationAndInteraction) == "1/1/-")
        #expect(figures(.earlyYears, .cognitionAndLearning) == "1/0/only-with-ehc-plan")
        #expect(cell(.earlyYears, .cognitionAndLearning)?.gap == .onlyWithEHCPlan)
        #expect(cell(.earlyYears, .socialEmotionalAndMentalHealth)?.gap == .noService)
        #expect(figures(.secondary, .sensoryAndPhysical) == "1/0/only-with-ehc-plan", "11 is in both primary and secondary")
        #expect(figures(.adulthood, .socialEmotionalAndMentalHealth) == "1/1/-")
        #expect(report.gaps.count == 16 - 1 - 4, "16 cells; early years C&I and the four post-16 cells are covered")
    }

    @Test func servicesByCommissionerAndLevel() throws {
        let report = try ReportSite.report()
        let rows = Dictionary(uniqueKeysWithValues: report.commissioners.compactMap { row in row.group.map { ($0, row) } })
        #expect(rows[.council]?.universal == 1 && rows[.council]?.total == 1)
        #expect(rows[.joint]?.specialist == 1, "council and NHS together are joint")
        #expect(rows[.other]?.targeted == 1)
        #expect(rows[.nhs]?.total == 0 && rows[.school]?.total == 0)
        #expect(report.commissionerTotals.total == 3)
        #expect(CommissioningReport.CommissionerGroup([.nhs]) == .nhs)
        #expect(CommissioningReport.CommissionerGroup([.joint, .schools]) == .joint)
        #expect(CommissioningReport.CommissionerGroup([.schools]) == .school)
    }

    @Test func reviewsDueAndOverdueByOrganisation() throws {
        let report = try ReportSite.report()
        #expect(report.reviews.map(\.organisation) == ["Council team", "Health trust"])
        let chatter = try #require(report.reviews.first?.listings.first)
        #expect(chatter.title == "Chatter group" && chatter.daysLeft == 10 && chatter.status == "Due in 10 days")
        let unit = try #require(report.reviews.last?.listings.first)
        #expect(unit.daysLeft == -53 && unit.isOverdue && unit.status == "Overdue by 53 days")
        #expect(report.reviews.last?.listings.count == 1, "the youth club is not due for a year")
        #expect((report.overdueCount, report.dueSoonCount) == (1, 1))
    }

    @Test func listingsMissingInformation() throws {
        let report = try ReportSite.report()
        #expect(report.missingInformation.map(\.title) == ["Chatter group", "Youth club"])
        #expect(report.missingInformation.first?.missing == ["criteria", "waiting time", "location"])
        #expect(report.missingInformation.last?.missing == ["waiting time", "location"])
    }

    @Test func dayNumbersCountDays() {
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)
        #expect(LocalDate(year: 2024, month: 3, day: 1).map { $0.dayNumber - LocalDate(year: 2024, month: 2, day: 28)!.dayNumber } == 2)
    }
}

@Suite("Report formats")
struct ReportFormatTests {
    @Test func textHasEveryTable() throws {
        let text = ReportText.text(try ReportSite.report())
        for expected in ["Fixture Local Offer: commissioning report, 23 November 2026", "3 published services.",
                         "Early years (0 to 4)", "Gaps: 11", "Joint (council and NHS)", "Reviews: 1 overdue, 1 due within 60 days",
                         "Specialist unit: review by 2026-10-01 (overdue by 53 days)", "Chatter group (Council team): no criteria, no waiting time, no location"] {
            #expect(text.contains(expected), "\(expected)\n\(text)")
        }
    }

    @Test func csvHasOneRowPerFigureAndNeverAFormula() throws {
        let csv = ReportText.csv(try ReportSite.report())
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.filter { $0.hasPrefix("coverage,") }.count == 16)
        #expect(lines.filter { $0.hasPrefix("commissioners,") }.count == 6)
        #expect(lines.contains("coverage,0-4,social-emotional-and-mental-health,0,0,no-service"))
        #expect(lines.contains("reviews,Health trust,Specialist unit,2026-10-01,-53,overdue"))
        #expect(ReportText.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ReportText.csvField("a, b") == "\"a, b\"")
        #expect(ReportText.csvField("-53") == "-53", "numbers are not formulas")
    }

    @Test func heatMapIsWellFormedSVGWithNoStyleAttributes() throws {
        let svg = HeatMapSVG.draw(try ReportSite.report())
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the heat map is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(!svg.contains("style="), "a strict Content-Security-Policy (style-src 'self') blocks style attributes")
        #expect(!svg.contains("<style"))
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="))
        #expect(svg.components(separatedBy: ">No service<").count - 1 == 5, "five cells have no service")
        #expect(svg.components(separatedBy: ">EHC plan only<").count - 1 == 6, "six have only services that need a plan")
    }
}

@Suite("Report page and change feed in a build")
struct ReportBuildTests {
    static func build(reportInNavigation: Bool = false) throws -> String {
        let content = try ReportSite.folder()
        if reportInNavigation {
            let site = content + "/site.yml"
            try (try String(contentsOfFile: site, encoding: .utf8) + "report_in_navigation: true\n").write(toFile: site, atomically: true, encoding: .utf8)
        }
        let output = (content as NSString).deletingLastPathComponent + "/public"
        let report = SiteBuilder(options: BuildOptions(
            contentDirectory: content, templateDirectories: [ReportSite.root.appendingPathComponent("templates").path],
            outputDirectory: output, today: ReportSite.today)).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        return output
    }

    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test func theReportIsPublishedNoindexOutOfTheSitemapAndOutOfTheNavigation() throws {
        let output = try Self.build()
        let page = Self.text(output + "/reports/index.html")
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<svg class=\"app-heat-map\""))
        #expect(page.contains("<caption class=\"app-report-table__caption\" id=\"coverage-caption\">"))
        #expect(page.contains("Gap: No service") && page.contains("Gap: Only with an EHC plan"))
        #expect(page.contains("Overdue by 53 days") && page.contains("Due in 10 days"))
        #expect(!Self.text(output + "/sitemap.xml").contains("/reports/"))
        #expect(!Self.text(output + "/index.html").contains("/reports/"), "not in the families' navigation by default")

        let linked = try Self.build(reportInNavigation: true)
        #expect(Self.text(linked + "/index.html").contains("<a href=\"/reports/\">Commissioning report</a>"))
    }

    @Test func theChangeFeedIsAtomNewestFirstAndLinkedFromTheHomePage() throws {
        let output = try Self.build()
        let data = try #require(FileManager.default.contents(atPath: output + "/changes.atom"))
        let collector = AtomCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "changes.atom is not well-formed XML")
        #expect(collector.titles == ["Youth club", "Chatter group", "Specialist unit"], "newest first, drafts left out")
        #expect(collector.updated.first == "2026-11-01T00:00:00Z")
        #expect(collector.ids.count == 4 && collector.ids.allSatisfy { $0.hasPrefix("urn:uuid:") })
        #expect(collector.selfLink == "https://localoffer.kingsmere.example.org/changes.atom")
        #expect(collector.contents.allSatisfy { $0.contains("<p>") && $0.contains("Read the full listing") })
        let home = Self.text(output + "/index.html")
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/changes.atom\""))
        #expect(home.contains("services added or changed (Atom feed)</a>"))
    }
}

final class AtomCollector: NSObject, XMLParserDelegate {
    var titles: [String] = []
    var ids: [String] = []
    var updated: [String] = []
    var contents: [String] = []
    var selfLink: String?
    private var text = ""
    private var inEntry = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        if name == "entry" { inEntry = true }
        if name == "link", attributes["rel"] == "self" { selfLink = attributes["href"] }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "id": ids.append(text)
        case "title" where inEntry: titles.append(text)
        case "updated" where inEntry: updated.append(text)
        case "content": contents.append(text)
        case "entry": inEntry = false
        default: break
        }
    }
}
