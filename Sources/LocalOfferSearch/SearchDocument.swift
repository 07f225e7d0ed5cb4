import LocalOfferModel

/// One thing a family can find: a service, an information page or a glossary entry, with the
/// text of each field and the facts shown in a result.
public struct SearchDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case service = "s"
        case page = "p"
        case glossary = "g"
    }

    public enum Field: Int, Sendable, Hashable, CaseIterable {
        case title, tags, summary, organisation, body

        /// BM25F field weight: title matters most, then the words editors chose as tags, then the summary.
        public var weight: Double {
            switch self {
            case .title: 8
            case .tags: 5
            case .summary: 3
            case .organisation: 1.5
            case .body: 1
            }
        }

        /// BM25F length normalisation: how much a long field dilutes a word in it (0 none, 1 fully).
        /// Titles and tags are short and even; a long description mentions many things in passing.
        public var lengthNormalisation: Double {
            switch self {
            case .title, .tags: 0.3
            case .summary, .organisation: 0.5
            case .body: 0.75
            }
        }
    }

    public var kind: Kind
    public var url: String
    public var title: String
    public var summary: String
    public var fields: [Field: String]
    /// Other names of a glossary term ("EHCP" for "EHC plan"): a query that names one is answered by it.
    public var alsoKnownAs: [String]
    /// Services only.
    public var service: Service?
    public var organisationName: String?

    public init(kind: Kind, url: String, title: String, summary: String, fields: [Field: String],
                alsoKnownAs: [String] = [], service: Service? = nil, organisationName: String? = nil) {
        self.alsoKnownAs = alsoKnownAs
        self.kind = kind
        self.url = url
        self.title = title
        self.summary = summary
        self.fields = fields
        self.service = service
        self.organisationName = organisationName
    }
}
