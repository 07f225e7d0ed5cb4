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
    public private(set) var all: [Int]
    public private(set) var byCategory: [String: [Int]]
    public private(set) var byOrganisation: [String: [Int]]
    public private(set) var byAge: [AgeStage: [Int]] = [:]
    public private(set) var byNeed: [AreaOfNeed: [Int]] = [:]
    public private(set) var byAgeAndNeed: [AgeStage: [AreaOfNeed: [Int]]] = [:]
    public private(set) var byAgeAndCategory: [AgeStage: [String: [Int]]] = [:]
    /// Each letter of the A to Z and the position in `all` of its first service.
    public private(set) var letterStarts: [LetterStart] = []
    /// Each service's letter of the A to Z, by index: kept by `changing` as the services are, so
    /// that a save need not look at 10,000 titles again.
    private var letters: [String] = []

    public struct LetterStart: Sendable, Hashable {
        public let letter: String
        public let position: Int
    }

    /// What this reads of a service — its place in title order, title, categories, organisation,
    /// needs and ages — `ContentValidator.revise` must hold unchanged, or `changing` follow, for
    /// `serve` to keep the groups after a save; a field read here that neither knows of is a stale
    /// list in the preview.
    public init(_ items: SiteItems) {
        all = Array(items.services.indices)
        byCategory = items.servicesByCategory
        byOrganisation = items.servicesByOrganisation
        for (index, item) in items.services.enumerated() { join(item.entry, at: index) }
        letters = items.services.map { PageRenderer.letter(of: $0.entry.title) }
        letterStarts = Self.letterStarts(letters)
    }

    /// Puts the service at `index` into the lists it belongs to besides the A to Z, its topics' and
    /// its organisation's (which `SiteItems` keeps); each list stays in title order.
    private mutating func join(_ service: Service, at index: Int) {
        func add(_ list: inout [Int]) {
            if let last = list.last, last > index { list.insertInOrder(index) } else { list.append(index) }
        }
        for need in service.eligibility.needs { add(&byNeed[need, default: []]) }
        for stage in AgeStage.allCases where stage.includes(service) {
            add(&byAge[stage, default: []])
            for need in service.eligibility.needs { add(&byAgeAndNeed[stage, default: [:]][need, default: []]) }
            for category in service.categories { add(&byAgeAndCategory[stage, default: [:]][category, default: []]) }
        }
    }

    /// These groups, for `items` after one save moved, added or removed services
    /// (`SiteItems.revising`, `adding`, `removing`), the changes in the order made: every list's
    /// indexes changed alike, in time linear in the lists' length, where grouping the services again
    /// sorts them. An inserted service is read from `items`, so an insertion must be the last change
    /// of its save (`SiteBuilder` takes one service out and in, or adds one, only in a save alone).
    public func changing(_ changes: [IndexChange], items: SiteItems) -> ServiceGroups {
        guard !changes.isEmpty else { return self }
        var groups = self
        // Each service's letter follows the change that moved it in, read from the items as they
        // end: right for the last change, and for any removal; otherwise every letter is read again.
        var lettersFollow = true
        for (number, change) in changes.enumerated() {
            func remap(_ list: [Int]) -> [Int] { change.remap(list) }
            groups.byAge = groups.byAge.mapValues(remap)
            groups.byNeed = groups.byNeed.mapValues(remap)
            groups.byAgeAndNeed = groups.byAgeAndNeed.mapValues { $0.mapValues(remap) }
            groups.byAgeAndCategory = groups.byAgeAndCategory.mapValues { $0.mapValues(remap) }
            let last = number == changes.count - 1
            switch change {
            case .inserted(let index):
                groups.join(items.services[index].entry, at: index)
                if last, lettersFollow {
                    groups.letters.insert(PageRenderer.letter(of: items.services[index].entry.title), at: index)
                } else {
                    lettersFollow = false
                }
            case .removed(let index):
                if lettersFollow { groups.letters.remove(at: index) }
            case .moved(let move):
                if last, lettersFollow {
                    groups.letters.remove(at: move.from)
                    groups.letters.insert(PageRenderer.letter(of: items.services[move.to].entry.title), at: move.to)
                } else {
                    lettersFollow = false
                }
            }
        }
        if !lettersFollow { groups.letters = items.services.map { PageRenderer.letter(of: $0.entry.title) } }
        // A list a removed service alone was in is gone, as grouping again would not make it.
        if changes.contains(where: { if case .removed = $0 { true } else { false } }) {
            groups.byAge = groups.byAge.filter { !$0.value.isEmpty }
            groups.byNeed = groups.byNeed.filter { !$0.value.isEmpty }
            groups.byAgeAndNeed = groups.byAgeAndNeed.mapValues { $0.filter { !$0.value.isEmpty } }.filter { !$0.value.isEmpty }
            groups.byAgeAndCategory = groups.byAgeAndCategory.mapValues { $0.filter { !$0.value.isEmpty } }.filter { !$0.value.isEmpty }
        }
        groups.all = Array(items.services.indices)
        groups.byCategory = items.servicesByCategory
        groups.byOrganisation = items.servicesByOrganisation
        groups.letterStarts = Self.letterStarts(groups.letters)
        return groups
    }

    /// Each letter of the A to Z and the position of its first service.
    private static func letterStarts(_ letters: [String]) -> [LetterStart] {
        var starts: [LetterStart] = []
        for (index, letter) in letters.enumerated() where starts.last?.letter != letter {
            starts.append(LetterStart(letter: letter, position: index))
        }
        return starts
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
