import Foundation
import LocalOfferDiagnostics
import LocalOfferParallel
import LocalOfferWriters

/// One generation of the site as `serve` plans it: each writer's files are planned the first time a
/// page of that writer is asked for, so that after a save only the writer of the page looked at
/// plans its files before the page is answered. `complete()` plans the rest and finds clashing
/// addresses, which `SiteBuilder.plan` would have reported.
final class LazySitePlan: @unchecked Sendable {
    let generation: Int
    let context: WriterContext
    private let writers: [any SiteWriter]
    private let slots: [Slot]
    private let lock = NSLock()
    private var everything: (files: [String: PlannedFile], owners: [String: Int], clashes: [Diagnostic])?

    /// One writer's files, planned once, under its own lock so writers plan in parallel.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var files: [PlannedFile]?
        var byPath: [String: PlannedFile] = [:]
    }

    init(generation: Int, context: WriterContext, writers: [any SiteWriter]) {
        self.generation = generation
        self.context = context
        self.writers = writers
        slots = writers.map { _ in Slot() }
    }

    /// The writers that do not read the page list, planned before those that do (as `SiteBuilder.plan`).
    private var earlyIndexes: [Int] { writers.indices.filter { !writers[$0].inputs.contains(.pageList) } }
    private var lateIndexes: [Int] { writers.indices.filter { writers[$0].inputs.contains(.pageList) } }

    /// The files of writer `index`, planning them if need be.
    func files(ofWriter index: Int) -> (files: [PlannedFile], byPath: [String: PlannedFile]) {
        let slot = slots[index]
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let files = slot.files { return (files, slot.byPath) }
        let writer = writers[index]
        let files: [PlannedFile]
        if writer.inputs.contains(.pageList) {
            let pages = earlyIndexes.flatMap { self.files(ofWriter: $0).files }.filter(\.inSitemap).compactMap(\.pageURL)
            files = writer.plan(context.with(pages: pages))
        } else {
            files = writer.plan(context)
        }
        slot.files = files
        // The first file planned at a path is the one served, as when every file is planned.
        slot.byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return (files, slot.byPath)
    }

    /// The file at `path`: from writer `owner` when given (the writer that planned it last time),
    /// otherwise, or when that writer no longer plans it, from every writer.
    func file(at path: String, owner: Int?) -> PlannedFile? {
        if let owner, owner < writers.count {
            if let file = single(at: path, writer: owner) { return file }
            if let file = files(ofWriter: owner).byPath[path] { return file }
        }
        // A path no writer planned last time (a new service's page): the first writer, in the order
        // they plan, that can plan the one file says whether it is there, before all are planned.
        if owner == nil, lock.withLock({ everything == nil }) {
            for index in earlyIndexes + lateIndexes {
                if let file = single(at: path, writer: index) { return file }
            }
        }
        return complete().files[path]
    }

    /// The one file at `path`, from a writer that can plan it alone (a service's page), while that
    /// writer has not planned them all.
    private func single(at path: String, writer index: Int) -> PlannedFile? {
        guard slots[index].lock.withLock({ slots[index].files == nil }),
              case .file(let file) = writers[index].planFile(at: path, context) else { return nil }
        return file
    }

    /// Every writer's files, planned: each path's file (the first planned there), which writer
    /// planned it, and an error for every address planned twice, as `SiteBuilder.plan` reports them.
    /// `inParallel`: on every core; `serve` plans on one after a save, so that the page a browser
    /// reloads is not kept waiting behind files no one asked for yet.
    @discardableResult
    func complete(inParallel: Bool = true) -> (files: [String: PlannedFile], owners: [String: Int], clashes: [Diagnostic]) {
        if let everything = lock.withLock({ everything }) { return everything }
        if inParallel { _ = earlyIndexes.parallelMap { self.files(ofWriter: $0) } }
        let order = earlyIndexes + lateIndexes
        var planned: [PlannedFile] = []
        var owners: [String: Int] = [:]
        for index in order {
            let files = files(ofWriter: index).files
            planned += files
            for file in files where owners[file.path] == nil { owners[file.path] = index }
        }
        let result = (
            files: Dictionary(planned.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
            owners: owners,
            clashes: SiteBuilder.clashes(in: planned)
        )
        lock.withLock { everything = result }
        return result
    }
}
