import LocalOfferModel

/// The columns of a services spreadsheet: one home for their names, the other names people give them,
/// and the content field each fills. `docs/import.md` documents the same table (a test keeps the
/// two in step, and holds its allowed words and bounds to the field catalogue's).
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

    /// The field of the entry the column fills, in the field catalogue (nil for the description, which
    /// becomes the Markdown body). Organisation columns fill the provider's organisation entry.
    public var field: CatalogueField? {
        let service = FieldCatalogue.serviceFields, organisation = FieldCatalogue.organisationFields
        switch self {
        case .name: return service.field(at: "title")
        case .summary: return service.field(at: "summary")
        case .description: return nil
        case .organisation: return organisation.field(at: "name")
        case .organisationType: return organisation.field(at: "type")
        case .organisationWebsite: return organisation.field(at: "website")
        case .organisationEmail: return organisation.field(at: "contact.email")
        case .organisationPhone: return organisation.field(at: "contact.phone")
        case .categories: return service.field(at: "categories")
        case .level: return service.field(at: "level")
        case .ageMin: return service.field(at: "eligibility.age.min")
        case .ageMax: return service.field(at: "eligibility.age.max")
        case .ehcPlan: return service.field(at: "eligibility.ehc_plan")
        case .needs: return service.field(at: "eligibility.needs")
        case .diagnosisRequired: return service.field(at: "eligibility.diagnosis_required")
        case .residence: return service.field(at: "eligibility.residence")
        case .referral: return service.field(at: "eligibility.referral")
        case .criteria: return service.field(at: "eligibility.criteria")
        case .contactName: return service.field(at: "contact.name")
        case .phone: return service.field(at: "contact.phone")
        case .textphone: return service.field(at: "contact.textphone")
        case .email: return service.field(at: "contact.email")
        case .website: return service.field(at: "contact.website")
        case .addressLine1: return service.field(at: "contact.address.line1")
        case .addressLine2: return service.field(at: "contact.address.line2")
        case .addressTown: return service.field(at: "contact.address.town")
        case .addressPostcode: return service.field(at: "contact.address.postcode")
        case .cost: return service.field(at: "cost")
        case .personalBudget: return service.field(at: "personal_budget")
        case .commissionedBy: return service.field(at: "commissioned_by")
        case .locationName: return service.field(at: "locations.name")
        case .locationLine1: return service.field(at: "locations.address.line1")
        case .locationLine2: return service.field(at: "locations.address.line2")
        case .locationTown: return service.field(at: "locations.address.town")
        case .locationPostcode: return service.field(at: "locations.address.postcode")
        case .locationAccessibility: return service.field(at: "locations.accessibility")
        case .openingHours: return service.field(at: "schedule")
        case .languages: return service.field(at: "languages")
        case .waitingWeeks: return service.field(at: "waiting_time.weeks")
        case .waitingAsOf: return service.field(at: "waiting_time.as_of")
        case .lastReviewed: return service.field(at: "last_reviewed")
        case .reviewBy: return service.field(at: "review_by")
        case .status: return service.field(at: "status")
        case .tags: return service.field(at: "tags")
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
