/// The columns of a services spreadsheet: one home for their names, the other names people give them,
/// and what they hold. `docs/import.md` documents the same table (a test keeps the two in step).
public enum CSVColumn: String, CaseIterable, Sendable {
    case name, summary, description
    case organisation, organisationType = "organisation_type", organisationWebsite = "organisation_website"
    case organisationEmail = "organisation_email", organisationPhone = "organisation_phone"
    case categories, level
    case ageMin = "age_min", ageMax = "age_max", ehcPlan = "ehc_plan", needs
    case diagnosisRequired = "diagnosis_required", residence, referral, criteria
    case contactName = "contact_name", phone, textphone, email, website
    case addressLine1 = "address_line1", addressLine2 = "address_line2", addressTown = "address_town", addressPostcode = "address_postcode"
    case cost, personalBudget = "personal_budget", commissionedBy = "commissioned_by"
    case locationName = "location_name", locationLine1 = "location_line1", locationLine2 = "location_line2"
    case locationTown = "location_town", locationPostcode = "location_postcode", locationAccessibility = "location_accessibility"
    case openingHours = "opening_hours", languages
    case waitingWeeks = "waiting_weeks", waitingAsOf = "waiting_as_of"
    case lastReviewed = "last_reviewed", reviewBy = "review_by", status, tags

    /// Other headers accepted for the column (compared ignoring case, spaces, hyphens and underscores).
    public var aliases: [String] {
        switch self {
        case .name: ["title", "service", "service name"]
        case .organisation: ["organization", "provider", "organisation name", "provider name"]
        case .organisationWebsite: ["organization website", "provider website"]
        case .organisationEmail: ["organization email", "provider email"]
        case .organisationPhone: ["organization phone", "provider phone"]
        case .organisationType: ["organization type", "provider type"]
        case .categories: ["category", "topics", "topic"]
        case .ageMin: ["minimum age", "min age", "age from"]
        case .ageMax: ["maximum age", "max age", "age to"]
        case .ehcPlan: ["ehcp", "ehc plan needed", "ehcp required"]
        case .needs: ["areas of need", "area of need"]
        case .referral: ["referral routes", "who can refer", "referrals"]
        case .criteria: ["eligibility", "eligibility criteria"]
        case .contactName: ["contact"]
        case .phone: ["telephone", "contact phone", "phone number"]
        case .email: ["contact email", "email address"]
        case .website: ["url", "web address", "contact website"]
        case .commissionedBy: ["commissioner", "commissioners", "funded by"]
        case .openingHours: ["opening times", "hours", "schedule"]
        case .languages: ["language"]
        case .waitingWeeks: ["waiting time", "waiting time weeks", "wait weeks"]
        case .waitingAsOf: ["waiting time as of"]
        case .lastReviewed: ["last checked", "reviewed", "assured date"]
        case .reviewBy: ["next review", "review date"]
        case .tags: ["keywords"]
        default: []
        }
    }

    static func normalised(_ header: String) -> String {
        header.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// The column a header names, if any.
    public static func matching(_ header: String) -> CSVColumn? {
        let key = normalised(header)
        return allCases.first { column in
            normalised(column.rawValue) == key || column.aliases.contains { normalised($0) == key }
        }
    }
}
