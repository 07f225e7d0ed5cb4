import LocalOfferModel
import LocalOfferSite

/// A list of services that families browse: the A to Z, a topic, an organisation's services, an age
/// stage, an area of need, or an age stage narrowed by need or topic. Every list is shown 50 services
/// to a page: the first page at the list's address, the others at `page/2/`, `page/3/`...
public enum ServiceList: Sendable, Hashable {
    case all
    case category(String)
    case organisation(String)
    case age(AgeStage)
    case need(AreaOfNeed)
    case ageAndNeed(AgeStage, AreaOfNeed)
    case ageAndCategory(AgeStage, String)

    public static let pageSize = 50

    /// The address of the list's first page.
    public func url(_ urls: SiteURLs) -> String {
        switch self {
        case .all: urls.services
        case .category(let id): urls.category(id)
        case .organisation(let slug): urls.organisation(slug)
        case .age(let stage): urls.browse(age: stage)
        case .need(let need): urls.browse(need: need)
        case .ageAndNeed(let stage, let need): urls.browse(age: stage, need: need)
        case .ageAndCategory(let stage, let id): urls.browse(age: stage, category: id)
        }
    }

    public func pageURL(_ number: Int, _ urls: SiteURLs) -> String {
        urls.listPage(url(urls), number: number)
    }

    /// How many pages a list of `count` services takes: at least one, so an empty list still has a page.
    public static func pageCount(for count: Int) -> Int {
        max(1, (count + pageSize - 1) / pageSize)
    }

    /// The members shown on page `number` (1-based).
    public static func slice(_ members: [Int], page number: Int) -> ArraySlice<Int> {
        let start = min(members.count, (number - 1) * pageSize)
        return members[start..<min(members.count, start + pageSize)]
    }
}

/// Which services each list holds, worked out in one pass over the services rather than by
/// filtering every service once per list.
public struct ServiceGroups: Sendable {
    /// Indexes into `SiteItems.services`, in title order.
    public let all: [Int]
    public let byCategory: [String: [Int]]
    public let byOrganisation: [String: [Int]]
    public let byAge: [AgeStage: [Int]]
    public let byNeed: [AreaOfNeed: [Int]]
    public let byAgeAndNeed: [AgeStage: [AreaOfNeed: [Int]]]
    public let byAgeAndCategory: [AgeStage: [String: [Int]]]
    /// Each letter of the A to Z and the position in `all` of its first service.
    public let letterStarts: [LetterStart]

    public struct LetterStart: Sendable, Hashable {
        public let letter: String
        public let position: Int
    }

    /// What this reads of a service — its place in title order, title, categories, organisation,
    /// needs and ages — `ContentValidator.revise` must hold unchanged for `serve` to keep the groups
    /// after a save; a field read here that it does not check is a stale list in the preview.
    public init(_ items: SiteItems) {
        all = Array(items.services.indices)
        byCategory = items.servicesByCategory
        byOrganisation = items.servicesByOrganisation
        var byAge: [AgeStage: [Int]] = [:]
        var byNeed: [AreaOfNeed: [Int]] = [:]
        var byAgeAndNeed: [AgeStage: [AreaOfNeed: [Int]]] = [:]
        var byAgeAndCategory: [AgeStage: [String: [Int]]] = [:]
        var letterStarts: [LetterStart] = []
        for (index, item) in items.services.enumerated() {
            let service = item.entry
            let letter = PageRenderer.letter(of: service.title)
            if letterStarts.last?.letter != letter { letterStarts.append(LetterStart(letter: letter, position: index)) }
            for need in service.eligibility.needs { byNeed[need, default: []].append(index) }
            for stage in AgeStage.allCases where stage.includes(service) {
                byAge[stage, default: []].append(index)
                for need in service.eligibility.needs { byAgeAndNeed[stage, default: [:]][need, default: []].append(index) }
                for category in service.categories { byAgeAndCategory[stage, default: [:]][category, default: []].append(index) }
            }
        }
        self.byAge = byAge
        self.byNeed = byNeed
        self.byAgeAndNeed = byAgeAndNeed
        self.byAgeAndCategory = byAgeAndCategory
        self.letterStarts = letterStarts
    }

    public func members(_ list: ServiceList) -> [Int] {
        switch list {
        case .all: all
        case .category(let id): byCategory[id] ?? []
        case .organisation(let slug): byOrganisation[slug] ?? []
        case .age(let stage): byAge[stage] ?? []
        case .need(let need): byNeed[need] ?? []
        case .ageAndNeed(let stage, let need): byAgeAndNeed[stage]?[need] ?? []
        case .ageAndCategory(let stage, let id): byAgeAndCategory[stage]?[id] ?? []
        }
    }

    /// Every list the site publishes. Combinations of an age stage with a need or topic appear only
    /// where they hold services: no dead ends.
    public func lists(_ items: SiteItems) -> [ServiceList] {
        var lists: [ServiceList] = [.all]
        lists += items.site.categories.map { .category($0.id) }
        lists += items.organisations.map { .organisation($0.slug) }
        lists += AgeStage.allCases.map(ServiceList.age)
        lists += AreaOfNeed.allCases.map(ServiceList.need)
        for stage in AgeStage.allCases {
            lists += AreaOfNeed.allCases.filter { !(byAgeAndNeed[stage]?[$0] ?? []).isEmpty }.map { .ageAndNeed(stage, $0) }
            lists += items.site.categories.filter { !(byAgeAndCategory[stage]?[$0.id] ?? []).isEmpty }.map { .ageAndCategory(stage, $0.id) }
        }
        return lists
    }
}
