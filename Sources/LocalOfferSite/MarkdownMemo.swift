import Foundation
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferText

/// Remembers each body's rendered Markdown between builds of the same site (`serve`). A body is
/// rendered again when its text changes, or when what every body depends on changes: which entries
/// exist (links) and the glossary (jargon-buster links).
public final class MarkdownMemo: @unchecked Sendable {
    private struct Remembered {
        let key: UInt64
        let result: (RenderedMarkdown, [Diagnostic])
    }

    private let lock = NSLock()
    private var byPath: [String: Remembered] = [:]
    private var seen: Set<String> = []

    public init() {}

    func render(_ input: MarkdownInput, context: UInt64, with renderer: MarkdownRenderer) -> (RenderedMarkdown, [Diagnostic]) {
        var hasher = StableHasher()
        hasher.combine(context)
        hasher.combine(input.text)
        hasher.combine(input.firstLine)
        hasher.combine(input.folder)
        let key = hasher.value
        let remembered = lock.withLock { () -> Remembered? in
            seen.insert(input.path)
            return byPath[input.path]
        }
        if let remembered, remembered.key == key { return remembered.result }
        let result = renderer.render(input)
        lock.withLock { byPath[input.path] = Remembered(key: key, result: result) }
        return result
    }

    /// Forgets bodies not seen since the last call: deleted or renamed entries.
    public func sweep() {
        lock.withLock {
            byPath = byPath.filter { seen.contains($0.key) }
            seen.removeAll(keepingCapacity: true)
        }
    }
}
