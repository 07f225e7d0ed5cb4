import Foundation
import LocalOfferDiagnostics
import LocalOfferText
import LocalOfferWriters

/// The site as `localoffer serve` keeps it: planned, never written. After a save only the changed
/// entry files are read and decoded again (`SiteBuilder.prepareSite(changed:)`), and a writer plans
/// its files only when a page of it is asked for (`LazySitePlan`); `finishPlanning()`, which the
/// server runs once the open pages are told to reload, plans the rest and reports clashing
/// addresses. A page is made when a browser asks for it and kept until what it is made from
/// changes. The search index, made from every document, is made in the background after each
/// change; until it is ready the previous one answers.
public final class PreviewSite: @unchecked Sendable {
    public enum Response: Sendable {
        case file(bytes: [UInt8], path: String)
        /// The content has errors: the browser shows them in place of the page.
        case errors([Diagnostic])
        case notFound
    }

    public struct Rebuild: Sendable {
        public let generation: Int
        public let diagnostics: [Diagnostic]
        public let seconds: Double
        public let steps: [(name: String, seconds: Double)]
        /// Within the "plan" step, each writer's.
        public let writerSteps: [(name: String, seconds: Double)]
        /// Whether every content file was read again (false: only the changed ones).
        public var readWholeFolder = true
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    private let builder: SiteBuilder
    private let writers: [any SiteWriter]
    private let searchWriter: any SiteWriter
    private let lock = NSLock()
    /// One rebuild at a time, so a later plan never loses to an earlier one that finished last.
    private let rebuilding = NSLock()
    private var generation = 0
    /// What answers: the newest plan without errors.
    private var plan: LazySitePlan?
    /// The newest plan that `finishPlanning` found whole, to go back to should a newer one clash.
    private var verified: LazySitePlan?
    /// Which writer planned each path last time every writer planned: where to look first.
    private var owners: [String: Int] = [:]
    private var searchFiles: [String: PlannedFile] = [:]
    private var diagnostics: [Diagnostic] = []
    private var made: [String: (fingerprint: UInt64?, generation: Int, bytes: [UInt8])] = [:]
    private var searchGeneration = 0
    /// One search index is made at a time; a newer site waiting replaces an older one.
    private var searchRunning = false
    private var searchWaiting: (generation: Int, context: WriterContext)?

    /// `options.outputDirectory` is not used: nothing is written.
    public init(options: BuildOptions, writers: [any SiteWriter] = SiteWriters.standard) {
        searchWriter = writers.first { $0 is SearchIndexWriter } ?? SearchIndexWriter()
        self.writers = writers.filter { !($0 is SearchIndexWriter) }
        builder = SiteBuilder(options: options, writers: self.writers, cache: BuildCache())
    }

    public var currentGeneration: Int { lock.withLock { generation } }

    /// The problems the site has now, as the browser shows them.
    public var currentDiagnostics: [Diagnostic] { lock.withLock { diagnostics } }

    /// The path of every file that answers now (every writer planned), search index aside.
    public func plannedPaths() -> Set<String> {
        lock.withLock { plan }.map { Set($0.complete().files.keys) } ?? []
    }

    /// Reads the site again, as it is now. `changed` names the files saved since the last rebuild,
    /// when known: only those are read and decoded again (see `SiteBuilder.planSite(changed:)`).
    /// Files are planned when asked for; call `finishPlanning()` next.
    @discardableResult
    public func rebuild(changed: Set<String>? = nil) -> Rebuild {
        rebuilding.lock()
        defer { rebuilding.unlock() }
        let prepared = builder.prepareSite(changed: changed)
        let next: Int = lock.withLock {
            generation += 1
            diagnostics = prepared.diagnostics
            if let context = prepared.context, !prepared.diagnostics.hasErrors {
                plan = LazySitePlan(generation: generation, context: context, writers: writers)
            }
            return generation
        }
        if let context = prepared.context, !prepared.diagnostics.hasErrors {
            let start = lock.withLock { () -> Bool in
                searchWaiting = (next, context)
                if searchRunning { return false }
                searchRunning = true
                return true
            }
            // A moment later: the page a browser reloads after the save is made first, on a free core.
            if start {
                DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(250)) { [weak self] in
                    self?.makeSearchIndexes()
                }
            }
        }
        return Rebuild(
            generation: next, diagnostics: prepared.diagnostics, seconds: prepared.seconds, steps: prepared.steps, writerSteps: [],
            readWholeFolder: prepared.readWholeFolder
        )
    }

    /// Plans every file of the newest rebuild that had no errors. Nil when that found nothing new;
    /// otherwise (two files planned at one address) the rebuild with those errors, which now answer.
    /// `inParallel`: on every core (at start); otherwise on one, leaving the other to the browser.
    @discardableResult
    public func finishPlanning(inParallel: Bool = false) -> Rebuild? {
        let started = DispatchTime.now()
        guard let current = lock.withLock({ plan.flatMap { $0.generation == generation ? $0 : nil } }) else { return nil }
        // Not under the rebuild's lock: a save meanwhile is read at once, and this plan is then let go.
        let whole = current.complete(inParallel: inParallel)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return lock.withLock { () -> Rebuild? in
            guard current.generation == generation else { return nil }
            owners = whole.owners
            guard !whole.clashes.isEmpty else {
                verified = current
                return nil
            }
            generation += 1
            diagnostics = builder.finished(diagnostics + whole.clashes)
            plan = verified
            return Rebuild(generation: generation, diagnostics: diagnostics, seconds: seconds, steps: [("plan", seconds)], writerSteps: [])
        }
    }

    /// Makes the newest waiting search index, and any that arrives meanwhile, one after another.
    private func makeSearchIndexes() {
        while let job = lock.withLock({ () -> (generation: Int, context: WriterContext)? in
            defer { searchWaiting = nil }
            if searchWaiting == nil { searchRunning = false }
            return searchWaiting
        }) {
            let planned = searchWriter.plan(job.context)
            lock.withLock {
                if job.generation >= searchGeneration {
                    searchGeneration = job.generation
                    searchFiles = Dictionary(planned.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
                }
            }
        }
    }

    /// The file at an address of the site (`/services/portage/`), made now if need be.
    public func response(for urlPath: String) -> Response {
        let path = Self.outputPath(for: urlPath)
        let (answering, owner, search, errors, searched) = lock.withLock {
            () -> (LazySitePlan?, Int?, PlannedFile?, [Diagnostic], Int) in
            (self.plan, owners[path], searchFiles[path], diagnostics, searchGeneration)
        }
        let planned: PlannedFile? = owner.flatMap { answering?.file(at: path, owner: $0) }
        let file: PlannedFile? = planned ?? search ?? answering?.file(at: path, owner: nil)
        if errors.hasErrors, path.hasSuffix(".html") || file == nil { return .errors(errors) }
        guard let file, let plan = answering else { return .notFound }
        // A file without a fingerprint is kept while its generation answers: the plan's, or the
        // search index's, which is made after it.
        let madeIn = planned == nil && search != nil ? -searched : plan.generation
        if let cached = lock.withLock({ made[path] }),
           file.fingerprint.map({ $0 == cached.fingerprint }) ?? (cached.generation == madeIn) {
            return .file(bytes: cached.bytes, path: path)
        }
        switch file.make() {
        case .failure(let problem):
            return .errors([problem])
        case .success(let contents):
            let bytes: [UInt8] = switch contents {
            case .bytes(let bytes): bytes
            case .text(let text): Array(text.utf8)
            case .data(let data): Array(data)
            }
            lock.withLock { made[path] = (file.fingerprint, madeIn, bytes) }
            return .file(bytes: bytes, path: path)
        }
    }

    /// `/services/portage/` → `services/portage/index.html`; `/` → `index.html`.
    static func outputPath(for urlPath: String) -> String {
        var path = urlPath
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        path = path.removingPercentEncoding ?? path
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { return path + "index.html" }
        return path
    }
}
