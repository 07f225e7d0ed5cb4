import LocalOfferText
/// A provider: an NHS trust, a council team, a charity, a school.
public struct Organisation: Sendable, Hashable, Codable, Identifiable {
    public var slug: String
    public var sourcePath: String
    public var name: String
    public var type: OrganisationType?
    public var website: WebAddress?
    public var contact: Contact
    public var body: MarkdownSource
    public var fieldLocations: FieldLocations = FieldLocations()

    public var id: String { slug }

    public init(
        slug: String, sourcePath: String, name: String, type: OrganisationType?, website: WebAddress?,
        contact: Contact, body: MarkdownSource
    ) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.name = name
        self.type = type
        self.website = website
        self.contact = contact
        self.body = body
    }
}

/// An information page: how to ask for an EHC needs assessment, mediation, personal budgets...
public struct InformationPage: Sendable, Hashable, Codable, Identifiable {
    public var slug: String
    public var sourcePath: String
    public var title: String
    public var summary: String
    public var order: Int?
    public var lastReviewed: LocalDate
    public var body: MarkdownSource
    public var fieldLocations: FieldLocations = FieldLocations()

    public var id: String { slug }

    public init(
        slug: String, sourcePath: String, title: String, summary: String, order: Int?,
        lastReviewed: LocalDate, body: MarkdownSource
    ) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.title = title
        self.summary = summary
        self.order = order
        self.lastReviewed = lastReviewed
        self.body = body
    }
}

/// A SEND term and its plain-English meaning, for the jargon buster and for search.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    public var term: String
    public var meaning: String
    public var aliases: [String]

    public init(term: String, meaning: String, aliases: [String]) {
        self.term = term
        self.meaning = meaning
        self.aliases = aliases
    }

    /// The anchor of the entry on the glossary page.
    public var anchor: String { Slug.make(from: term) }
}

/// Words and phrases that mean the same to a family searching ("respite", "short breaks").
public struct SynonymGroup: Sendable, Hashable, Codable {
    public var phrases: [String]

    public init(phrases: [String]) {
        self.phrases = phrases
    }
}
