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
    /// How search reads families' queries (`search:` in site.yml; built-in defaults otherwise).
    public var search: SearchSettings

    public init(
        name: String, council: String, baseURL: WebAddress, language: String, feedbackEmail: EmailAddress,
        contact: Contact?, categories: [Category], accessibility: AccessibilityStatementDetails?,
        search: SearchSettings = SearchSettings()
    ) {
        self.name = name
        self.council = council
        self.baseURL = baseURL
        self.language = language
        self.feedbackEmail = feedbackEmail
        self.contact = contact
        self.categories = categories
        self.accessibility = accessibility
        self.search = search
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

/// Search settings from `site.yml`'s optional `search:` section.
public struct SearchSettings: Sendable, Hashable, Codable {
    /// Words that families type but that say nothing about which service they want ("my", "child",
    /// "help"): a query ignores them unless they are part of a known phrase ("child in need").
    public var ignoreWords: [String]

    public init(ignoreWords: [String] = SearchSettings.defaultIgnoreWords) {
        self.ignoreWords = ignoreWords
    }

    /// Built in; `site.yml`'s `search.ignore_words` adds to them (`default_ignore_words: false`
    /// drops them). Chosen because every service could carry them: who the family is ("my son"), courtesy ("please"), the request itself ("help",
    /// "looking for"), negation that the stop words do not already drop ("doesn't"), and the words
    /// around an age ("year", "old", which the age reader takes first). Words that do name a kind
    /// of service stay searchable: "support" ("SEN support"), "need" ("child in need"), "care",
    /// "parent" and "disabled"; when they are in most documents the ranking already gives them no weight.
    public static let defaultIgnoreWords: [String] = [
        "about", "any", "boy", "boys", "cant", "child", "childs", "children", "daughter", "daughters", "didnt",
        "doesnt", "dont", "find", "get", "girl", "girls", "hasnt", "havent", "help", "helping", "how", "isnt",
        "kid", "kids", "looking", "near", "old", "please", "problem", "problems", "really", "son", "sons", "some",
        "still", "struggles", "struggling", "stuff", "thing", "things", "very", "want", "wants", "where", "wont", "year", "years", "yet",
    ]
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
