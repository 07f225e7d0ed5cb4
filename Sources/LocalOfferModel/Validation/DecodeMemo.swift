import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferText

/// Remembers what each entry file decoded to, between builds of the same site (`serve`): a file
/// whose text has not changed is not decoded again. Decoding is a pure function of the text and
/// the day, so a remembered result is exactly what decoding again would give.
///
/// The text is compared, not hashed: `serve` hands back the very strings it read before for files
/// that did not change, and two strings sharing their storage compare equal at once, so an
/// unchanged site of 10,000 entries costs nothing here (hashing it was 40 MB of reading).
public final class DecodeMemo: @unchecked Sendable {
    /// A class: looking one up under the lock retains one reference, not the entry's every field.
    private final class Remembered {
        let document: ContentDocument
        let today: LocalDate
        let result: EntryDecoder.Decoded

        init(document: ContentDocument, today: LocalDate, result: EntryDecoder.Decoded) {
            self.document = document
            self.today = today
            self.result = result
        }
    }

    private let lock = NSLock()
    private var byPath: [String: Remembered] = [:]
    private var seen: Set<String> = []
    private var lastRules: (inputs: CrossEntryRules.Inputs, findings: [Diagnostic])?

    public init() {}

    func decode(_ document: ContentDocument, today: LocalDate) -> EntryDecoder.Decoded {
        let remembered = lock.withLock { () -> Remembered? in
            seen.insert(document.path)
            return byPath[document.path]
        }
        if let remembered, remembered.today == today, Self.same(remembered.document, document) { return remembered.result }
        let result = EntryDecoder.decode(document, today: today)
        lock.withLock { byPath[document.path] = Remembered(document: document, today: today, result: result) }
        return result
    }

    /// Remembers what `document` decoded to, decoded elsewhere.
    func remember(_ document: ContentDocument, today: LocalDate, result: EntryDecoder.Decoded) {
        lock.withLock {
            seen.insert(document.path)
            byPath[document.path] = Remembered(document: document, today: today, result: result)
        }
    }

    static func same(_ left: ContentDocument, _ right: ContentDocument) -> Bool {
        left.kind == right.kind && left.slug.hasSameBytes(as: right.slug) && left.path.hasSameBytes(as: right.path)
            && left.frontMatter.firstLine == right.frontMatter.firstLine && left.body.firstLine == right.body.firstLine
            && left.frontMatter.path.hasSameBytes(as: right.frontMatter.path) && left.body.path.hasSameBytes(as: right.body.path)
            && left.frontMatter.text.hasSameBytes(as: right.frontMatter.text) && left.body.text.hasSameBytes(as: right.body.text)
    }

    /// For each document, what it decoded to when it is remembered unchanged; nil for the others.
    /// One lock for all of them.
    func unchanged(_ documents: [ContentDocument], today: LocalDate) -> [EntryDecoder.Decoded?] {
        lock.withLock {
            documents.map { document in
                seen.insert(document.path)
                guard let remembered = byPath[document.path], remembered.today == today,
                      Self.same(remembered.document, document) else { return nil }
                return remembered.result
            }
        }
    }

    /// What the file at `path` decoded to last, and on which day.
    func remembered(at path: String) -> (document: ContentDocument, today: LocalDate, result: EntryDecoder.Decoded)? {
        lock.withLock { byPath[path].map { ($0.document, $0.today, $0.result) } }
    }

    /// Whether a remembered file other than the one at `path` has facts that `match`: the questions
    /// `serve` asks of the other files before it takes a save the short way (`ContentValidator.revise`).
    private func anyOther(than path: String, _ match: (EntryFacts) -> Bool) -> Bool {
        lock.withLock { byPath.values.contains { $0.result.1.path != path && match($0.result.1) } }
    }

    /// Whether an entry of `kind` other than the one at `path` has this title (an organisation, this
    /// name), ignoring case as the rule that titles are distinct does (`CrossEntryRules`).
    func isTitleTaken(_ title: String, kind: ContentKind, byAnotherThan path: String) -> Bool {
        let key = title.lowercased()
        return anyOther(than: path) { $0.kind == kind && $0.titleKey == key }
    }

    /// Whether a published service, other than the one at `path`, names the organisation `slug`
    /// (`CrossEntryRules` warns of one that none names).
    func hasPublishedService(of slug: String, besides path: String = "") -> Bool {
        anyOther(than: path) { $0.kind == .service && !$0.isDraft && $0.organisation?.value == slug }
    }

    /// Whether a file other than the one at `path` has this slug, of any kind (`CrossEntryRules`).
    func isSlugTaken(_ slug: String, byAnotherThan path: String) -> Bool {
        anyOther(than: path) { $0.slug == slug }
    }

    /// Whether an organisation file has this slug.
    func hasOrganisation(_ slug: String) -> Bool {
        anyOther(than: "") { $0.kind == .organisation && $0.slug == slug }
    }

    /// Forgets the file at `path`, deleted.
    func forget(_ path: String) {
        lock.withLock { _ = byPath.removeValue(forKey: path) }
    }

    /// What the rules between entries find, checked again only when what they read changed (a
    /// title, an organisation, a category, a file added or removed), not when a summary was edited.
    func ruleFindings(_ rules: CrossEntryRules) -> [Diagnostic] {
        let inputs = rules.inputs
        if let last = lock.withLock({ lastRules }), last.inputs.isSame(as: inputs) { return last.findings }
        let findings = rules.check()
        lock.withLock { lastRules = (inputs, findings) }
        return findings
    }

    /// Forgets files not seen since the last call: deleted or renamed ones.
    public func sweep() {
        lock.withLock {
            // Every remembered file seen: nothing to forget (the common case, and 10,000 entries to copy).
            if seen.count != byPath.count { byPath = byPath.filter { seen.contains($0.key) } }
            seen.removeAll(keepingCapacity: true)
        }
    }

    public var count: Int { lock.withLock { byPath.count } }
}
