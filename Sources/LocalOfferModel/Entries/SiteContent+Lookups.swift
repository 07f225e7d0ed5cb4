extension Service {
    /// Alphabetical by title, ignoring case, the slug breaking ties: the order of the A to Z, of every
    /// list of services, and of the search index's documents, so that all of them agree.
    public static func byTitle(_ left: Service, _ right: Service) -> Bool {
        let (a, b) = (left.title.lowercased(), right.title.lowercased())
        return a == b ? left.slug < right.slug : a < b
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
