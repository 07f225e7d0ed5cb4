import Foundation
import LocalOfferDiagnostics
import LocalOfferText
import LocalOfferWriters

/// The site as `localoffer serve` keeps it: every file planned, none written. A page is made when a
/// browser asks for it and kept until what it is made from changes, so after an edit only the
/// pages looked at are made again. The search index, made from every document, is made in the
/// background after each change; until it is ready the previous one answers.
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
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    private let builder: SiteBuilder
    private let searchWriter: any SiteWriter
    private let lock = NSLock()
    private var generation = 0
    private var files: [String: PlannedFile] = [:]
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
        builder = SiteBuilder(options: options, writers: writers.filter { !($0 is SearchIndexWriter) }, cache: BuildCache())
    }

    public var currentGeneration: Int { lock.withLock { generation } }

    /// Plans the whole site again from the files as they are now.
    @discardableResult
    public func rebuild() -> Rebuild {
        let plan = builder.planSite()
        let next: Int = lock.withLock {
            generation += 1
            diagnostics = plan.diagnostics
            if plan.isPublishable {
                files = Dictionary(plan.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            }
            return generation
        }
        if let items = plan.items, plan.isPublishable, let library = plan.templates {
            let context = WriterContext(items: items, templates: library, toolHash: ToolIdentity.hash)
            let start = lock.withLock { () -> Bool in
                searchWaiting = (next, context)
                if searchRunning { return false }
                searchRunning = true
                return true
            }
            if start { DispatchQueue.global(qos: .utility).async { [weak self] in self?.makeSearchIndexes() } }
        }
        return Rebuild(generation: next, diagnostics: plan.diagnostics, seconds: plan.seconds, steps: plan.steps)
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
        let (file, errors, current) = lock.withLock { () -> (PlannedFile?, [Diagnostic], Int) in
            (files[path] ?? searchFiles[path], diagnostics, generation)
        }
        if errors.hasErrors, path.hasSuffix(".html") || file == nil { return .errors(errors) }
        guard let file else { return .notFound }
        if let cached = lock.withLock({ made[path] }),
           file.fingerprint.map({ $0 == cached.fingerprint }) ?? (cached.generation == current) {
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
            lock.withLock { made[path] = (file.fingerprint, current, bytes) }
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
