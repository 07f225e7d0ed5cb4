import LocalOfferModel

/// The taxonomies the feed classifies services with: the site's topics (its categories), and the
/// closed vocabularies of the schema that Open Referral has no field for (areas of need, level,
/// EHC plan, who can refer, commissioners, conditions, organisation types).
///
/// The shared vocabularies have the same ids on every localoffer site, so an aggregator can tell
/// that two councils mean the same term; the topics are the site's own. One home for each term's
/// code, name and id: the export writes them and the import reads them back.
public struct Vocabularies: Sendable {
    public struct Taxonomy: Sendable, Hashable {
        public let key: String
        public let id: String
        public let name: String
        public let description: String
        public let terms: [Term]
    }

    public struct Term: Sendable, Hashable {
        public let id: String
        /// What the content files write: `communication-and-interaction`, `specialist`, `nhs`.
        public let code: String
        public let name: String
        public let description: String
        public let taxonomyKey: String
    }

    public let topics: Taxonomy
    public static let areasOfNeed = shared(
        "areas-of-need", name: "SEND areas of need",
        description: "The four broad areas of need in the SEND Code of Practice (paragraphs 6.28 to 6.35).",
        terms: AreaOfNeed.allCases.map { ($0.rawValue, $0.title, $0.everyday) })
    public static let serviceLevel = shared(
        "service-level", name: "Level of support",
        description: "The graduated offer: support open to everyone, support for some, and specialist support.",
        terms: [
            ("universal", "Universal", "Open to every child and young person."),
            ("targeted", "Targeted", "For children and young people with some extra needs."),
            ("specialist", "Specialist", "For children and young people with complex or severe needs."),
        ])
    public static let ehcPlan = shared(
        "ehc-plan", name: "EHC plan",
        description: "Whether a child or young person needs an education, health and care (EHC) plan to use the service.",
        terms: [
            ("required", "EHC plan needed", "Only for children and young people who have an EHC plan."),
            ("not-required", "No EHC plan needed", "Children and young people do not need an EHC plan."),
        ])
    public static let referral = shared(
        "referral-routes", name: "Who can ask for the service",
        description: "Who can refer a child or young person, or ask for the service.",
        terms: ReferralRoute.allCases.map { route in
            (route.rawValue, route.title.prefix(1).uppercased() + route.title.dropFirst(), "The service can be asked for by \(route.title).")
        })
    public static let commissioners = shared(
        "commissioners", name: "Commissioned by",
        description: "Who pays for the service.",
        terms: Commissioner.allCases.map { ($0.rawValue, $0.title.prefix(1).uppercased() + $0.title.dropFirst(), "Commissioned by \($0.title).") })
    public static let conditions = shared(
        "conditions", name: "Conditions",
        description: "Conditions that apply to using the service.",
        terms: [
            ("personal-budget", "Personal budget can be used", "Families can use a personal budget to pay for the service."),
            ("diagnosis-required", "Diagnosis needed", "A diagnosis is needed before a child or young person can be referred."),
        ])
    public static let organisationTypes = shared(
        "organisation-types", name: "Type of organisation",
        description: "What kind of organisation provides the services.",
        terms: [
            ("council", "Council", "A council service."),
            ("nhs", "NHS", "An NHS organisation."),
            ("school", "School or college", "A school, nursery or college."),
            ("voluntary", "Charity or community group", "A charity or voluntary and community organisation."),
            ("private", "Independent provider", "An independent or private provider."),
        ])

    /// The vocabularies shared by every site, in the order services list them.
    public static let shared: [Taxonomy] = [areasOfNeed, serviceLevel, ehcPlan, referral, commissioners, conditions]

    public init(site: Site, ids: StableID) {
        let id = ids.make("taxonomy/topics")
        topics = Taxonomy(
            key: "topics", id: id, name: "\(site.name) topics",
            description: "The topics services are grouped under on the \(site.name).",
            terms: site.categories.map { category in
                Term(id: ids.make("taxonomy/topics/\(category.id)"), code: category.id, name: category.title,
                     description: category.description, taxonomyKey: "topics")
            }
        )
    }

    /// Every taxonomy the feed publishes.
    public var all: [Taxonomy] { [topics] + Self.shared + [Self.organisationTypes] }

    private static func shared(_ key: String, name: String, description: String, terms: [(String, String, String)]) -> Taxonomy {
        Taxonomy(
            key: key, id: StableID.shared("taxonomy/\(key)"), name: name, description: description,
            terms: terms.map { code, termName, termDescription in
                Term(id: StableID.shared("taxonomy/\(key)/\(code)"), code: code, name: termName,
                     description: termDescription, taxonomyKey: key)
            }
        )
    }

    public func term(_ taxonomy: Taxonomy, code: String) -> Term? {
        taxonomy.terms.first { $0.code == code }
    }

    /// Every term of every taxonomy by id: how the import recognises a feed written by localoffer.
    public static let sharedTermsByID: [String: Term] = {
        var terms: [String: Term] = [:]
        for taxonomy in shared + [organisationTypes] {
            for term in taxonomy.terms { terms[term.id] = term }
        }
        return terms
    }()
}
