import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferParallel
import LocalOfferText

/// Remembers, between builds of the same site (`serve`), each body's rendered Markdown and each
/// entry file's hash. A body is rendered again when its text changes, when an entry it links to
/// has another address now (or none, or now one), or when what every body depends on changes: the
/// glossary (jargon-buster links) and where the site is served.
///
/// Texts are compared by their bytes, not hashed: `serve` hands back the very strings it read
/// before for files that did not change, which compare equal at once (`hasSameBytes`).
public final class MarkdownMemo: @unchecked Sendable {
    /// Classes: looking one up under the lock retains one reference, not every string in it.
    private final class Remembered {
        let context: UInt64
        let input: MarkdownInput
        let result: (RenderedMarkdown, [Diagnostic])
        /// The entries the body links to, and their addresses then.
        let links: [LinkLookup]

        init(context: UInt64, input: MarkdownInput, result: (RenderedMarkdown, [Diagnostic]), links: [LinkLookup]) {
            self.context = context
            self.input = input
            self.result = result
            self.links = links
        }
    }

    private final class Hashed {
        let document: ContentDocument
        let hash: UInt64

        init(document: ContentDocument, hash: UInt64) {
            self.document = document
            self.hash = hash
        }
    }

    private let lock = NSLock()
    private var byPath: [String: Remembered] = [:]
    private var hashes: [String: Hashed] = [:]
    private var seen: Set<String> = []
    private var hashed: Set<String> = []

    public init() {}

    /// `context`: a hash of what every body's rendering depends on besides its text and its links.
    func render(_ input: MarkdownInput, context: UInt64, with renderer: MarkdownRenderer) -> (RenderedMarkdown, [Diagnostic]) {
        let remembered = lock.withLock { () -> Remembered? in
            seen.insert(input.path)
            return byPath[input.path]
        }
        // Adding or removing one entry changes the link table for every body; a body is kept while
        // the entries it links to are where they were.
        if let remembered, remembered.context == context, Self.same(remembered.input, input),
           remembered.links.allSatisfy({ $0.isCurrent(in: renderer.links) }) {
            return remembered.result
        }
        let (rendered, problems, links) = renderer.renderNamingLinks(input)
        lock.withLock { byPath[input.path] = Remembered(context: context, input: input, result: (rendered, problems), links: links) }
        return (rendered, problems)
    }

    /// For each body, what it rendered to when it is remembered unchanged (`render`'s rules); nil
    /// for the others. One lock for all of them.
    func unchanged(_ inputs: [MarkdownInput], context: UInt64, with renderer: MarkdownRenderer) -> [(RenderedMarkdown, [Diagnostic])?] {
        lock.withLock {
            inputs.map { input in
                seen.insert(input.path)
                guard let remembered = byPath[input.path], remembered.context == context, Self.same(remembered.input, input),
                      remembered.links.allSatisfy({ $0.isCurrent(in: renderer.links) }) else { return nil }
                return remembered.result
            }
        }
    }

    /// The body at `path` as last rendered: with which rendering context, and what it gave.
    func remembered(at path: String) -> (context: UInt64, input: MarkdownInput, result: (RenderedMarkdown, [Diagnostic]))? {
        lock.withLock { byPath[path].map { ($0.context, $0.input, $0.result) } }
    }

    /// `SiteItemsBuilder.sourceHash(of:)`, remembered while the file's text is unchanged.
    func sourceHash(of document: ContentDocument) -> UInt64 {
        if let known = lock.withLock({ () -> Hashed? in
            hashed.insert(document.path)
            return hashes[document.path]
        }),
           known.document.frontMatter.text.hasSameBytes(as: document.frontMatter.text),
           known.document.body.text.hasSameBytes(as: document.body.text) {
            return known.hash
        }
        let hash = SiteItemsBuilder.sourceHash(of: document)
        lock.withLock { hashes[document.path] = Hashed(document: document, hash: hash) }
        return hash
    }

    /// The problems of each body rendered with `renderer`, for content that cannot be published
    /// (`ContentBodyCheck`): bodies remembered unchanged, linking to entries that exist as they did,
    /// are not rendered again. Only the problems are kept, not the HTML. Use a memo for this alone:
    /// its renderer is not the site's. Forgets the bodies not among `inputs`.
    public func problems(of inputs: [MarkdownInput], with renderer: MarkdownRenderer) -> [[Diagnostic]] {
        let context: UInt64 = 0
        let nothing = RenderedMarkdown(html: "", headings: [], plainText: "")
        var results = unchanged(inputs, context: context, with: renderer).map { $0?.1 }
        let missing = results.indices.filter { results[$0] == nil }
        let made = missing.map { inputs[$0] }.parallelMap { input -> [Diagnostic] in
            let (_, problems, links) = renderer.renderNamingLinks(input)
            lock.withLock {
                seen.insert(input.path)
                byPath[input.path] = Remembered(context: context, input: input, result: (nothing, problems), links: links)
            }
            return problems
        }
        for (index, problems) in zip(missing, made) { results[index] = problems }
        sweep()
        return results.map { $0 ?? [] }
    }

    /// Whether a body other than the one at `path` links to the entry file `contentPath`.
    func isLinked(to contentPath: String, exceptFrom path: String) -> Bool {
        lock.withLock { byPath.contains { $0.key != path && $0.value.links.contains { $0.path == contentPath } } }
    }

    /// Forgets the body and the file at `path`, deleted.
    func forget(_ path: String) {
        lock.withLock {
            byPath[path] = nil
            hashes[path] = nil
        }
    }

    static func same(_ left: MarkdownInput, _ right: MarkdownInput) -> Bool {
        left.firstLine == right.firstLine && left.text.hasSameBytes(as: right.text) && left.path.hasSameBytes(as: right.path)
            && left.folder.hasSameBytes(as: right.folder)
    }

    /// Forgets bodies and files not seen since the last call: deleted or renamed entries.
    public func sweep() {
        lock.withLock {
            // Every remembered body seen: nothing to forget (the common case).
            if seen.count != byPath.count { byPath = byPath.filter { seen.contains($0.key) } }
            if hashed.count != hashes.count { hashes = hashes.filter { hashed.contains($0.key) } }
            seen.removeAll(keepingCapacity: true)
            hashed.removeAll(keepingCapacity: true)
        }
    }
}
