import LocalOfferSite

/// The GOV.UK pagination component: previous and next, the first and last pages, the current page
/// and its neighbours, and an ellipsis for each gap.
struct PaginationView {
    struct Item {
        let number: Int
        let url: String
        let isCurrent: Bool
        let isEllipsis: Bool
    }

    struct Link {
        let url: String
        /// "2 of 14", read after "Previous" or "Next".
        let label: String
    }

    let previous: Link?
    let next: Link?
    let items: [Item]
    let current: Int
    let count: Int

    /// Nil for a list that fits on one page.
    init?(current: Int, count: Int, url: (Int) -> String) {
        guard count > 1 else { return nil }
        self.current = current
        self.count = count
        previous = current > 1 ? Link(url: url(current - 1), label: "\(current - 1) of \(count)") : nil
        next = current < count ? Link(url: url(current + 1), label: "\(current + 1) of \(count)") : nil
        var items: [Item] = []
        var last = 0
        for number in 1...count where Self.isShown(number, current: current, count: count) {
            if number > last + 1 { items.append(Item(number: 0, url: "", isCurrent: false, isEllipsis: true)) }
            items.append(Item(number: number, url: url(number), isCurrent: number == current, isEllipsis: false))
            last = number
        }
        self.items = items
    }

    /// Up to seven pages every number shows; beyond that, the first, the last and the current page's neighbours.
    static func isShown(_ number: Int, current: Int, count: Int) -> Bool {
        count <= 7 || number == 1 || number == count || abs(number - current) <= 1
    }

    /// Whether every page is linked from every page, so no "jump to a page" index is needed.
    static func linksEveryPage(count: Int) -> Bool { count <= 7 }
}

/// On the first page of a long list: every page with the first and last service it holds, so any
/// service is two clicks from the list, however long it is (like the running heads of a directory).
struct PageRangeView {
    let number: Int
    let url: String
    let first: String
    let last: String
}
