import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferOutput
import LocalOfferParallel
import LocalOfferRendering
import LocalOfferSite
import LocalOfferWriters

/// The whole build, as named steps:
///
/// 1. **load** `content/` (text only);
/// 2. **validate** every file into typed entries;
/// 3. **markdown**: render every body, making each published entry an `Item`;
/// 4. **templates**: load the theme;
/// 5. **plan**: every writer lists its files, each with a fingerprint of what it is made from;
/// 6. **write**: make, in parallel, each file whose fingerprint changed, and stream it into a
///    staging folder; unchanged files are hard-linked from the previous site;
/// 7. **publish**: swap the staging folder into place.
///
/// Every content rule runs, and every body is rendered, even when some file has an error; any error
/// then stops the build before the templates, so the previous site stays exactly as it was.
///
/// ```swift
/// let report = SiteBuilder(options: BuildOptions(today: .today()!)).build()
/// print(report.summary)
/// ```
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let writers: [any SiteWriter]
    let fileSystem: FileSystem
    /// What a previous build of the same site worked out (`serve` keeps one), or nil.
    let cache: BuildCache?

    public init(
        options: BuildOptions, writers: [any SiteWriter] = SiteWriters.standard, fileSystem: FileSystem = .local,
        cache: BuildCache? = nil
    ) {
        self.options = options
        self.writers = writers
        self.fileSystem = fileSystem
        self.cache = cache
    }

    /// Every file the site would have, planned but not made: what `build` writes, `serve` serves on
    /// demand and `build --dry-run` compares. No files when the content has errors.
    public struct SitePlan: Sendable {
        public var files: [PlannedFile]
        public var diagnostics: [Diagnostic]
        public var steps: [(name: String, seconds: Double)]
        public var seconds: Double
        /// The validated site and the theme, for callers that plan more (nil when there are errors).
        public var items: SiteItems?
        public var templates: TemplateLibrary?

        public var isPublishable: Bool { !files.isEmpty && !diagnostics.hasErrors }
    }

    public func planSite() -> SitePlan {
        var run = StepTimer()
        var diagnostics: [Diagnostic] = []
        func finish(_ files: [PlannedFile] = [], items: SiteItems? = nil, templates: TemplateLibrary? = nil) -> SitePlan {
            var all = diagnostics.sorted()
            if options.strict { all = all.escalatingWarnings() }
            return SitePlan(files: files, diagnostics: all, steps: run.steps, seconds: run.total, items: items, templates: templates)
        }

        // The files' text is let go once the items are made: only the items go on.
        let items: SiteItems? = {
            let source = run.step("load") { load(&diagnostics) }
            let validation = run.step("validate") { validate(source, &diagnostics) }
            return run.step("markdown") { markdown(validation, source: source, &diagnostics) }
        }()
        guard let items, !blocked(diagnostics) else { return finish() }

        let (library, templateProblems) = run.step("templates") { TemplateLibrary.load(from: options.templateDirectories, builtInTheme: options.useBuiltInTheme) }
        diagnostics += templateProblems
        guard let library, !blocked(diagnostics) else { return finish() }

        let context = WriterContext(items: items, templates: library, toolHash: ToolIdentity.hash)
        let planned = run.step("plan") { plan(context, &diagnostics) }
        guard !blocked(diagnostics) else { return finish() }
        return finish(planned, items: items, templates: library)
    }

    public func build() -> BuildReport {
        let plan = planSite()
        var run = StepTimer(steps: plan.steps)
        var diagnostics = plan.diagnostics
        func finish(_ outcome: WriteOutcome? = nil) -> BuildReport {
            var all = diagnostics.sorted()
            if options.strict { all = all.escalatingWarnings() }
            return BuildReport(
                pagesWritten: outcome?.pages ?? 0, filesWritten: outcome?.files ?? 0, filesMade: outcome?.made ?? 0,
                filesRewritten: outcome?.written ?? 0,
                diagnostics: all, seconds: plan.seconds + run.total, steps: run.steps
            )
        }
        guard plan.isPublishable else { return finish() }

        let staging: StagingFolder
        do {
            staging = try StagingFolder.open(for: options.outputDirectory, fileSystem: fileSystem)
        } catch {
            diagnostics.append(error)
            return finish()
        }
        let outcome = run.step("write") { write(plan.files, into: staging) }
        diagnostics += outcome.problems
        guard !blocked(diagnostics) else {
            staging.discard()
            return finish()
        }
        do {
            try run.step("publish") { () throws(Diagnostic) in try staging.publish() }
        } catch {
            diagnostics.append(error)
            return finish()
        }
        return finish(outcome)
    }

    /// What `localoffer check` runs: every content rule, Markdown links included, and writes nothing.
    public func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let source = load(&diagnostics)
        let validation = validate(source, &diagnostics)
        _ = markdown(validation, source: source, &diagnostics)
        let sorted = diagnostics.sorted()
        return options.strict ? sorted.escalatingWarnings() : sorted
    }

    // MARK: Steps

    private func load(_ diagnostics: inout [Diagnostic]) -> ContentSource {
        let (source, problems) = ContentLoader().load(from: options.contentDirectory)
        diagnostics += problems
        return source
    }

    private func validate(_ source: ContentSource, _ diagnostics: inout [Diagnostic]) -> ContentValidation {
        let validation = ContentValidator(today: options.today, memo: cache?.decoded).validation(of: source)
        diagnostics += validation.diagnostics
        return validation
    }

    /// Every body is rendered even when the content cannot be published, so that a broken link is
    /// reported in the same run as a mistake in another file; items are made only for a site
    /// that can be published.
    private func markdown(_ validation: ContentValidation, source: ContentSource, _ diagnostics: inout [Diagnostic]) -> SiteItems? {
        guard let content = validation.content else {
            diagnostics += ContentBodyCheck(linkTargets: validation.linkTargets).check(source)
            return nil
        }
        return makeItems(content, source: source, &diagnostics)
    }

    private func makeItems(_ content: SiteContent, source: ContentSource, _ diagnostics: inout [Diagnostic]) -> SiteItems {
        let links = SiteLinks(site: content.site, baseURL: options.baseURL)
        let (items, problems) = SiteItemsBuilder(
            content: content, source: source, links: links, today: options.today, memo: cache?.rendered
        ).build()
        diagnostics += problems
        return items
    }

    /// Every writer's files. Writers that read the page list (the sitemap) are planned last.
    func plan(_ context: WriterContext, _ diagnostics: inout [Diagnostic]) -> [PlannedFile] {
        let first = writers.filter { !$0.inputs.contains(.pageList) }.parallelMap { $0.plan(context) }.flatMap { $0 }
        let pages = first.filter(\.inSitemap).compactMap(\.pageURL)
        let late = context.with(pages: pages)
        let planned = first + writers.filter { $0.inputs.contains(.pageList) }.flatMap { $0.plan(late) }
        var seen = Set<String>()
        for file in planned where !seen.insert(file.path).inserted {
            diagnostics.append(.error(
                .outputFailure, "two outputs would be written to '\(file.path)'", at: nil,
                hint: "a page's address clashes with another's; rename one of the entries"
            ))
        }
        return planned
    }

    struct WriteOutcome {
        var pages = 0
        var files = 0
        var made = 0
        var written = 0
        var problems: [Diagnostic] = []
    }

    /// Makes each changed file on every core and writes it at once; keeps the others.
    func write(_ planned: [PlannedFile], into staging: StagingFolder) -> WriteOutcome {
        let results = planned.parallelMap { file -> (made: Bool, written: Bool, problem: Diagnostic?) in
            if let fingerprint = file.fingerprint, staging.reuse(file.path, fingerprint: fingerprint) {
                return (false, false, nil)
            }
            switch file.make() {
            case .failure(let problem):
                return (true, false, problem)
            case .success(let contents):
                do {
                    let written = switch contents {
                    case .text(let text): try staging.write(text, to: file.path, fingerprint: file.fingerprint)
                    case .bytes(let bytes):
                        try bytes.withUnsafeBytes { try staging.write($0, to: file.path, fingerprint: file.fingerprint) }
                    case .data(let data): try staging.write(data, to: file.path, fingerprint: file.fingerprint)
                    }
                    return (true, written, nil)
                } catch {
                    return (true, false, .error(.outputFailure, "could not write \(file.path): \(error.localizedDescription)", at: nil))
                }
            }
        }
        var outcome = WriteOutcome()
        outcome.files = planned.count
        outcome.pages = planned.filter { $0.path.hasSuffix(".html") }.count
        outcome.made = results.filter(\.made).count
        outcome.written = results.filter(\.written).count
        var seen = Set<Diagnostic>()
        for result in results {
            if let problem = result.problem, seen.insert(problem).inserted { outcome.problems.append(problem) }
        }
        return outcome
    }

    private func blocked(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty)
    }
}

/// What one build worked out that the next build of the same site can use again: each file's
/// decoded entry and each body's rendered Markdown, remembered by their text.
public final class BuildCache: Sendable {
    public let decoded = DecodeMemo()
    public let rendered = MarkdownMemo()

    public init() {}
}

/// Times the named steps of a build.
struct StepTimer {
    private let start = DispatchTime.now()
    private(set) var steps: [(name: String, seconds: Double)] = []

    init(steps: [(name: String, seconds: Double)] = []) {
        self.steps = steps
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    mutating func step<Value, Failure: Error>(_ name: String, _ body: () throws(Failure) -> Value) throws(Failure) -> Value {
        let stepStart = DispatchTime.now()
        let value = try body()
        steps.append((name, Double(DispatchTime.now().uptimeNanoseconds - stepStart.uptimeNanoseconds) / 1e9))
        return value
    }
}
