import LocalOfferDiagnostics
import LocalOfferModel

extension PageRenderer {
    public func search() -> Result<[UInt8], Diagnostic> {
        let view = SearchPageView(
            page: layouts.layout(title: "Search services", description: "Search every service, information page and glossary entry.",
                                 url: urls.search, breadcrumbs: []),
            indexURL: urls.search, scriptURL: urls.assets + "search/search-page.js",
            ages: Array(0...25),
            needs: AreaOfNeed.allCases.map { .init(value: $0.rawValue, title: $0.title) },
            categories: items.site.categories.map { .init(value: $0.id, title: $0.title) },
            browseAges: ageLinks(), browseNeeds: needLinks(),
            browseCategories: items.site.categories.map {
                CountedLink(title: $0.title, url: urls.category($0.id), count: groups.members(.category($0.id)).count)
            }
        )
        return render("search", view)
    }
}
