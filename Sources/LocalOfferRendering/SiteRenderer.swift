import Foundation
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel
import LocalOfferParallel

/// A page of the site after rendering: where it goes and its HTML.
public struct RenderedPage: Sendable, Hashable {
    public let path: String
    public let url: String
    public let html: String
}

/// Renders every HTML page of the site through the theme's templates. Pages are independent,
/// so they render in parallel; the result is sorted by path, the same on every run.
///
/// ```swift
/// let renderer = SiteRenderer(content: content, bodies: bodies, templates: library,
///                             urls: SiteURLs(basePath: "/"), canonicalBase: "https://x.example.org/", today: today)
/// let (pages, problems) = renderer.renderAll()
/// ```
public struct SiteRenderer: Sendable {
    let content: SiteContent
    /// Rendered Markdown bodies by content path (`services/portage.md`).
    let bodies: [String: RenderedMarkdown]
    let templates: TemplateLibrary
    let urls: SiteURLs
    let canonicalBase: String
    let today: LocalDate

    public init(
        content: SiteContent, bodies: [String: RenderedMarkdown], templates: TemplateLibrary, urls: SiteURLs,
        canonicalBase: String, today: LocalDate
    ) {
        self.content = content
        self.bodies = bodies
        self.templates = templates
        self.urls = urls
        self.canonicalBase = canonicalBase.hasSuffix("/") ? canonicalBase : canonicalBase + "/"
        self.today = today
    }

    /// A unit of rendering work, so that all pages go through one parallel map.
    enum Job: Sendable {
        case home, servicesIndex, organisationsIndex, informationIndex, glossary, notFound
        case service(Int), organisation(Int), category(Int), page(Int)
        case accessibilityStatement, myList
        case search, browseIndex, browseAge(AgeStage), browseNeed(AreaOfNeed)
        case browseAgeNeed(AgeStage, AreaOfNeed), browseAgeCategory(AgeStage, Int)
    }

    public func renderAll() -> ([RenderedPage], [Diagnostic]) {
        var jobs: [Job] = [.home, .servicesIndex, .organisationsIndex, .informationIndex, .glossary, .notFound]
        jobs += content.services.indices.map(Job.service)
        jobs += content.organisations.indices.map(Job.organisation)
        jobs += content.site.categories.indices.map(Job.category)
        jobs += content.pages.indices.map(Job.page)
        let views = PageBuilder(renderer: self)
        if content.site.accessibility != nil { jobs.append(.accessibilityStatement) }
        jobs += [.search, .browseIndex, .myList] + AgeStage.allCases.map(Job.browseAge) + AreaOfNeed.allCases.map(Job.browseNeed)
        // Combination pages only where they list something: no dead ends.
        for stage in AgeStage.allCases {
            jobs += AreaOfNeed.allCases.filter { !views.services(for: stage, need: $0).isEmpty }.map { .browseAgeNeed(stage, $0) }
            jobs += content.site.categories.indices
                .filter { !views.services(for: stage, category: content.site.categories[$0].id).isEmpty }
                .map { .browseAgeCategory(stage, $0) }
        }
        let results = jobs.parallelMap { job in views.render(job) }
        var pages: [RenderedPage] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return (pages.sorted { $0.path < $1.path }, diagnostics)
    }

    func body(_ folder: String, _ slug: String) -> RenderedMarkdown? {
        bodies["\(folder)/\(slug).md"]
    }

    func renderTemplate(_ name: String, _ context: Any, url: String, path: String? = nil) -> Result<RenderedPage, Diagnostic> {
        guard let html = templates.render(context, with: name) else {
            return .failure(.error(.missingTemplate, "the template '\(name).mustache' was not found", at: nil))
        }
        return .success(RenderedPage(path: path ?? urls.outputPath(for: url), url: url, html: html))
    }
}
