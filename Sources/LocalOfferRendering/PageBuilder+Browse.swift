import LocalOfferDiagnostics
import LocalOfferModel

extension PageBuilder {
    func services(for stage: AgeStage?, need: AreaOfNeed? = nil, category: String? = nil) -> [Service] {
        servicesByTitle.filter { service in
            (stage.map { $0.includes(service) } ?? true)
                && (need.map { service.eligibility.needs.contains($0) } ?? true)
                && (category.map { service.categories.contains($0) } ?? true)
        }
    }

    func ageLinks() -> [CountedLink] {
        AgeStage.allCases.map { CountedLink(title: $0.title, url: urls.browse(age: $0), count: services(for: $0).count) }
    }

    func needLinks() -> [CountedLink] {
        AreaOfNeed.allCases.map { CountedLink(title: $0.title, url: urls.browse(need: $0), count: services(for: nil, need: $0).count) }
    }

    func browseIndex() -> Result<RenderedPage, Diagnostic> {
        let view = BrowseIndexView(
            page: layouts.layout(title: "Browse services", description: "Find services by age, by area of need or by topic.",
                                 url: urls.browse, breadcrumbs: []),
            ages: ageLinks(), needs: needLinks(),
            categories: content.site.categories.map {
                CountedLink(title: $0.title, url: urls.category($0.id), count: servicesByCategory[$0.id]?.count ?? 0)
            }
        )
        return renderer.renderTemplate("browse", view, url: urls.browse)
    }

    func browse(age stage: AgeStage) -> Result<RenderedPage, Diagnostic> {
        let url = urls.browse(age: stage)
        let list = services(for: stage)
        let byNeed = AreaOfNeed.allCases.compactMap { need -> CountedLink? in
            let count = services(for: stage, need: need).count
            return count == 0 ? nil : CountedLink(title: need.title, url: urls.browse(age: stage, need: need), count: count)
        }
        let byCategory = content.site.categories.compactMap { category -> CountedLink? in
            let count = services(for: stage, category: category.id).count
            return count == 0 ? nil : CountedLink(title: category.title, url: urls.browse(age: stage, category: category.id), count: count)
        }
        return browsePage(
            title: "Services for \(stage.title.prefix(1).lowercased() + stage.title.dropFirst())", url: url,
            intro: "Services open to children and young people aged \(stage.range.lowerBound) to \(stage.range.upperBound).",
            services: list,
            refinements: [
                .init(title: "Narrow down by area of need", links: byNeed),
                .init(title: "Narrow down by topic", links: byCategory),
            ]
        )
    }

    func browse(need: AreaOfNeed) -> Result<RenderedPage, Diagnostic> {
        let byAge = AgeStage.allCases.compactMap { stage -> CountedLink? in
            let count = services(for: stage, need: need).count
            return count == 0 ? nil : CountedLink(title: stage.title, url: urls.browse(age: stage, need: need), count: count)
        }
        return browsePage(
            title: need.title, url: urls.browse(need: need),
            intro: "Services for children and young people with \(need.title.lowercased()) needs, one of the four broad areas of need in the SEND Code of Practice.",
            services: services(for: nil, need: need),
            refinements: [.init(title: "Narrow down by age", links: byAge)]
        )
    }

    func browse(age stage: AgeStage, need: AreaOfNeed) -> Result<RenderedPage, Diagnostic> {
        browsePage(
            title: "\(need.title): \(stage.title.prefix(1).lowercased() + stage.title.dropFirst())",
            url: urls.browse(age: stage, need: need),
            intro: "Services for \(need.title.lowercased()) needs, open to ages \(stage.range.lowerBound) to \(stage.range.upperBound).",
            services: services(for: stage, need: need), refinements: [],
            parent: ("Services for \(stage.title.prefix(1).lowercased() + stage.title.dropFirst())", urls.browse(age: stage))
        )
    }

    func browse(age stage: AgeStage, category: LocalOfferModel.Category) -> Result<RenderedPage, Diagnostic> {
        browsePage(
            title: "\(category.title): \(stage.title.prefix(1).lowercased() + stage.title.dropFirst())",
            url: urls.browse(age: stage, category: category.id),
            intro: "\(category.description) Open to ages \(stage.range.lowerBound) to \(stage.range.upperBound).",
            services: services(for: stage, category: category.id), refinements: [],
            parent: ("Services for \(stage.title.prefix(1).lowercased() + stage.title.dropFirst())", urls.browse(age: stage))
        )
    }

    private func browsePage(
        title: String, url: String, intro: String, services: [Service], refinements: [BrowsePageView.RefinementGroup],
        parent: (String, String)? = nil
    ) -> Result<RenderedPage, Diagnostic> {
        let view = BrowsePageView(
            page: layouts.layout(title: title, description: intro, url: url,
                                 breadcrumbs: [("Browse services", urls.browse)] + (parent.map { [$0] } ?? [])),
            intro: intro, services: services.map(listEntry), count: services.count,
            refinements: refinements.filter { !$0.links.isEmpty }
        )
        return renderer.renderTemplate("browse-list", view, url: url)
    }

    func searchPage() -> Result<RenderedPage, Diagnostic> {
        let view = SearchPageView(
            page: layouts.layout(title: "Search services", description: "Search every service, information page and glossary entry.",
                                 url: urls.search, breadcrumbs: []),
            indexURL: urls.search, scriptURL: urls.assets + "search/search-page.js",
            ages: Array(0...25),
            needs: AreaOfNeed.allCases.map { .init(value: $0.rawValue, title: $0.title) },
            categories: content.site.categories.map { .init(value: $0.id, title: $0.title) },
            browseAges: ageLinks(), browseNeeds: needLinks(),
            browseCategories: content.site.categories.map {
                CountedLink(title: $0.title, url: urls.category($0.id), count: servicesByCategory[$0.id]?.count ?? 0)
            }
        )
        return renderer.renderTemplate("search", view, url: urls.search)
    }
}
