import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferText

/// Remembers what each entry file decoded to, between builds of the same site (`serve`): a file
/// whose text has not changed is not decoded again. Decoding is a pure function of the text and
/// the day, so a remembered result is exactly what decoding again would give.
public final class DecodeMemo: @unchecked Sendable {
    private struct Remembered {
        let key: UInt64
        let result: (EntryDecoder.Entry?, EntryFacts, [Diagnostic])
    }

    private let lock = NSLock()
    private var byPath: [String: Remembered] = [:]
    private var seen: Set<String> = []

    public init() {}

    func decode(_ document: ContentDocument, today: LocalDate) -> (EntryDecoder.Entry?, EntryFacts, [Diagnostic]) {
        var hasher = StableHasher()
        hasher.combine(document.kind.rawValue)
        hasher.combine(document.slug)
        hasher.combine(document.frontMatter.text)
        hasher.combine(document.frontMatter.firstLine)
        hasher.combine(document.body.text)
        hasher.combine(document.body.firstLine)
        hasher.combine(today.description)
        let key = hasher.value
        let remembered = lock.withLock { () -> Remembered? in
            seen.insert(document.path)
            return byPath[document.path]
        }
        if let remembered, remembered.key == key { return remembered.result }
        let result = EntryDecoder.decode(document, today: today)
        lock.withLock { byPath[document.path] = Remembered(key: key, result: result) }
        return result
    }

    /// Forgets files not seen since the last call: deleted or renamed ones.
    public func sweep() {
        lock.withLock {
            byPath = byPath.filter { seen.contains($0.key) }
            seen.removeAll(keepingCapacity: true)
        }
    }

    public var count: Int { lock.withLock { byPath.count } }
}
