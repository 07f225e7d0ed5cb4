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
    /// Whether its title (an organisation's name) changed: its place in the lists that are in title
    /// order may have too (`SiteItems.revising` moves it).
    public let renamed: Bool
    /// Whether what puts a service in lists changed — its organisation, topics, eligibility or
    /// status — so that it must leave the lists it was in and join those it is in now.
    public var regrouped = false
    /// The file's own warnings now (a review falling due), and those it had: the site's problems are
    /// the ones it had, with these in place of those.
    public var problems: [Diagnostic] = []
    public var replacedProblems: [Diagnostic] = []
}

extension ContentValidator {
    /// The entry in `document`, decoded again on its own, when the save changed nothing the rules
    /// between entries find; nil otherwise, and the whole site must be validated again.
    ///
    /// The site had no error, and the file had and has none (its warnings, a review falling due, are
    /// `problems`, in place of `replacedProblems`). When what the rules read of
    /// the entry is the same (`EntryFacts.RuleKey`), so are their findings. Three changes of it are
    /// checked here instead, against the other files as they are remembered:
    /// - a new title (an organisation's new name): titles must be distinct within their kind, and
    ///   the new one must be like no other; an organisation's name is also quoted by the warning that
    ///   it has no published services, so a renamed organisation must have some;
    /// - a service's new organisation or topics: they must exist (topics among `categoryIDs`,
    ///   site.yml's);
    /// - a service published or made a draft, or moved to another organisation: no organisation may
    ///   gain or lose its only published service (the warning that it has none would go or come), and
    ///   a published one must have a description. (A body linking to a service made a draft is broken
    ///   now: `SiteItems.revising` looks.)
    /// A service whose organisation, topics, eligibility or status changed is `regrouped`.
    /// `previous` is the file as the site was last built from it.
    public func revise(_ document: ContentDocument, previous: ContentDocument, categoryIDs: Set<String> = []) -> EntryRevision? {
        // Remembered only when it is taken: otherwise the file as it was stays the one remembered,
        // which a mistake set aside is compared with (`problemsAlone`).
        let result = EntryDecoder.decode(document, today: today)
        guard let memo, let before = memo.remembered(at: document.path),
              var revision = revising(document, decoded: result, before: before, previous: previous, categoryIDs: categoryIDs)
        else { return nil }
        memo.remember(document, today: today, result: result)
        revision.replacedProblems = before.result.2
        return revision
    }

    private func revising(
        _ document: ContentDocument, decoded result: EntryDecoder.Decoded,
        before: (document: ContentDocument, today: LocalDate, result: EntryDecoder.Decoded),
        previous: ContentDocument, categoryIDs: Set<String>
    ) -> EntryRevision? {
        guard let memo, before.today == today, DecodeMemo.same(before.document, previous), !before.result.2.hasErrors,
              let old = before.result.0 else { return nil }
        let (decoded, facts, problems) = result
        guard !problems.hasErrors, let new = decoded else { return nil }
        let (oldFacts, oldKey, newKey) = (before.result.1, before.result.1.ruleKey, facts.ruleKey)
        let renamed = !oldKey.title.isSame(as: newKey.title)
        if renamed {
            guard let title = facts.title, !memo.isTitleTaken(title.value, kind: document.kind, byAnotherThan: document.path) else { return nil }
        }
        func revision(_ entry: RevisedEntry, regrouped: Bool = false) -> EntryRevision {
            var revision = EntryRevision(path: document.path, entry: entry, renamed: renamed)
            revision.regrouped = regrouped
            revision.problems = problems
            return revision
        }
        switch (old, new) {
        case (.service(let old), .service(let new)):
            // Where a service's fields are written matters only to the rules' errors, and it has none.
            guard old.slug.hasSameBytes(as: new.slug), oldKey.isSame(as: newKey, ignoringTitle: true, ignoringGroups: true) else {
                return nil
            }
            let grouped = old.status == new.status && old.organisation.hasSameBytes(as: new.organisation)
                && old.categories.isSame(as: new.categories) && old.eligibility == new.eligibility
            if grouped { return revision(.service(new)) }
            guard let organisation = facts.organisation?.value, memo.hasOrganisation(organisation),
                  let categories = facts.categories, categories.allSatisfy({ categoryIDs.contains($0.value) }),
                  facts.isDraft || !facts.bodyIsBlank else { return nil }
            let publishedBefore = oldFacts.isDraft ? [] : Set([oldFacts.organisation?.value].compactMap { $0 })
            let publishedAfter: Set<String> = facts.isDraft ? [] : [organisation]
            for gainedOrLost in publishedBefore.symmetricDifference(publishedAfter)
            where !memo.hasPublishedService(of: gainedOrLost, besides: document.path) {
                return nil
            }
            return revision(.service(new), regrouped: true)
        case (.organisation(let old), .organisation(let new)):
            guard oldKey.isSame(as: newKey, ignoringTitle: renamed), old.slug.hasSameBytes(as: new.slug) else { return nil }
            if renamed, !memo.hasPublishedService(of: new.slug) { return nil }
            return revision(.organisation(new))
        case (.page(let old), .page(let new)):
            guard oldKey.isSame(as: newKey, ignoringTitle: renamed), old.slug.hasSameBytes(as: new.slug), old.order == new.order else {
                return nil
            }
            return revision(.page(new))
        default:
            return nil
        }
    }
}

extension ContentValidator {
    /// The problems of `document` when it has some, decoded on its own and not remembered, and what
    /// the rules between entries read of it is exactly what it was in `previous` (remembered without
    /// problems): then the rules find what they found, and the site's problems are those it had and
    /// these. Nil otherwise. `serve` shows them at once, and sets the mistake aside: `previous` stays
    /// the entry that the next save of the file is compared with.
    public func problemsAlone(_ document: ContentDocument, previous: ContentDocument) -> (problems: [Diagnostic], replaced: [Diagnostic])? {
        guard let memo, let before = memo.remembered(at: document.path), before.today == today,
              DecodeMemo.same(before.document, previous), !before.result.2.hasErrors else { return nil }
        let (_, facts, problems) = EntryDecoder.decode(document, today: today)
        guard problems.hasErrors, facts.ruleKey.isSame(as: before.result.1.ruleKey) else { return nil }
        return (problems, before.result.2)
    }

    /// A new service file, decoded on its own, when adding it to the site changes no finding of the
    /// rules between entries; nil otherwise, and the whole site must be validated again.
    ///
    /// The site had no error. The new file adds none when it has no problem of its own, and: its
    /// name is a valid slug no other file has; its title is like no other service's; its organisation
    /// exists and its topics are among `categoryIDs` (site.yml's); a published one has a description.
    /// And it takes no warning away: a published one's organisation has another published service
    /// already, or the warning that it has none would go.
    public func add(_ document: ContentDocument, categoryIDs: Set<String>) -> EntryRevision? {
        guard let memo, document.kind == .service, Slug.isValid(document.slug),
              !memo.isSlugTaken(document.slug, byAnotherThan: document.path) else { return nil }
        let (decoded, facts, problems) = memo.decode(document, today: today)
        guard !problems.hasErrors, case .service(let service)? = decoded, let title = facts.title, let organisation = facts.organisation,
              let categories = facts.categories, categories.allSatisfy({ categoryIDs.contains($0.value) }),
              !memo.isTitleTaken(title.value, kind: .service, byAnotherThan: document.path),
              memo.hasOrganisation(organisation.value) else { return nil }
        if !facts.isDraft {
            guard !facts.bodyIsBlank, memo.hasPublishedService(of: organisation.value, besides: document.path) else { return nil }
        }
        var revision = EntryRevision(path: document.path, entry: .service(service), renamed: false)
        revision.problems = problems
        return revision
    }

    /// The service that was in the deleted file `document`, forgotten, when taking it away changes
    /// no finding of the rules between entries but for the links to it (`SiteItems.removing` looks for
    /// those); nil otherwise. It had no error (its warnings go with it), and a published one's
    /// organisation has another published service, or the warning that it has none would come.
    public func remove(_ document: ContentDocument) -> EntryRevision? {
        guard let memo, document.kind == .service, let before = memo.remembered(at: document.path), before.today == today,
              DecodeMemo.same(before.document, document), !before.result.2.hasErrors,
              case .service(let service)? = before.result.0 else { return nil }
        if service.status == .active {
            guard memo.hasPublishedService(of: service.organisation, besides: document.path) else { return nil }
        }
        memo.forget(document.path)
        var revision = EntryRevision(path: document.path, entry: .service(service), renamed: false)
        revision.replacedProblems = before.result.2
        return revision
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
        isSame(as: other, ignoringTitle: false)
    }

    /// `isSame`, but for the title when `ignoringTitle`, and when `ignoringGroups` for what groups a
    /// service (organisation, categories, status) and where its body starts.
    func isSame(as other: EntryFacts.RuleKey, ignoringTitle: Bool, ignoringGroups: Bool = false) -> Bool {
        kind == other.kind && isReadable == other.isReadable && bodyIsBlank == other.bodyIsBlank
            && slug.hasSameBytes(as: other.slug) && path.hasSameBytes(as: other.path)
            && (ignoringTitle || title.isSame(as: other.title))
            && (ignoringGroups || (isDraft == other.isDraft && bodyFirstLine == other.bodyFirstLine && categories == other.categories
                && organisation.isSame(as: other.organisation)
                && (categories ?? []).map(\.value).isSame(as: (other.categories ?? []).map(\.value))))
    }
}
