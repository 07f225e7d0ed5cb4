import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferReports
import LocalOfferSite

extension SiteURLs {
    /// The commissioners' report.
    public var reports: String { basePath + "reports/" }
    /// The Atom feed of services added or changed.
    public var changeFeed: String { basePath + ChangeFeedAddress.fileName }
}

/// Where the change feed is published, relative to the site.
public enum ChangeFeedAddress {
    public static let fileName = "changes.atom"
}

/// The commissioners' report page: the heat map and, beside it, the same numbers in a table; then
/// the gaps, services by commissioner and level, reviews due, and missing information.
struct ReportPageView {
    let page: LayoutView
    let generatedOn: String
    let serviceCount: Int
    /// The inline SVG, drawn by `HeatMapSVG` from numbers only: every text in it is escaped there.
    let heatMap: String
    let needs: [String]
    let coverage: [CoverageRow]
    let gaps: [Gap]
    let hasGaps: Bool
    let commissioners: [CommissionerRow]
    let totals: CommissionerRow
    let reviews: [OrganisationReviews]
    let hasReviews: Bool
    /// "3 listings are overdue for review and 1 is due within 60 days."
    let reviewSummary: String
    let missing: [Missing]
    let hasMissing: Bool
    let missingCriteria: Int
    let missingWaitingTime: Int
    let missingLocation: Int

    struct CoverageRow {
        let stage: String
        let cells: [Cell]
    }

    struct Cell {
        let services: Int
        let withoutPlan: Int
        let gap: String?
    }

    struct Gap {
        let stage: String
        let need: String
        let kind: String
    }

    struct CommissionerRow {
        let title: String
        let universal: Int
        let targeted: Int
        let specialist: Int
        let total: Int
    }

    struct OrganisationReviews {
        let organisation: String
        let id: String
        let listings: [Listing]
    }

    struct Listing {
        let title: String
        let url: String
        let reviewBy: String
        let status: String
        let isOverdue: Bool
    }

    struct Missing {
        let title: String
        let url: String
        let organisation: String
        let criteria: Bool
        let waitingTime: Bool
        let location: Bool
    }
}

extension PageRenderer {
    /// The commissioners' report from the published services, as of `items.today`.
    public func commissioningReport() -> CommissioningReport {
        CommissioningReport(site: items.site, services: items.services.map(\.entry),
                            organisations: items.organisations.map(\.entry), today: items.today)
    }

    public func report() -> Result<[UInt8], Diagnostic> {
        let report = commissioningReport()
        let serviceURLs = Dictionary(items.services.map { ($0.slug, $0.url) }, uniquingKeysWith: { first, _ in first })
        func row(_ source: CommissioningReport.CommissionerRow) -> ReportPageView.CommissionerRow {
            .init(title: source.group?.title ?? "All services", universal: source.universal, targeted: source.targeted,
                  specialist: source.specialist, total: source.total)
        }
        let view = ReportPageView(
            page: layouts.layout(
                title: "Commissioning report",
                description: "What the \(items.site.name) lists, for the people who commission services: coverage, gaps, reviews due and missing information.",
                url: urls.reports, breadcrumbs: []
            ),
            generatedOn: report.today.longForm,
            serviceCount: report.serviceCount,
            heatMap: HeatMapSVG.draw(report),
            needs: AreaOfNeed.allCases.map(\.title),
            coverage: report.coverage.compactMap { cells in
                guard let stage = cells.first?.stage else { return nil }
                return .init(stage: stage.title, cells: cells.map { .init(services: $0.services, withoutPlan: $0.withoutEHCPlan, gap: $0.gap?.description) })
            },
            gaps: report.gaps.map { .init(stage: $0.stage.title, need: $0.need.title, kind: $0.gap?.description ?? "") },
            hasGaps: !report.gaps.isEmpty,
            commissioners: report.commissioners.map(row),
            totals: row(report.commissionerTotals),
            reviews: report.reviews.map { organisation in
                .init(organisation: organisation.organisation, id: "reviews-" + organisation.slug, listings: organisation.listings.map { listing in
                    .init(title: listing.title, url: serviceURLs[listing.slug] ?? urls.service(listing.slug),
                          reviewBy: listing.reviewBy.longForm, status: listing.status, isOverdue: listing.isOverdue)
                })
            },
            hasReviews: !report.reviews.isEmpty,
            reviewSummary: Self.reviewSummary(overdue: report.overdueCount, dueSoon: report.dueSoonCount),
            missing: report.missingInformation.map { entry in
                .init(title: entry.title, url: serviceURLs[entry.slug] ?? urls.service(entry.slug), organisation: entry.organisation,
                      criteria: entry.noCriteria, waitingTime: entry.noWaitingTime, location: entry.noLocation)
            },
            hasMissing: !report.missingInformation.isEmpty,
            missingCriteria: report.missingCount(\.noCriteria),
            missingWaitingTime: report.missingCount(\.noWaitingTime),
            missingLocation: report.missingCount(\.noLocation)
        )
        return render("report", view)
    }

    static func reviewSummary(overdue: Int, dueSoon: Int) -> String {
        let window = CommissioningReport.reviewWindowDays
        if overdue == 0 && dueSoon == 0 { return "No listing is overdue for review or due within \(window) days." }
        let overdueText = overdue == 1 ? "1 listing is overdue for review" : "\(overdue) listings are overdue for review"
        let dueText = dueSoon == 1 ? "1 is due within \(window) days" : "\(dueSoon) are due within \(window) days"
        return "\(overdueText) and \(dueText). Ask each organisation to check its listings."
    }
}
