import LocalOfferModel

/// What the people who commission services need to see, from the same content families see:
/// coverage of age stage by area of need, services by commissioner and level, the gaps, listings due
/// for review, and listings missing information families look for. Plain values, computed in one pass
/// over the published services; `ReportText` and the report page present them.
///
/// ```swift
/// let report = CommissioningReport(site: site, services: services, organisations: organisations, today: today)
/// report.gaps.count
/// ```
public struct CommissioningReport: Sendable, Hashable {
    /// Listings due for review within this many days are listed with the overdue ones.
    public static let reviewWindowDays = ReviewSchedule.reviewWindowDays

    public let siteName: String
    public let council: String
    public let today: LocalDate
    public let serviceCount: Int
    /// Rows: age stages, youngest first; columns: the four areas of need.
    public let coverage: [[CoverageCell]]
    public let commissioners: [CommissionerRow]
    public let commissionerTotals: CommissionerRow
    public let reviews: [OrganisationReviews]
    public let missingInformation: [MissingInformation]

    public struct CoverageCell: Sendable, Hashable {
        public let stage: AgeStage
        public let need: AreaOfNeed
        /// Published services for this stage and need.
        public let services: Int
        /// Of those, the services a child without an EHC plan can use.
        public let withoutEHCPlan: Int

        public var gap: Gap? {
            if services == 0 { return .noService }
            if withoutEHCPlan == 0 { return .onlyWithEHCPlan }
            return nil
        }
    }

    public enum Gap: String, Sendable, Hashable {
        case noService = "no-service"
        case onlyWithEHCPlan = "only-with-ehc-plan"

        public var description: String {
            switch self {
            case .noService: "No service"
            case .onlyWithEHCPlan: "Only with an EHC plan"
            }
        }
    }

    /// Who pays, as commissioners group it. A service commissioned by the council and the NHS is joint.
    public enum CommissionerGroup: String, Sendable, Hashable, CaseIterable {
        case council, nhs, joint, school, other

        public var title: String {
            switch self {
            case .council: "Council"
            case .nhs: "NHS"
            case .joint: "Joint (council and NHS)"
            case .school: "Schools"
            case .other: "Other or not stated"
            }
        }

        public init(_ commissioners: [Commissioner]) {
            let set = Set(commissioners)
            if set.contains(.joint) || (set.contains(.council) && set.contains(.nhs)) { self = .joint }
            else if set.contains(.council) { self = .council }
            else if set.contains(.nhs) { self = .nhs }
            else if set.contains(.schools) { self = .school }
            else { self = .other }
        }
    }

    public struct CommissionerRow: Sendable, Hashable {
        public let group: CommissionerGroup?
        public let universal: Int
        public let targeted: Int
        public let specialist: Int
        public var total: Int { universal + targeted + specialist }

        public func count(_ level: ServiceLevel) -> Int {
            switch level {
            case .universal: universal
            case .targeted: targeted
            case .specialist: specialist
            }
        }
    }

    public struct ReviewDue: Sendable, Hashable {
        public let title: String
        public let slug: String
        public let reviewBy: LocalDate
        /// Negative: overdue by that many days; zero or more: due in that many days.
        public let daysLeft: Int
        public var isOverdue: Bool { daysLeft < 0 }

        public var status: String {
            if daysLeft < 0 { return "Overdue by \(-daysLeft) day\(daysLeft == -1 ? "" : "s")" }
            if daysLeft == 0 { return "Due today" }
            return "Due in \(daysLeft) day\(daysLeft == 1 ? "" : "s")"
        }
    }

    public struct OrganisationReviews: Sendable, Hashable {
        public let organisation: String
        public let slug: String
        public let listings: [ReviewDue]
    }

    public struct MissingInformation: Sendable, Hashable {
        public let title: String
        public let slug: String
        public let organisation: String
        public let noCriteria: Bool
        public let noWaitingTime: Bool
        public let noLocation: Bool

        public var missing: [String] {
            [noCriteria ? "criteria" : nil, noWaitingTime ? "waiting time" : nil, noLocation ? "location" : nil].compactMap { $0 }
        }
    }

    public init(site: Site, services: [Service], organisations: [Organisation], today: LocalDate) {
        siteName = site.name
        council = site.council
        self.today = today
        serviceCount = services.count
        let names = Dictionary(organisations.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })

        coverage = AgeStage.allCases.map { stage in
            let forStage = services.filter { stage.includes($0) }
            return AreaOfNeed.allCases.map { need in
                let serving = forStage.filter { $0.eligibility.needs.contains(need) }
                return CoverageCell(stage: stage, need: need, services: serving.count,
                                    withoutEHCPlan: serving.filter { $0.eligibility.ehcPlan == .notRequired }.count)
            }
        }

        var counts: [CommissionerGroup: [ServiceLevel: Int]] = [:]
        for service in services { counts[CommissionerGroup(service.commissionedBy), default: [:]][service.level, default: 0] += 1 }
        commissioners = CommissionerGroup.allCases.map { group in
            CommissionerRow(group: group, universal: counts[group]?[.universal] ?? 0, targeted: counts[group]?[.targeted] ?? 0,
                            specialist: counts[group]?[.specialist] ?? 0)
        }
        commissionerTotals = CommissionerRow(
            group: nil, universal: services.filter { $0.level == .universal }.count,
            targeted: services.filter { $0.level == .targeted }.count, specialist: services.filter { $0.level == .specialist }.count
        )

        var due: [String: [ReviewDue]] = [:]
        let todayNumber = today.dayNumber
        for service in services {
            let daysLeft = service.reviewBy.dayNumber - todayNumber
            guard daysLeft <= Self.reviewWindowDays else { continue }
            due[service.organisation, default: []].append(
                ReviewDue(title: service.title, slug: service.slug, reviewBy: service.reviewBy, daysLeft: daysLeft))
        }
        reviews = due.map { slug, listings in
            OrganisationReviews(organisation: names[slug] ?? slug, slug: slug,
                                listings: listings.sorted { $0.daysLeft == $1.daysLeft ? $0.title < $1.title : $0.daysLeft < $1.daysLeft })
        }.sorted { $0.organisation.lowercased() == $1.organisation.lowercased() ? $0.slug < $1.slug : $0.organisation.lowercased() < $1.organisation.lowercased() }

        missingInformation = services.sorted(by: Service.byTitle).compactMap { service in
            let entry = MissingInformation(
                title: service.title, slug: service.slug, organisation: names[service.organisation] ?? service.organisation,
                noCriteria: service.eligibility.criteria == nil, noWaitingTime: service.waitingTime == nil,
                noLocation: service.locations.isEmpty)
            return entry.missing.isEmpty ? nil : entry
        }
    }

    /// The cells no service covers, or only services that need an EHC plan.
    public var gaps: [CoverageCell] { coverage.flatMap { $0 }.filter { $0.gap != nil } }

    public var overdueCount: Int { reviews.flatMap(\.listings).filter(\.isOverdue).count }
    public var dueSoonCount: Int { reviews.flatMap(\.listings).filter { !$0.isOverdue }.count }

    public func missingCount(_ keyPath: KeyPath<MissingInformation, Bool>) -> Int {
        missingInformation.filter { $0[keyPath: keyPath] }.count
    }
}
