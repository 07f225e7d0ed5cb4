import LocalOfferModel

/// A link to a list of services, with how many it holds.
struct CountedLink {
    let title: String
    let url: String
    let count: Int
}

struct BrowseIndexView {
    let page: LayoutView
    let ages: [CountedLink]
    let needs: [CountedLink]
    let categories: [CountedLink]
}

/// A static list of services for an age stage, an area of need or both: how families without
/// JavaScript (or who prefer browsing) reach every service in three clicks.
struct BrowsePageView {
    struct RefinementGroup {
        let title: String
        let links: [CountedLink]
    }

    let page: LayoutView
    let intro: String
    let services: [ServiceListEntry]
    let count: Int
    let refinements: [RefinementGroup]
    let paging: ListPaging
}

struct SearchPageView {
    struct Option {
        let value: String
        let title: String
    }

    let page: LayoutView
    let indexURL: String
    let scriptURL: String
    let ages: [Int]
    let needs: [Option]
    let categories: [Option]
    let browseAges: [CountedLink]
    let browseNeeds: [CountedLink]
    /// Search page: topics to browse instead when search cannot run (no JavaScript).
    let browseCategories: [CountedLink]
}
