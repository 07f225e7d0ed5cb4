import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferText

/// A valid entry, as `serve` hands one changed entry on without validating the whole site again.
public enum RevisedEntry: Sendable {
    case service(Service)
    case organisation(Organisation)
    case page(InformationPage)
}

/// An entry file saved again and decoded on its own (`ContentValidator.revise`).
public struct EntryRevision: Sendable {
    public let path: String
    /// The entry as it is now.
    public let entry: RevisedEntry
}

extension ContentValidator {
    /// The entry in `document`, decoded again on its own, when the save changed nothing that the
    /// rest of the site reads of it; nil otherwise, and the whole site must be validated again.
    ///
    /// Nothing else changes when: the file had and has no problem at all, so the site's problems
    /// stay those it had; what the rules between entries read is the same (`EntryFacts.RuleKey`),
    /// so their findings are too; and what places the entry among the others is the same — for a
    /// service its title, organisation, topics, eligibility and status (the order and membership of
    /// every list), for an organisation its name, for a page its title and order. Then validating the
    /// whole site would give the same problems and the same entries, this one's new value aside.
    /// `previous` is the file as the site was last built from it.
    public func revise(_ document: ContentDocument, previous: ContentDocument) -> EntryRevision? {
        guard let memo, let before = memo.remembered(at: document.path), before.today == today,
              DecodeMemo.same(before.document, previous), before.result.2.isEmpty, let old = before.result.0 else { return nil }
        let (decoded, facts, problems) = memo.decode(document, today: today)
        guard problems.isEmpty, let new = decoded, facts.ruleKey.isSame(as: before.result.1.ruleKey) else { return nil }
        switch (old, new) {
        case (.service(let old), .service(let new)):
            guard old.status == new.status, old.slug.hasSameBytes(as: new.slug), old.title.hasSameBytes(as: new.title),
                  old.organisation.hasSameBytes(as: new.organisation), old.categories.isSame(as: new.categories),
                  old.eligibility == new.eligibility else { return nil }
            return EntryRevision(path: document.path, entry: .service(new))
        case (.organisation(let old), .organisation(let new)):
            guard old.slug.hasSameBytes(as: new.slug), old.name.hasSameBytes(as: new.name) else { return nil }
            return EntryRevision(path: document.path, entry: .organisation(new))
        case (.page(let old), .page(let new)):
            guard old.slug.hasSameBytes(as: new.slug), old.title.hasSameBytes(as: new.title), old.order == new.order else { return nil }
            return EntryRevision(path: document.path, entry: .page(new))
        default:
            return nil
        }
    }
}

extension [String] {
    /// Equal element by element, byte for byte.
    func isSame(as other: [String]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.hasSameBytes(as: $1) }
    }
}

extension EntryFacts.Located {
    func isSame(as other: EntryFacts.Located) -> Bool {
        value.hasSameBytes(as: other.value) && location == other.location
    }
}

extension Optional where Wrapped == EntryFacts.Located {
    func isSame(as other: EntryFacts.Located?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case (let left?, let right?): left.isSame(as: right)
        default: false
        }
    }
}

extension EntryFacts.RuleKey {
    /// `==`, with text compared byte for byte: two spellings of one accented letter are equal
    /// strings to Swift, but the rules' messages quote the bytes.
    func isSame(as other: EntryFacts.RuleKey) -> Bool {
        self == other && slug.hasSameBytes(as: other.slug) && path.hasSameBytes(as: other.path)
            && title.isSame(as: other.title) && organisation.isSame(as: other.organisation)
            && (categories ?? []).map(\.value).isSame(as: (other.categories ?? []).map(\.value))
    }
}
