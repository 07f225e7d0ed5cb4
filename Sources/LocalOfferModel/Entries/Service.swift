import LocalOfferText
import LocalOfferDiagnostics

/// One service in the Local Offer: who it is for, how to get it, what it costs and whom to contact.
/// Built only by the validator, so every value in it has been checked.
public struct Service: Sendable, Hashable, Codable, Identifiable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var summary: String
    public var organisation: String
    public var categories: [String]
    public var level: ServiceLevel
    public var eligibility: Eligibility
    public var contact: Contact
    public var cost: Cost
    public var personalBudget: Bool
    public var commissionedBy: [Commissioner]
    public var locations: [Location]
    public var schedule: [OpeningHours]
    public var languages: [LanguageTag]
    public var waitingTime: WaitingTime?
    public var lastReviewed: LocalDate
    public var reviewBy: LocalDate
    public var status: PublicationStatus
    public var tags: [String]
    public var body: MarkdownSource
    /// Where each field was written (`"organisation"`, `"categories[2]"`), for diagnostics of later stages.
    public var fieldLocations: FieldLocations = FieldLocations()

    public var id: String { slug }

    public init(
        slug: String, sourcePath: String, title: String, summary: String, organisation: String,
        categories: [String], level: ServiceLevel, eligibility: Eligibility, contact: Contact,
        cost: Cost, personalBudget: Bool, commissionedBy: [Commissioner], locations: [Location],
        schedule: [OpeningHours], languages: [LanguageTag], waitingTime: WaitingTime?,
        lastReviewed: LocalDate, reviewBy: LocalDate, status: PublicationStatus, tags: [String],
        body: MarkdownSource
    ) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.title = title
        self.summary = summary
        self.organisation = organisation
        self.categories = categories
        self.level = level
        self.eligibility = eligibility
        self.contact = contact
        self.cost = cost
        self.personalBudget = personalBudget
        self.commissionedBy = commissionedBy
        self.locations = locations
        self.schedule = schedule
        self.languages = languages
        self.waitingTime = waitingTime
        self.lastReviewed = lastReviewed
        self.reviewBy = reviewBy
        self.status = status
        self.tags = tags
        self.body = body
    }
}

/// Markdown text and the file line it starts on, for diagnostics from the Markdown stage.
public struct MarkdownSource: Sendable, Hashable, Codable {
    public var text: String
    public var firstLine: Int

    public init(text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }
}

public struct AgeRange: Sendable, Hashable, Codable {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    public func contains(_ age: Int) -> Bool { (min...max).contains(age) }
    public func overlaps(_ other: ClosedRange<Int>) -> Bool { (min...max).overlaps(other) }

    /// "0 to 5 years", "Up to 25 years", "16 to 25 years".
    public var description: String {
        min == max ? "\(min) years" : "\(min) to \(max) years"
    }
}

public struct Eligibility: Sendable, Hashable, Codable {
    public var age: AgeRange
    /// `required` or `not-required` at every age. A requirement that starts at an age is
    /// `notRequired` here with `ehcPlanFromAge` set: ask `needsEHCPlan(at:)`.
    public var ehcPlan: EHCPlanRequirement
    /// An EHC plan is needed from this age on (`ehc_plan: {from_age: 19}`), not before.
    public var ehcPlanFromAge: Int?
    public var needs: [AreaOfNeed]
    public var diagnosisRequired: Bool
    public var residence: Residence
    public var referral: [ReferralRoute]
    public var criteria: String?
    /// Who uses the service; young people unless it is for parents and carers.
    public var audience: [Audience]

    public init(
        age: AgeRange, ehcPlan: EHCPlanRequirement, needs: [AreaOfNeed], diagnosisRequired: Bool,
        residence: Residence, referral: [ReferralRoute], criteria: String?,
        ehcPlanFromAge: Int? = nil, audience: [Audience] = [.youngPeople]
    ) {
        self.age = age
        self.ehcPlan = ehcPlan
        self.ehcPlanFromAge = ehcPlanFromAge
        self.needs = needs
        self.diagnosisRequired = diagnosisRequired
        self.residence = residence
        self.referral = referral
        self.criteria = criteria
        self.audience = audience
    }

    public var allowsSelfReferral: Bool { referral.contains(.self) || referral.contains(.parentCarer) }

    /// Whether a child or young person of this age needs an EHC plan to use the service.
    public func needsEHCPlan(at age: Int) -> Bool {
        if ehcPlan == .required { return true }
        if let from = ehcPlanFromAge { return age >= from }
        return false
    }

    /// Whether some of the ages the service is for can use it without an EHC plan.
    public var isOpenWithoutEHCPlan: Bool { !needsEHCPlan(at: age.min) }

    /// Whether the service is used by parents and carers rather than by the young person.
    public var isForParentsAndCarers: Bool { audience == [.parentsAndCarers] }
}

public enum Cost: Sendable, Hashable, Codable {
    case free
    case charged([CostOption])

    public var isFree: Bool {
        if case .free = self { return true }
        return false
    }
}

public struct CostOption: Sendable, Hashable, Codable {
    /// In pence, so amounts are exact.
    public var amountInPence: Int
    public var per: BillingPeriod
    public var description: String

    public init(amountInPence: Int, per: BillingPeriod, description: String) {
        self.amountInPence = amountInPence
        self.per = per
        self.description = description
    }

    /// "£12.50 per session", "£3 per visit", "Free".
    public var formattedAmount: String {
        if amountInPence == 0 { return "Free" }
        let pounds = amountInPence / 100
        let pence = amountInPence % 100
        return pence == 0 ? "£\(pounds)" : "£\(pounds).\(String(pence).leftPadded(to: 2))"
    }
}

public struct Location: Sendable, Hashable, Codable {
    public var name: String
    public var address: PostalAddress
    public var accessibility: [AccessibilityFeature]

    public init(name: String, address: PostalAddress, accessibility: [AccessibilityFeature]) {
        self.name = name
        self.address = address
        self.accessibility = accessibility
    }
}

public struct OpeningHours: Sendable, Hashable, Codable {
    public var days: [Weekday]
    public var opens: TimeOfDay
    public var closes: TimeOfDay

    public init(days: [Weekday], opens: TimeOfDay, closes: TimeOfDay) {
        self.days = days
        self.opens = opens
        self.closes = closes
    }

    /// "Monday to Friday", "Tuesday and Thursday", "Saturday".
    public var daysDescription: String {
        let sorted = days.sorted()
        let all = Weekday.allCases
        if sorted.count >= 3, let first = sorted.first, let last = sorted.last,
           let start = all.firstIndex(of: first), let end = all.firstIndex(of: last),
           end - start + 1 == sorted.count {
            return "\(first.title) to \(last.title)"
        }
        let titles = sorted.map(\.title)
        guard titles.count > 1, let last = titles.last else { return titles.first ?? "" }
        return titles.dropLast().joined(separator: ", ") + " and " + last
    }
}

public struct WaitingTime: Sendable, Hashable, Codable {
    public var weeks: Int
    public var asOf: LocalDate

    public init(weeks: Int, asOf: LocalDate) {
        self.weeks = weeks
        self.asOf = asOf
    }
}

/// The positions of an entry's fields in its file, keyed by dotted field name.
public struct FieldLocations: Sendable, Hashable, Codable {
    public var byField: [String: SourceLocation]

    public init(_ byField: [String: SourceLocation] = [:]) {
        self.byField = byField
    }

    public subscript(field: String) -> SourceLocation? { byField[field] }
}
