import LocalOfferModel
import LocalOfferText

/// The whole validated site as the writers see it: settings, vocabulary and every published entry
/// as an item, in the order lists show them, with the lookups writers need built once.
public struct SiteItems: Sendable {
    public let site: Site
    public let glossary: [GlossaryEntry]
    public let synonyms: [SynonymGroup]
    /// Published services in title order: the order of the A to Z and of every list of services.
    public internal(set) var services: [Item<Service>]
    /// Organisations in name order.
    public internal(set) var organisations: [Item<Organisation>]
    /// Information pages in the order editors gave them (`order`), then by title.
    public internal(set) var pages: [Item<InformationPage>]
    public let links: SiteLinks
    public let today: LocalDate
    /// Hashes of what many pages show at once, for writers' fingerprints.
    public internal(set) var hashes: SiteHashes

    var organisationIndex: [String: Int]
    /// Indexes into `services`, in title order.
    public internal(set) var servicesByOrganisation: [String: [Int]]
    /// Indexes into `services`, in title order.
    public internal(set) var servicesByCategory: [String: [Int]]

    public init(
        site: Site, glossary: [GlossaryEntry], synonyms: [SynonymGroup], services: [Item<Service>],
        organisations: [Item<Organisation>], pages: [Item<InformationPage>], links: SiteLinks, today: LocalDate,
        hashes: SiteHashes
    ) {
        self.site = site
        self.glossary = glossary
        self.synonyms = synonyms
        // Sort keys are made once per entry, not once per comparison. What orders and indexes the
        // entries here, `ContentValidator.revise` holds unchanged when `serve` swaps one item.
        self.services = Self.sorted(services) { Service.titleSortKey($0.entry) }
        self.organisations = Self.sorted(organisations, by: Self.nameSortKey)
        let pagesByTitle = Self.sorted(pages, by: Self.titleSortKey)
        // Editors' `order` first; stable, so equal orders stay in title order.
        self.pages = pagesByTitle.enumerated().sorted { left, right in
            let (a, b) = (left.element.entry.order ?? Int.max, right.element.entry.order ?? Int.max)
            return a == b ? left.offset < right.offset : a < b
        }.map(\.element)
        self.links = links
        self.today = today
        self.hashes = hashes
        self.organisationIndex = Self.index(self.organisations)
        var byOrganisation: [String: [Int]] = [:]
        var byCategory: [String: [Int]] = [:]
        for (index, service) in self.services.enumerated() {
            byOrganisation[service.entry.organisation, default: []].append(index)
            for category in service.entry.categories { byCategory[category, default: []].append(index) }
        }
        servicesByOrganisation = byOrganisation
        servicesByCategory = byCategory
    }

    public var urls: SiteURLs { links.urls }

    static func nameSortKey(_ organisation: Item<Organisation>) -> SortKey {
        SortKey(text: organisation.entry.name.lowercased(), slug: organisation.slug)
    }

    static func titleSortKey(_ page: Item<InformationPage>) -> SortKey {
        SortKey(text: page.entry.title.lowercased(), slug: page.slug)
    }

    /// The order of `pages`: editors' `order` first, then by title.
    static func isBefore(_ left: Item<InformationPage>, _ right: Item<InformationPage>) -> Bool {
        let (a, b) = (left.entry.order ?? Int.max, right.entry.order ?? Int.max)
        return a == b ? titleSortKey(left) < titleSortKey(right) : a < b
    }

    static func index(_ organisations: [Item<Organisation>]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, organisation) in organisations.enumerated() where index[organisation.slug] == nil {
            index[organisation.slug] = position
        }
        return index
    }

    private static func sorted<Entry>(_ items: [Item<Entry>], by key: (Item<Entry>) -> SortKey) -> [Item<Entry>] {
        let keys = items.map(key)
        return items.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }

    public func organisation(_ slug: String) -> Item<Organisation>? {
        organisationIndex[slug].map { organisations[$0] }
    }

    /// The organisation's name, or its slug should it be missing (the validator makes sure it is not).
    public func organisationName(_ slug: String) -> String {
        organisation(slug)?.entry.name ?? slug
    }

    public func page(_ slug: String) -> Item<InformationPage>? {
        pages.first { $0.slug == slug }
    }
}

/// Hashes of the site-wide inputs: a change to one of these can change many pages.
public struct SiteHashes: Sendable, Hashable {
    /// `site.yml`.
    public var site: UInt64
    /// `glossary.yml`: the jargon buster links on every page with a body, and the glossary page.
    public var glossary: UInt64
    /// `synonyms.yml`: the search index.
    public var synonyms: UInt64
    /// Every content file's address, as `addresses` hashes them.
    public var addressTable: AddressTableHash
    /// Every content file's address: which links resolve, so every rendered body.
    public var addresses: UInt64 { addressTable.value }

    public init(site: UInt64, glossary: UInt64, synonyms: UInt64, addressTable: AddressTableHash) {
        self.site = site
        self.glossary = glossary
        self.synonyms = synonyms
        self.addressTable = addressTable
    }
}

/// A hash of a table of content files' addresses that needs no order, and that one entry added or
/// removed updates without going over the others (`serve`): the sum of each pair's hash, and how
/// many pairs. Sorting 10,000 paths on every save cost more than everything else `serve` does for one entry.
public struct AddressTableHash: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var sum: UInt64 = 0

    public init(_ table: [String: String] = [:]) {
        for (path, address) in table { add(path, address) }
    }

    public mutating func add(_ path: String, _ address: String) {
        count += 1
        sum &+= Self.hash(path, address)
    }

    public mutating func remove(_ path: String, _ address: String) {
        count -= 1
        sum &-= Self.hash(path, address)
    }

    public var value: UInt64 {
        var hasher = StableHasher()
        hasher.combine(count)
        hasher.combine(sum)
        return hasher.value
    }

    private static func hash(_ path: String, _ address: String) -> UInt64 {
        var pair = StableHasher()
        pair.combine(path)
        pair.combine(address)
        return pair.value
    }
}
