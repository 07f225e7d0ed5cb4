/// The closed vocabularies of the schema. Raw values are exactly what editors write in YAML.

/// The graduated offer: support open to everyone, support for some, and specialist support.
public enum ServiceLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case universal, targeted, specialist
}

/// The SEND Code of Practice's four broad areas of need (paragraphs 6.28–6.35).
public enum AreaOfNeed: String, Sendable, Hashable, Codable, CaseIterable {
    case communicationAndInteraction = "communication-and-interaction"
    case cognitionAndLearning = "cognition-and-learning"
    case socialEmotionalAndMentalHealth = "social-emotional-and-mental-health"
    case sensoryAndPhysical = "sensory-and-physical"

    public var title: String {
        switch self {
        case .communicationAndInteraction: "Communication and interaction"
        case .cognitionAndLearning: "Cognition and learning"
        case .socialEmotionalAndMentalHealth: "Social, emotional and mental health"
        case .sensoryAndPhysical: "Sensory and physical needs"
        }
    }

    /// The same area in the words families use.
    public var everyday: String {
        switch self {
        case .communicationAndInteraction: "Talking, understanding, or getting on with other people"
        case .cognitionAndLearning: "Learning, reading, writing or remembering"
        case .socialEmotionalAndMentalHealth: "Feelings, behaviour, anxiety or mental health"
        case .sensoryAndPhysical: "Seeing, hearing, moving or a physical health condition"
        }
    }
}

public enum EHCPlanRequirement: String, Sendable, Hashable, Codable, CaseIterable {
    case required
    case notRequired = "not-required"
}

/// Who uses the service: the child or young person, or their parents and carers (a support group,
/// a parent carer needs assessment). It decides how a page says who can ask for it.
public enum Audience: String, Sendable, Hashable, Codable, CaseIterable {
    case youngPeople = "young-people"
    case parentsAndCarers = "parents-and-carers"
}

public enum Residence: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lives in the borough or is registered with a local GP.
    case local
    case any
}

/// Who can ask for the service.
public enum ReferralRoute: String, Sendable, Hashable, Codable, CaseIterable {
    case `self` = "self"
    case parentCarer = "parent-carer"
    case gp
    case healthProfessional = "health-professional"
    case school
    case socialWorker = "social-worker"
    case localAuthority = "local-authority"

    public var title: String {
        switch self {
        case .self: "the young person themselves"
        case .parentCarer: "a parent or carer"
        case .gp: "a GP"
        case .healthProfessional: "a health professional"
        case .school: "a school, nursery or college"
        case .socialWorker: "a social worker"
        case .localAuthority: "the council"
        }
    }
}

public enum Commissioner: String, Sendable, Hashable, Codable, CaseIterable {
    case council, nhs, schools, joint

    public var title: String {
        switch self {
        case .council: "the council"
        case .nhs: "the NHS"
        case .schools: "schools"
        case .joint: "the council and the NHS together"
        }
    }

    /// Who pays, in words: `joint` already means the council and the NHS, so either of those beside
    /// it says nothing more (the validator warns about the pair).
    public static func describe(_ commissioners: [Commissioner]) -> [String] {
        let joint = commissioners.contains(.joint)
        return commissioners.filter { !(joint && ($0 == .council || $0 == .nhs)) }.map(\.title)
    }
}

public enum BillingPeriod: String, Sendable, Hashable, Codable, CaseIterable {
    case session, hour, day, week, month, year, course, visit
}

public enum AccessibilityFeature: String, Sendable, Hashable, Codable, CaseIterable {
    case stepFree = "step-free"
    case accessibleToilet = "accessible-toilet"
    case changingPlaces = "changing-places"
    case hearingLoop = "hearing-loop"
    case parking
    case quietSpace = "quiet-space"

    public var title: String {
        switch self {
        case .stepFree: "Step-free access"
        case .accessibleToilet: "Accessible toilet"
        case .changingPlaces: "Changing Places toilet"
        case .hearingLoop: "Hearing loop"
        case .parking: "Parking"
        case .quietSpace: "Quiet space"
        }
    }
}

public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var title: String {
        switch self {
        case .mon: "Monday"
        case .tue: "Tuesday"
        case .wed: "Wednesday"
        case .thu: "Thursday"
        case .fri: "Friday"
        case .sat: "Saturday"
        case .sun: "Sunday"
        }
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

public enum PublicationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active, draft
}

public enum OrganisationType: String, Sendable, Hashable, Codable, CaseIterable {
    case council, nhs, school, voluntary, `private`
}

public enum ComplianceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case fullyCompliant = "fully-compliant"
    case partiallyCompliant = "partially-compliant"
    case notCompliant = "not-compliant"
}
