import LocalOfferRendering
import LocalOfferSite
import LocalOfferText

/// The paged lists of services, 50 to a page. Each page is kept from the last build unless a service
/// on it, the list's length or its pages' first and last titles changed.
public struct ServiceListsWriter: SiteWriter {
    public enum Family: String, Sendable {
        /// `/services/` (the A to Z) and `/categories/<topic>/`.
        case alphabeticalAndTopics = "A to Z and topics"
        /// `/organisations/` and each organisation's page with its services.
        case organisations
        /// `/browse/`: by age stage, by area of need, and both.
        case browse

        func includes(_ list: ServiceList) -> Bool {
            switch (self, list) {
            case (.alphabeticalAndTopics, .all), (.alphabeticalAndTopics, .category): true
            case (.organisations, .organisation): true
            case (.browse, .age), (.browse, .need), (.browse, .ageAndNeed), (.browse, .ageAndCategory): true
            default: false
            }
        }
    }

    public let family: Family
    public var name: String { family.rawValue }
    public let inputs: WriterInputs = WriterInputs.layout.union(.bodies).union([.services, .organisations])

    public init(_ family: Family) {
        self.family = family
    }

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let base = context.fingerprintBase(for: self)
        let items = context.items
        let renderer = context.renderer
        let groups = renderer.groups
        var letterHasher = StableHasher()
        for start in groups.letterStarts {
            letterHasher.combine(start.letter)
            letterHasher.combine(start.position)
        }
        let letters = letterHasher.value

        var files: [PlannedFile] = []
        // The index pages show counts from every list: cheap, so always made and compared by bytes.
        switch family {
        case .alphabeticalAndTopics: break
        case .organisations: files.append(context.page(items.urls.organisations, fingerprint: nil) { renderer.organisationsIndex() })
        case .browse: files.append(context.page(items.urls.browse, fingerprint: nil) { renderer.browseIndex() })
        }
        for list in groups.lists(items) where family.includes(list) {
            let members = groups.members(list)
            let pageCount = ServiceList.pageCount(for: members.count)
            var listHasher = base
            listHasher.combine(String(describing: list))
            listHasher.combine(members.count)
            if case .all = list { listHasher.combine(letters) }
            if case .organisation(let slug) = list { listHasher.combine(items.organisation(slug)?.sourceHash ?? 0) }
            if case .age = list { listHasher.combine(Self.refinementCounts(list, groups: groups, items: items)) }
            if case .need = list { listHasher.combine(Self.refinementCounts(list, groups: groups, items: items)) }
            for number in 1...pageCount {
                var hasher = listHasher
                hasher.combine(number)
                for index in ServiceList.slice(members, page: number) {
                    hasher.combine(listEntry: index, in: items)
                }
                if number == 1, pageCount > 1 {
                    // The first page lists every page's first and last titles.
                    for page in 1...pageCount {
                        let slice = ServiceList.slice(members, page: page)
                        if let first = slice.first { hasher.combine(items.services[first].entry.title) }
                        if let last = slice.last { hasher.combine(items.services[last].entry.title) }
                    }
                }
                files.append(context.page(list.pageURL(number, items.urls), fingerprint: hasher.value) {
                    renderer.list(list, page: number)
                })
            }
        }
        return files
    }

    /// The counts a browse list's "narrow down" links show.
    static func refinementCounts(_ list: ServiceList, groups: ServiceGroups, items: SiteItems) -> [String] {
        switch list {
        case .age(let stage):
            return groups.byAgeAndNeed[stage, default: [:]].map { "\($0.key.rawValue)=\($0.value.count)" }.sorted()
                + groups.byAgeAndCategory[stage, default: [:]].map { "\($0.key)=\($0.value.count)" }.sorted()
        case .need(let need):
            return groups.byAgeAndNeed.map { "\($0.key.rawValue)=\($0.value[need]?.count ?? 0)" }.sorted()
        default:
            return []
        }
    }
}
