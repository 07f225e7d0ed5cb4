import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferModel
import LocalOfferOutput
import LocalOfferParallel
import LocalOfferRendering
import LocalOfferSearch

/// The whole build, one step after another:
/// load content → validate → render Markdown → load templates → render pages → extra files → publish.
/// Any error stops the build before publishing, so the previous site stays as it was.
///
/// ```swift
/// let report = SiteBuilder(options: BuildOptions(today: .today()!)).build()
/// print(report.summary)
/// ```
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    let fileSystem: FileSystem

    public init(options: BuildOptions, fileSystem: FileSystem = .local) {
        self.options = options
        self.fileSystem = fileSystem
    }

    public func build() -> BuildReport {
        var run = StepTimer()
        var diagnostics: [Diagnostic] = []
        func finish(pages: Int = 0, files: Int = 0) -> BuildReport {
            var all = diagnostics.sorted()
            if options.strict { all = all.escalatingWarnings() }
            return BuildReport(pagesWritten: pages, filesWritten: files, diagnostics: all, seconds: run.total, steps: run.steps)
        }

        guard let content = run.step("validate", { validateContent(&diagnostics) }) else { return finish() }
        let siteLinks = SiteLinks(content: content, baseURL: options.baseURL)

        let bodies = run.step("markdown") { renderMarkdown(content, urls: siteLinks.urls, diagnostics: &diagnostics) }
        let (library, templateProblems) = run.step("templates") { TemplateLibrary.load(from: options.templateDirectories) }
        diagnostics += templateProblems
        guard let library, !blocked(diagnostics) else { return finish() }

        let renderer = SiteRenderer(
            content: content, bodies: bodies, templates: library, urls: siteLinks.urls,
            canonicalBase: siteLinks.canonicalBase, today: options.today
        )
        let (pages, renderProblems) = run.step("render") { renderer.renderAll() }
        diagnostics += renderProblems
        guard !blocked(diagnostics) else { return finish() }

        let files = run.step("assemble") { () -> [OutputFile] in
            var files = pages.compactMap { OutputFile(path: $0.path, text: $0.html) }
            files += ExtraFiles.sitemapAndRobots(pages: pages, links: siteLinks)
            files += searchIndex(content, bodies: bodies, urls: siteLinks.urls)
            files += ExtraFiles.assets(library.assets, diagnostics: &diagnostics)
            return files
        }
        guard !blocked(diagnostics) else { return finish() }

        do {
            try run.step("publish") { () throws(Diagnostic) in
                try SitePublisher(fileSystem: fileSystem).publish(files, to: options.outputDirectory)
            }
        } catch {
            diagnostics.append(error)
            return finish()
        }
        return finish(pages: pages.count, files: files.count)
    }

    func searchIndex(_ content: SiteContent, bodies: [String: RenderedMarkdown], urls: SiteURLs) -> [OutputFile] {
        let builder = SearchDocuments.indexBuilder(content, bodies: bodies, urls: urls)
        return builder.build().compactMap { OutputFile(path: $0.path, text: $0.text) }
    }

    /// What `localoffer check` runs: every content rule, Markdown links included, and writes nothing.
    public func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let (source, loadProblems) = ContentLoader().load(from: options.contentDirectory)
        diagnostics += loadProblems
        let (content, problems) = ContentValidator(today: options.today).validate(source)
        diagnostics += problems
        if let content {
            _ = renderMarkdown(content, urls: SiteLinks(content: content, baseURL: options.baseURL).urls, diagnostics: &diagnostics)
        }
        let sorted = diagnostics.sorted()
        return options.strict ? sorted.escalatingWarnings() : sorted
    }

    private func validateContent(_ diagnostics: inout [Diagnostic]) -> SiteContent? {
        let (source, loadProblems) = ContentLoader().load(from: options.contentDirectory)
        diagnostics += loadProblems
        let (content, problems) = ContentValidator(today: options.today).validate(source)
        diagnostics += problems
        return blocked(diagnostics) ? nil : content
    }

    private func blocked(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty)
    }

    func renderMarkdown(_ content: SiteContent, urls: SiteURLs, diagnostics: inout [Diagnostic]) -> [String: RenderedMarkdown] {
        let links = ContentLinkTable(ContentAddresses.table(for: content, urls: urls))
        let glossary = GlossaryTerms(entries: content.glossary.map { entry in
            (term: entry.term, aliases: entry.aliases, url: urls.glossaryTerm(entry.anchor))
        })
        let renderer = MarkdownRenderer(links: links, glossary: glossary)
        var inputs: [(String, MarkdownInput)] = []
        for service in content.services + content.draftServices {
            inputs.append(("services/\(service.slug).md", MarkdownInput(
                text: service.body.text, path: service.sourcePath, firstLine: service.body.firstLine, folder: "services")))
        }
        for organisation in content.organisations {
            inputs.append(("organisations/\(organisation.slug).md", MarkdownInput(
                text: organisation.body.text, path: organisation.sourcePath, firstLine: organisation.body.firstLine,
                folder: "organisations")))
        }
        for page in content.pages {
            inputs.append(("pages/\(page.slug).md", MarkdownInput(
                text: page.body.text, path: page.sourcePath, firstLine: page.body.firstLine, folder: "pages")))
        }
        let results = inputs.parallelMap { key, input in (key, renderer.render(input)) }
        var bodies: [String: RenderedMarkdown] = [:]
        var seen = Set<Diagnostic>()
        for (key, (rendered, problems)) in results {
            bodies[key] = rendered
            for problem in problems where seen.insert(problem).inserted { diagnostics.append(problem) }
        }
        return bodies
    }
}

/// Every content file's published address, for rewriting links between entries.
enum ContentAddresses {
    static func table(for content: SiteContent, urls: SiteURLs) -> [String: String] {
        var table: [String: String] = [:]
        for service in content.services { table["services/\(service.slug).md"] = urls.service(service.slug) }
        for organisation in content.organisations { table["organisations/\(organisation.slug).md"] = urls.organisation(organisation.slug) }
        for page in content.pages { table["pages/\(page.slug).md"] = urls.page(page.slug) }
        // The accessibility statement is generated from site.yml, and linked to like any page.
        if content.site.accessibility != nil {
            table["pages/\(AccessibilityStatementView.slug).md"] = urls.page(AccessibilityStatementView.slug)
        }
        return table
    }
}

/// Times the named steps of a build.
struct StepTimer {
    private let start = DispatchTime.now()
    private(set) var steps: [(name: String, seconds: Double)] = []

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    mutating func step<Value, Failure: Error>(_ name: String, _ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        let stepStart = DispatchTime.now()
        let value = try body()
        steps.append((name, Double(DispatchTime.now().uptimeNanoseconds - stepStart.uptimeNanoseconds) / 1e9))
        return value
    }
}
