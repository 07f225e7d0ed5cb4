/// The site as a whole, from `site.yml`.
public struct Site: Sendable, Hashable, Codable {
    public var name: String
    public var council: String
    public var baseURL: WebAddress
    public var language: String
    public var feedbackEmail: EmailAddress
    public var contact: Contact?
    public var categories: [Category]
    public var accessibility: AccessibilityStatementDetails?
    /// `report_in_navigation`: link the commissioners' report from every page's footer. Off by default:
    /// the report is for commissioners and partners, not in the families' navigation.
    public var reportInNavigation = false

    public init(
        name: String, council: String, baseURL: WebAddress, language: String, feedbackEmail: EmailAddress,
        contact: Contact?, categories: [Category], accessibility: AccessibilityStatementDetails?
    ) {
        self.name = name
        self.council = council
        self.baseURL = baseURL
        self.language = language
        self.feedbackEmail = feedbackEmail
        self.contact = contact
        self.categories = categories
        self.accessibility = accessibility
    }

    public func category(id: String) -> Category? { categories.first { $0.id == id } }
}

public struct Category: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var description: String

    public init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}

/// What the Public Sector Bodies Accessibility Regulations 2018 ask an accessibility statement to say.
public struct AccessibilityStatementDetails: Sendable, Hashable, Codable {
    public var standard: String
    public var status: ComplianceStatus
    public var knownIssues: [String]
    public var testedOn: LocalDate
    public var testedBy: String?
    public var preparedOn: LocalDate
    public var lastReviewed: LocalDate
    public var responseDays: Int

    public init(
        standard: String, status: ComplianceStatus, knownIssues: [String], testedOn: LocalDate,
        testedBy: String?, preparedOn: LocalDate, lastReviewed: LocalDate, responseDays: Int
    ) {
        self.standard = standard
        self.status = status
        self.knownIssues = knownIssues
        self.testedOn = testedOn
        self.testedBy = testedBy
        self.preparedOn = preparedOn
        self.lastReviewed = lastReviewed
        self.responseDays = responseDays
    }
}

/// Everything in `content/`, validated: what the rendering stages consume.
public struct SiteContent: Sendable, Hashable {
    public var site: Site
    /// Published (active) services, sorted by slug.
    public var services: [Service]
    /// Services with `status: draft`: validated, never published.
    public var draftServices: [Service]
    public var organisations: [Organisation]
    public var pages: [InformationPage]
    public var glossary: [GlossaryEntry]
    public var synonyms: [SynonymGroup]

    public init(
        site: Site, services: [Service], draftServices: [Service], organisations: [Organisation],
        pages: [InformationPage], glossary: [GlossaryEntry], synonyms: [SynonymGroup]
    ) {
        self.site = site
        self.services = services
        self.draftServices = draftServices
        self.organisations = organisations
        self.pages = pages
        self.glossary = glossary
        self.synonyms = synonyms
    }
}
