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
        /// How long each writer took to plan its files, within the "plan" step.
        public var writerSteps: [(name: String, seconds: Double)] = []
        public var seconds: Double
        /// The validated site and the theme, for callers that plan more (nil when there are errors).
        public var items: SiteItems?
        public var templates: TemplateLibrary?
        /// What the writers plan from (nil when there are errors).
        public var context: WriterContext?
        /// Whether every file of the content folder was read (false: only the changed ones).
        public var readWholeFolder = true

        public var isPublishable: Bool { !files.isEmpty && !diagnostics.hasErrors }
    }

    /// - Parameter changed: the files saved, created, deleted or renamed since the last plan with the
    ///   same `cache` (`serve`'s watcher names them): only those are read again when they are all
    ///   entry files, and everything else comes from the cache. Nil, or any other file (site.yml, the
    ///   glossary, a template), reads the whole folder again.
    public func planSite(changed: Set<String>? = nil) -> SitePlan {
        var prepared = prepareSite(changed: changed)
        guard let context = prepared.context else { return prepared }
        var run = StepTimer()
        var diagnostics = prepared.diagnostics
        var writerSteps: [(name: String, seconds: Double)] = []
        let planned = run.step("plan") { plan(context, &diagnostics, timings: &writerSteps) }
        prepared.steps += run.steps
        prepared.writerSteps = writerSteps
        prepared.seconds += run.total
        guard !blocked(diagnostics) else {
            return SitePlan(files: [], diagnostics: finished(diagnostics), steps: prepared.steps, writerSteps: writerSteps,
                            seconds: prepared.seconds)
        }
        prepared.files = planned
        prepared.diagnostics = finished(diagnostics)
        return prepared
    }

    /// Everything `planSite` does before the writers plan their files: read, validate, render the
    /// Markdown, load the templates. `serve` plans each writer's files when a page asks for them.
    /// `context` is nil when there are errors (or, with `--strict`, warnings).
    public func prepareSite(changed: Set<String>? = nil) -> SitePlan {
        var run = StepTimer()
        var diagnostics: [Diagnostic] = []
        var readWholeFolder = true
        var rendering: RenderingState?
        func finish(items: SiteItems? = nil, templates: TemplateLibrary? = nil, context: WriterContext? = nil) -> SitePlan {
            let plan = SitePlan(
                files: [], diagnostics: finished(diagnostics), steps: run.steps, seconds: run.total, items: items,
                templates: templates, context: context, readWholeFolder: readWholeFolder
            )
            // What the next save may build on: a site without errors.
            if let context, let rendering {
                cache?.prepared = BuildCache.Prepared(
                    context: context, rendering: rendering, diagnostics: plan.diagnostics, templateProblems: templateProblems
                )
            } else {
                cache?.prepared = nil
            }
            return plan
        }
        var templateProblems: [Diagnostic] = []

        var read: ContentSource?
        let loaded = run.step("load") { () -> LoadedContent? in
            guard let cache else {
                read = load(&diagnostics)
                return nil
            }
            return reload(changed: changed, cache: cache, readWholeFolder: &readWholeFolder)
        }
        // Only changed entries, and nothing that other entries or lists read of them: those entries
        // alone are decoded and rendered again, and everything else is kept.
        if let loaded, !readWholeFolder, let revised = revise(loaded.changes, run: &run) {
            readWholeFolder = false
            return revised
        }
        // The whole site validated again: a mistake set aside is seen where it is.
        cache?.setAside = nil

        // The files' text is let go once the items are made: only the items go on.
        let items: SiteItems? = {
            // What serve's cache read, every entry file's text gathered for validation.
            let source = read ?? run.step("gather") { () -> ContentSource in
                diagnostics += loaded?.diagnostics ?? []
                return loaded?.source ?? load(&diagnostics)
            }
            let validation = run.step("validate") { validate(source, &diagnostics) }
            return run.step("markdown") { () -> SiteItems? in
                let made = markdown(validation, source: source, &diagnostics)
                rendering = made?.rendering
                return made?.items
            }
        }()
        guard let items, !blocked(diagnostics) else { return finish() }

        let (library, problems) = run.step("templates") { TemplateLibrary.load(from: options.templateDirectories, builtInTheme: options.useBuiltInTheme) }
        templateProblems = problems
        diagnostics += templateProblems
        guard let library, !blocked(diagnostics) else { return finish() }

        let context = run.step("context") { WriterContext(items: items, templates: library, toolHash: ToolIdentity.hash) }
        return finish(items: items, templates: library, context: context)
    }

    /// The site after a save that changed only entries without changing what the rules between
    /// entries find (see `ContentValidator.revise` and `SiteItems.revising`), or that added or deleted
    /// one service so (`ContentValidator.add`, `remove`): the previous site with those entries' items
    /// made again, moved, put in or taken out. Its problems are the previous ones, with the saved
    /// files' own warnings in place of those they had. Or, for a save of one file with a mistake that
    /// leaves what the rules read as it was (`ContentValidator.problemsAlone`), the site's problems
    /// with the file's own, and no site: the mistake is set aside, and the next save of the file is
    /// compared with the file as it was before it. Nil when any change is more than that, or there is
    /// no previous site without errors to build on.
    private func revise(_ changes: [LoadedContent.Change], run: inout StepTimer) -> SitePlan? {
        guard let cache, let previous = cache.prepared else { return nil }
        // While a mistake in one file is set aside, the site has an error: only a save of that file
        // alone may take the short way (it is compared with the file as it was before the mistake).
        let setAside = cache.setAside
        if let setAside, changes.count != 1 || changes.first?.path != setAside.path { return nil }
        let validator = ContentValidator(today: options.today, memo: cache.decoded)
        var indexChanges: [IndexChange] = []
        var rendering = previous.rendering
        var mistake: [Diagnostic]?
        // The saved files' own warnings, in place of those they had. Under `--strict` a warning is
        // an error, which only validating the whole site reports.
        var (replaced, added): ([Diagnostic], [Diagnostic]) = ([], [])
        func accepts(_ revision: EntryRevision) -> Bool {
            guard !options.strict || (revision.problems.isEmpty && revision.replacedProblems.isEmpty) else { return false }
            replaced += revision.replacedProblems
            added += revision.problems
            return true
        }
        let revised = run.step("revise") { () -> SiteItems? in
            var items = previous.context.items
            let categoryIDs = Set(items.site.categories.map(\.id))
            for change in changes {
                let next: RevisedItems?
                switch (change.before, change.after) {
                case (.success(let saved)?, .success(let after)?):
                    let before = setAside?.good ?? saved
                    guard before.kind == after.kind else { return nil }
                    guard let revision = validator.revise(after, previous: before, categoryIDs: categoryIDs) else {
                        // A mistake in one file that leaves what the rules read as it was: the site's
                        // problems are those it had, with the file's own in place of its old ones.
                        guard changes.count == 1, let found = validator.problemsAlone(after, previous: before) else { return nil }
                        mistake = Self.replacing(found.replaced, with: found.problems + rendering.problems(of: after), in: previous.diagnostics)
                        cache.setAside = (change.path, before)
                        return nil
                    }
                    // A service taken out and put back in, alone: `ServiceGroups.changing` reads an
                    // inserted service from the items as they end.
                    guard !revision.regrouped || changes.count == 1, accepts(revision) else { return nil }
                    next = items.revising(revision, document: after, previous: before, rendering: rendering, memo: cache.rendered)
                // One service added or deleted, and nothing else.
                case (nil, .success(let new)?) where changes.count == 1:
                    guard let revision = validator.add(new, categoryIDs: categoryIDs), accepts(revision) else { return nil }
                    next = items.adding(revision, document: new, rendering: rendering, memo: cache.rendered)
                case (.success(let deleted)?, nil) where changes.count == 1:
                    guard let revision = validator.remove(deleted), accepts(revision) else { return nil }
                    next = items.removing(revision.entry, path: deleted.path, rendering: rendering, memo: cache.rendered)
                default:
                    return nil
                }
                guard let next else { return nil }
                (items, rendering) = (next.items, next.rendering)
                indexChanges += next.serviceChanges
            }
            return items
        }
        if let mistake {
            return SitePlan(files: [], diagnostics: finished(mistake), steps: run.steps, seconds: run.total, readWholeFolder: false)
        }
        let diagnostics = finished(Self.replacing(replaced, with: added, in: previous.diagnostics))
        guard let revised else { return nil }
        cache.setAside = nil
        let (library, templateProblems) = run.step("templates") {
            TemplateLibrary.load(from: options.templateDirectories, builtInTheme: options.useBuiltInTheme)
        }
        guard let library, templateProblems == previous.templateProblems else { return nil }
        let context = run.step("context") {
            WriterContext(items: revised, templates: library, groupedAs: previous.context, changes: indexChanges, toolHash: ToolIdentity.hash)
        }
        cache.prepared = BuildCache.Prepared(
            context: context, rendering: rendering, diagnostics: diagnostics, templateProblems: templateProblems
        )
        return SitePlan(
            files: [], diagnostics: diagnostics, steps: run.steps, seconds: run.total, items: revised, templates: library,
            context: context, readWholeFolder: false
        )
    }

    /// `diagnostics` with each of `old` taken out once, and `new` put in.
    static func replacing(_ old: [Diagnostic], with new: [Diagnostic], in diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result = diagnostics
        for problem in old {
            if let index = result.firstIndex(of: problem) { result.remove(at: index) }
        }
        return result + new
    }

    /// Sorted, and with `--strict` every warning an error.
    func finished(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let sorted = diagnostics.sorted()
        return options.strict ? sorted.escalatingWarnings() : sorted
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
                diagnostics: all, seconds: plan.seconds + run.total, steps: run.steps, writerSteps: plan.writerSteps
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

    /// Reads only the changed entry files when the cache holds the folder as it was; all of it otherwise.
    private func reload(changed: Set<String>?, cache: BuildCache, readWholeFolder: inout Bool) -> LoadedContent {
        let loader = ContentLoader()
        let reloaded = cache.loaded.flatMap { previous in changed.flatMap { loader.reload(previous, changed: $0) } }
        readWholeFolder = reloaded == nil
        let loaded = reloaded ?? loader.loadFiles(from: options.contentDirectory)
        cache.loaded = loaded
        return loaded
    }

    private func validate(_ source: ContentSource, _ diagnostics: inout [Diagnostic]) -> ContentValidation {
        let validation = ContentValidator(today: options.today, memo: cache?.decoded).validation(of: source)
        diagnostics += validation.diagnostics
        return validation
    }

    /// Every body is rendered even when the content cannot be published, so that a broken link is
    /// reported in the same run as a mistake in another file; items are made only for a site
    /// that can be published.
    private func markdown(
        _ validation: ContentValidation, source: ContentSource, _ diagnostics: inout [Diagnostic]
    ) -> (items: SiteItems, rendering: RenderingState)? {
        guard let content = validation.content else {
            diagnostics += ContentBodyCheck(linkTargets: validation.linkTargets, drafts: validation.drafts, memo: cache?.checked)
                .check(source)
            return nil
        }
        return makeItems(content, source: source, &diagnostics)
    }

    private func makeItems(
        _ content: SiteContent, source: ContentSource, _ diagnostics: inout [Diagnostic]
    ) -> (items: SiteItems, rendering: RenderingState) {
        let links = SiteLinks(site: content.site, baseURL: options.baseURL)
        let (items, problems, rendering) = SiteItemsBuilder(
            content: content, source: source, links: links, today: options.today, memo: cache?.rendered
        ).buildKeepingRenderer()
        diagnostics += problems
        return (items, rendering)
    }

    /// Every writer's files. Writers that read the page list (the sitemap) are planned last.
    func plan(_ context: WriterContext, _ diagnostics: inout [Diagnostic]) -> [PlannedFile] {
        var timings: [(name: String, seconds: Double)] = []
        return plan(context, &diagnostics, timings: &timings)
    }

    func plan(
        _ context: WriterContext, _ diagnostics: inout [Diagnostic], timings: inout [(name: String, seconds: Double)]
    ) -> [PlannedFile] {
        @Sendable func timed(_ writer: any SiteWriter, _ context: WriterContext) -> (files: [PlannedFile], seconds: Double) {
            let start = DispatchTime.now()
            let files = writer.plan(context)
            return (files, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        let early = writers.filter { !$0.inputs.contains(.pageList) }
        let earlyPlans = early.parallelMap { timed($0, context) }
        let first = earlyPlans.flatMap(\.files)
        let pages = first.filter(\.inSitemap).compactMap(\.pageURL)
        let late = context.with(pages: pages)
        let latePlans = writers.filter { $0.inputs.contains(.pageList) }.map { ($0, timed($0, late)) }
        timings = zip(early, earlyPlans).map { ($0.name, $1.seconds) } + latePlans.map { ($0.0.name, $0.1.seconds) }
        let planned = first + latePlans.flatMap(\.1.files)
        diagnostics += Self.clashes(in: planned)
        return planned
    }

    /// An error for each file planned at a path already planned, in the order of `planned`.
    static func clashes(in planned: [PlannedFile]) -> [Diagnostic] {
        var seen = Set<String>()
        return planned.filter { !seen.insert($0.path).inserted }.map { file in
            .error(
                .outputFailure, "two outputs would be written to '\(file.path)'", at: nil,
                hint: "a page's address clashes with another's; rename one of the entries"
            )
        }
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

/// What one build worked out that the next build of the same site can use again: the files as read,
/// each file's decoded entry and each body's rendered Markdown, remembered by their text.
public final class BuildCache: @unchecked Sendable {
    public let decoded = DecodeMemo()
    public let rendered = MarkdownMemo()
    /// The bodies' problems while the content has errors (`ContentBodyCheck`): another renderer.
    public let checked = MarkdownMemo()
    private let lock = NSLock()
    private var lastLoaded: LoadedContent?
    private var lastPrepared: Prepared?
    private var lastSetAside: (path: String, good: ContentDocument)?

    public init() {}

    /// The content folder as the last build read it.
    var loaded: LoadedContent? {
        get { lock.withLock { lastLoaded } }
        set { lock.withLock { lastLoaded = newValue } }
    }

    /// The last site prepared without errors, for the next save to build on (`SiteBuilder.revise`).
    struct Prepared: Sendable {
        let context: WriterContext
        let rendering: RenderingState
        let diagnostics: [Diagnostic]
        let templateProblems: [Diagnostic]
    }

    var prepared: Prepared? {
        get { lock.withLock { lastPrepared } }
        set { lock.withLock { lastPrepared = newValue } }
    }

    /// A file saved with a mistake that left the rest of `prepared` as it was (`SiteBuilder.revise`):
    /// its path as the watcher names it, and the file as `prepared` was made from it.
    var setAside: (path: String, good: ContentDocument)? {
        get { lock.withLock { lastSetAside } }
        set { lock.withLock { lastSetAside = newValue } }
    }
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
