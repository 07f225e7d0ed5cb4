import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel

/// Builds each page's view and renders it. Lookups are prepared once, so each page costs
/// the same however many entries the site has.
struct PageBuilder: Sendable {
    let renderer: SiteRenderer
    let layouts: LayoutFactory
    private let serviceViews: ServiceViewFactory
    let servicesByTitle: [Service]
    let servicesByCategory: [String: [Service]]
    private let servicesByOrganisation: [String: [Service]]
    private let organisationNames: [String: String]

    init(renderer: SiteRenderer) {
        self.renderer = renderer
        let content = renderer.content
        layouts = LayoutFactory(
            site: content.site, urls: renderer.urls, canonicalBase: renderer.canonicalBase,
            hasPrivacyNotice: content.pages.contains { $0.slug == "privacy-notice" }
        )
        serviceViews = ServiceViewFactory(
            content: content, urls: renderer.urls, today: renderer.today, canonicalBase: renderer.canonicalBase
        )
        servicesByTitle = content.services.sorted(by: Service.byTitle)
        var byCategory: [String: [Service]] = [:]
        var byOrganisation: [String: [Service]] = [:]
        for service in servicesByTitle {
            for category in service.categories { byCategory[category, default: []].append(service) }
            byOrganisation[service.organisation, default: []].append(service)
        }
        servicesByCategory = byCategory
        servicesByOrganisation = byOrganisation
        organisationNames = content.organisationNamesBySlug()
    }

    var urls: SiteURLs { renderer.urls }
    var content: SiteContent { renderer.content }

    func render(_ job: SiteRenderer.Job) -> Result<RenderedPage, Diagnostic> {
        switch job {
        case .home: home()
        case .servicesIndex: servicesIndex()
        case .organisationsIndex: organisationsIndex()
        case .informationIndex: informationIndex()
        case .glossary: glossary()
        case .notFound: notFound()
        case .service(let index): service(content.services[index])
        case .organisation(let index): organisation(content.organisations[index])
        case .category(let index): category(content.site.categories[index])
        case .page(let index): informationPage(content.pages[index])
        case .search: searchPage()
        case .myList:
            renderer.renderTemplate("my-list", LayoutOnlyView(page: layouts.layout(
                title: "My list", description: "The services you have saved on this device.", url: urls.myList, breadcrumbs: []
            )), url: urls.myList)
        case .accessibilityStatement:
            if let details = content.site.accessibility { accessibilityStatement(details) } else { notFound() }
        case .browseIndex: browseIndex()
        case .browseAge(let stage): browse(age: stage)
        case .browseNeed(let need): browse(need: need)
        case .browseAgeNeed(let stage, let need): browse(age: stage, need: need)
        case .browseAgeCategory(let stage, let index): browse(age: stage, category: content.site.categories[index])
        }
    }

    func listEntry(_ service: Service) -> ServiceListEntry {
        ServiceListEntry(
            title: service.title, summary: service.summary, url: urls.service(service.slug),
            organisation: organisationNames[service.organisation] ?? service.organisation,
            ageRange: service.eligibility.age.description,
            needsEHCPlan: service.eligibility.ehcPlan == .required,
            allowsSelfReferral: service.eligibility.allowsSelfReferral,
            isFree: service.cost.isFree
        )
    }

    private func home() -> Result<RenderedPage, Diagnostic> {
        let view = HomePageView(
            page: layouts.layout(
                title: content.site.name,
                description: "Find education, health and care services for children and young people aged 0 to 25 with special educational needs and disabilities in \(content.site.council).",
                url: urls.home, breadcrumbs: []
            ),
            categories: content.site.categories.map { category in
                HomePageView.CategoryEntry(
                    title: category.title, description: category.description, url: urls.category(category.id),
                    count: servicesByCategory[category.id]?.count ?? 0
                )
            },
            keyPages: orderedPages.prefix(6).map { ServiceView.Link(title: $0.title, url: urls.page($0.slug)) },
            serviceCount: content.services.count,
            ages: ageLinks(), needs: needLinks(),
            guideAges: (0...25).map(HomePageView.GuideAge.init),
            guideNeeds: AreaOfNeed.allCases.map { .init(value: $0.rawValue, title: $0.everyday) }
        )
        return renderer.renderTemplate("home", view, url: urls.home)
    }

    private var orderedPages: [InformationPage] {
        content.pages.sorted { left, right in
            let (a, b) = (left.order ?? Int.max, right.order ?? Int.max)
            return a == b ? left.title.lowercased() < right.title.lowercased() : a < b
        }
    }

    private func service(_ service: Service) -> Result<RenderedPage, Diagnostic> {
        let url = urls.service(service.slug)
        let view = serviceViews.view(service, bodyHTML: renderer.body("services", service.slug)?.html ?? "")
        let page = layouts.layout(
            title: service.title, description: service.summary, url: url,
            breadcrumbs: [("Services A to Z", urls.services)]
        )
        let jsonLD = StructuredData.service(service, organisationName: view.organisation.title,
                                            url: page.canonicalURL, council: content.site.council)
        return renderer.renderTemplate("service", ServicePageView(page: page, service: view, jsonLD: jsonLD), url: url)
    }

    private func servicesIndex() -> Result<RenderedPage, Diagnostic> {
        var groups: [(String, [ServiceListEntry])] = []
        for service in servicesByTitle {
            let first = service.title.prefix(1).uppercased()
            let letter = first.first?.isLetter == true ? first : "0–9"
            if groups.last?.0 == letter {
                groups[groups.count - 1].1.append(listEntry(service))
            } else {
                groups.append((letter, [listEntry(service)]))
            }
        }
        let view = ServicesIndexView(
            page: layouts.layout(
                title: "Services A to Z", description: "Every service in the \(content.site.name), from A to Z.",
                url: urls.services, breadcrumbs: []
            ),
            letters: groups.map { LetterGroup(letter: $0.0, id: "letter-" + ($0.0 == "0–9" ? "other" : $0.0.lowercased()), services: $0.1) },
            count: servicesByTitle.count
        )
        return renderer.renderTemplate("services", view, url: urls.services)
    }

    private func category(_ category: LocalOfferModel.Category) -> Result<RenderedPage, Diagnostic> {
        let url = urls.category(category.id)
        let members = servicesByCategory[category.id] ?? []
        let services = members.map(listEntry)
        let view = CategoryPageView(
            page: layouts.layout(title: category.title, description: category.description, url: url, breadcrumbs: [],
                                 section: "Services by topic"),
            description: category.description, services: services, count: services.count,
            booklet: members.map { serviceViews.view($0, bodyHTML: "") }
        )
        return renderer.renderTemplate("category", view, url: url)
    }

    private func organisation(_ organisation: Organisation) -> Result<RenderedPage, Diagnostic> {
        let url = urls.organisation(organisation.slug)
        let view = OrganisationPageView(
            page: layouts.layout(
                title: organisation.name, description: "Services provided by \(organisation.name).", url: url,
                breadcrumbs: [("Organisations", urls.organisations)], section: "Organisations"
            ),
            name: organisation.name,
            typeTitle: organisation.type.map(Self.typeTitle),
            website: organisation.website.map { ContactView.Website(href: $0.value, readable: $0.readable) },
            contact: ContactView(organisation.contact),
            bodyHTML: renderer.body("organisations", organisation.slug)?.html ?? "",
            services: (servicesByOrganisation[organisation.slug] ?? []).map(listEntry)
        )
        return renderer.renderTemplate("organisation", view, url: url)
    }

    static func typeTitle(_ type: OrganisationType) -> String {
        switch type {
        case .council: "Council service"
        case .nhs: "NHS"
        case .school: "School or college"
        case .voluntary: "Charity or community group"
        case .private: "Independent provider"
        }
    }

    private func organisationsIndex() -> Result<RenderedPage, Diagnostic> {
        let entries = content.organisations
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
            .map { OrganisationsIndexView.Entry(name: $0.name, url: urls.organisation($0.slug),
                                                count: servicesByOrganisation[$0.slug]?.count ?? 0) }
        let view = OrganisationsIndexView(
            page: layouts.layout(title: "Organisations", description: "The organisations that provide services in the \(content.site.name).",
                                 url: urls.organisations, breadcrumbs: []),
            organisations: entries
        )
        return renderer.renderTemplate("organisations", view, url: urls.organisations)
    }

    private func informationIndex() -> Result<RenderedPage, Diagnostic> {
        let view = InformationIndexView(
            page: layouts.layout(title: "Information and advice", description: "Guides for families: assessments, plans, disagreements, money and more.",
                                 url: urls.information, breadcrumbs: []),
            pages: orderedPages.map { InformationIndexView.Entry(title: $0.title, summary: $0.summary, url: urls.page($0.slug)) }
        )
        return renderer.renderTemplate("information", view, url: urls.information)
    }

    private func informationPage(_ page: InformationPage) -> Result<RenderedPage, Diagnostic> {
        let url = urls.page(page.slug)
        let body = renderer.body("pages", page.slug)
        let view = InformationPageView(
            page: layouts.layout(title: page.title, description: page.summary, url: url,
                                 breadcrumbs: [("Information and advice", urls.information)]),
            summary: page.summary,
            bodyHTML: body?.html ?? "",
            contents: (body?.headings ?? []).filter { $0.level == 2 }.map { InformationPageView.Heading(text: $0.text, id: $0.id) },
            lastReviewed: page.lastReviewed.longForm
        )
        return renderer.renderTemplate("information-page", view, url: url)
    }

    private func glossary() -> Result<RenderedPage, Diagnostic> {
        let sorted = content.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }
        var letters: [GlossaryView.Letter] = []
        for entry in sorted {
            let first = entry.term.prefix(1).uppercased()
            let view = GlossaryView.Entry(
                term: entry.term, id: entry.anchor, meaning: entry.meaning,
                aliases: entry.aliases.isEmpty ? nil : entry.aliases.joined(separator: ", ")
            )
            if letters.last?.letter == first {
                let last = letters.removeLast()
                letters.append(GlossaryView.Letter(letter: first, id: last.id, entries: last.entries + [view]))
            } else {
                letters.append(GlossaryView.Letter(letter: first, id: "letter-" + first.lowercased(), entries: [view]))
            }
        }
        let view = GlossaryView(
            page: layouts.layout(title: "Jargon buster", description: "Plain-English meanings of the words and abbreviations used in special educational needs and disabilities.",
                                 url: urls.glossary, breadcrumbs: []),
            letters: letters
        )
        return renderer.renderTemplate("glossary", view, url: urls.glossary)
    }

    private func notFound() -> Result<RenderedPage, Diagnostic> {
        let url = urls.basePath + "404.html"
        let view = LayoutOnlyView(page: layouts.layout(title: "Page not found", description: "This page could not be found.",
                                                     url: url, breadcrumbs: []))
        return renderer.renderTemplate("not-found", view, url: url, path: "404.html")
    }
}
