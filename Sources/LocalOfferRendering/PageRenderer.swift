import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel
import LocalOfferSite
import LocalOfferTemplates

/// Renders any one page of the site through the theme's templates. Everything shared between pages
/// (lookups, list memberships, the layout's values) is prepared once, so each page costs the same
/// however many entries the site has, and pages can be rendered in any order, on any thread.
///
/// ```swift
/// let renderer = PageRenderer(items: items, templates: library)
/// let html = try renderer.service(at: 0).get()
/// ```
public struct PageRenderer: Sendable {
    public let items: SiteItems
    public let groups: ServiceGroups
    let templates: TemplateLibrary
    let layouts: LayoutFactory
    let serviceViews: ServiceViewFactory

    public init(items: SiteItems, templates: TemplateLibrary) {
        self.init(items: items, templates: templates, groups: ServiceGroups(items))
    }

    /// With `groups` made from items that order and group the services as these do (`serve`, after
    /// an edit that changed no title, topic, organisation or eligibility: `SiteItems.revising`).
    public init(items: SiteItems, templates: TemplateLibrary, groups: ServiceGroups) {
        self.items = items
        self.templates = templates
        self.groups = groups
        layouts = LayoutFactory(
            site: items.site, urls: items.urls, canonicalBase: items.links.canonicalBase,
            hasPrivacyNotice: items.pages.contains { $0.slug == "privacy-notice" }
        )
        serviceViews = ServiceViewFactory(items: items)
    }

    var urls: SiteURLs { items.urls }

    /// The path of the not-found page, which servers are pointed at.
    public static let notFoundPath = "404.html"

    func render(_ template: String, _ view: some TemplateObject) -> Result<[UInt8], Diagnostic> {
        templates.render(view, with: template)
    }

    func listEntry(_ index: Int) -> ServiceListEntry {
        let item = items.services[index]
        let service = item.entry
        return ServiceListEntry(
            title: service.title, summary: service.summary, url: item.url,
            organisation: items.organisationName(service.organisation),
            ageRange: service.eligibility.age.description,
            needsEHCPlan: service.eligibility.ehcPlan == .required,
            ehcPlanTag: ServiceWording.ehcPlanTag(service.eligibility),
            allowsSelfReferral: service.eligibility.allowsSelfReferral,
            isFree: service.cost.isFree,
            contactDetails: service.contact,
            absoluteURL: items.links.absolute(item.url)
        )
    }

    // MARK: Pages

    public func home() -> Result<[UInt8], Diagnostic> {
        let view = HomePageView(
            page: layouts.layout(
                title: items.site.name,
                description: "Find education, health and care services for children and young people aged 0 to 25 with special educational needs and disabilities in \(items.site.council).",
                url: urls.home, breadcrumbs: []
            ),
            categories: items.site.categories.map { category in
                HomePageView.CategoryEntry(
                    title: category.title, description: category.description, url: urls.category(category.id),
                    count: groups.members(.category(category.id)).count
                )
            },
            keyPages: items.pages.prefix(6).map { ServiceView.Link(title: $0.entry.title, url: $0.url) },
            serviceCount: items.services.count,
            ages: ageLinks(), needs: needLinks(),
            startURL: GuidedStart.start(urls)
        )
        return render("home", view)
    }

    public func service(at index: Int) -> Result<[UInt8], Diagnostic> {
        let item = items.services[index]
        let service = item.entry
        let view = serviceViews.view(item)
        let page = layouts.layout(
            title: service.title, description: service.summary, url: item.url,
            breadcrumbs: [("Services A to Z", urls.services)]
        )
        let jsonLD = StructuredData.service(service, organisationName: view.organisation.title,
                                            url: page.canonicalURL, council: items.site.council)
        return render("service", ServicePageView(page: page, service: view, jsonLD: jsonLD))
    }

    public func organisationsIndex() -> Result<[UInt8], Diagnostic> {
        let entries = items.organisations.map {
            OrganisationsIndexView.Entry(name: $0.entry.name, url: $0.url, count: groups.members(.organisation($0.slug)).count)
        }
        let view = OrganisationsIndexView(
            page: layouts.layout(title: "Organisations", description: "The organisations that provide services in the \(items.site.name).",
                                 url: urls.organisations, breadcrumbs: []),
            organisations: entries
        )
        return render("organisations", view)
    }

    public func informationIndex() -> Result<[UInt8], Diagnostic> {
        let view = InformationIndexView(
            page: layouts.layout(title: "Information and advice", description: "Guides for families: assessments, plans, disagreements, money and more.",
                                 url: urls.information, breadcrumbs: []),
            pages: items.pages.map { InformationIndexView.Entry(title: $0.entry.title, summary: $0.entry.summary, url: $0.url) }
        )
        return render("information", view)
    }

    public func informationPage(at index: Int) -> Result<[UInt8], Diagnostic> {
        let item = items.pages[index]
        let page = item.entry
        let view = InformationPageView(
            page: layouts.layout(title: page.title, description: page.summary, url: item.url,
                                 breadcrumbs: [("Information and advice", urls.information)]),
            summary: page.summary,
            bodyHTML: item.body.html,
            contents: item.body.headings.filter { $0.level == 2 }.map { InformationPageView.Heading(text: $0.text, id: $0.id) },
            lastReviewed: page.lastReviewed.longForm
        )
        return render("information-page", view)
    }

    public func glossary() -> Result<[UInt8], Diagnostic> {
        let sorted = items.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }
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
        return render("glossary", view)
    }

    public func notFound() -> Result<[UInt8], Diagnostic> {
        let view = LayoutOnlyView(page: layouts.layout(title: "Page not found", description: "This page could not be found.",
                                                     url: urls.basePath + Self.notFoundPath, breadcrumbs: []))
        return render("not-found", view)
    }

    public func myList() -> Result<[UInt8], Diagnostic> {
        render("my-list", LayoutOnlyView(page: layouts.layout(
            title: "My list", description: "The services you have saved on this device.", url: urls.myList, breadcrumbs: []
        )))
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
}
