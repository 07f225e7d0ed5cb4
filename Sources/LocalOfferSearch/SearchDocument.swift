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

        /// Title matters most, then the words editors chose as tags, then the summary.
        public var weight: Double {
            switch self {
            case .title: 10
            case .tags: 6
            case .summary: 4
            case .organisation: 2
            case .body: 1
            }
        }
    }

    public var kind: Kind
    public var url: String
    public var title: String
    public var summary: String
    public var fields: [Field: String]
    /// Services only.
    public var service: Service?
    public var organisationName: String?

    public init(kind: Kind, url: String, title: String, summary: String, fields: [Field: String],
                service: Service? = nil, organisationName: String? = nil) {
        self.kind = kind
        self.url = url
        self.title = title
        self.summary = summary
        self.fields = fields
        self.service = service
        self.organisationName = organisationName
    }
}
