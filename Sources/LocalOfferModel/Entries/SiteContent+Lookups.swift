extension Service {
    /// Alphabetical by title, ignoring case, the slug breaking ties: the order of the A to Z, of every
    /// list of services, and of the search index's documents, so that all of them agree.
    public static func byTitle(_ left: Service, _ right: Service) -> Bool {
        titleSortKey(left) < titleSortKey(right)
    }

    /// The key `byTitle` compares: make it once per service when sorting many.
    public static func titleSortKey(_ service: Service) -> SortKey {
        SortKey(text: service.title.lowercased(), slug: service.slug)
    }
}

/// Text ignoring case, then the slug: a total order, the same on every run.
public struct SortKey: Comparable, Sendable {
    public let text: String
    public let slug: String

    public init(text: String, slug: String) {
        self.text = text
        self.slug = slug
    }

    public static func < (left: SortKey, right: SortKey) -> Bool {
        left.text == right.text ? left.slug < right.slug : left.text < right.text
    }
}

extension Service {
    /// The page warns that the information may be out of date once its review date has passed.
    public func isReviewOverdue(on today: LocalDate) -> Bool {
        reviewBy < today
    }
}

extension SiteContent {
    /// Organisation names by slug; build it once per stage, not per service.
    public func organisationNamesBySlug() -> [String: String] {
        Dictionary(organisations.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
