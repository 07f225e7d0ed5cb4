import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferParallel

/// Turns the loaded content into a validated `SiteContent`, reporting every problem in every file.
/// Files decode in parallel; the rules that compare entries run afterwards in one pass, on every
/// entry file whether or not it is valid.
///
/// ```swift
/// let validation = ContentValidator(today: LocalDate(iso: "2026-11-23")!).validation(of: source)
/// validation.content      // nil when there is any error: nothing broken may be published
/// validation.linkTargets  // every entry file links may point to, valid or not
/// ```
public struct ContentValidator: Sendable {
    public let today: LocalDate
    /// Decoded entries remembered from the previous build (`serve`), or nil.
    public let memo: DecodeMemo?

    public init(today: LocalDate, memo: DecodeMemo? = nil) {
        self.today = today
        self.memo = memo
    }

    /// `content` is nil when there are errors: nothing broken may be published.
    public func validate(_ source: ContentSource) -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        let validation = validation(of: source)
        return (validation.content, validation.diagnostics)
    }

    /// Everything validation found: what could be decoded, which entry files exist, and every problem.
    public func validation(of source: ContentSource) -> ContentValidation {
        var diagnostics: [Diagnostic] = []
        let today = self.today

        var categoryIDs: [String]?
        let site = source.siteFile.map { file -> Site? in
            let (site, ids, problems) = EntryDecoder.decodeSite(file, today: today)
            diagnostics += problems
            categoryIDs = ids
            return site
        } ?? nil
        let glossary = source.glossaryFile.map { file -> [GlossaryEntry] in
            let (entries, problems) = EntryDecoder.decodeGlossary(file, today: today)
            diagnostics += problems
            return entries
        } ?? []
        let synonyms = source.synonymsFile.map { file -> [SynonymGroup] in
            let (groups, problems) = EntryDecoder.decodeSynonyms(file, today: today)
            diagnostics += problems
            return groups
        } ?? []

        let decoded = decodeAll(source.documents)
        var services: [Service] = []
        var organisations: [Organisation] = []
        var pages: [InformationPage] = []
        var facts: [EntryFacts] = []
        facts.reserveCapacity(decoded.count)
        for (entry, entryFacts, problems) in decoded {
            diagnostics += problems
            facts.append(entryFacts)
            switch entry {
            case .service(let service): services.append(service)
            case .organisation(let organisation): organisations.append(organisation)
            case .page(let page): pages.append(page)
            case nil: break
            }
        }

        let rules = CrossEntryRules(documents: source.documents, facts: facts, site: site, categoryIDs: categoryIDs)
        diagnostics += memo?.ruleFindings(rules) ?? rules.check()
        diagnostics.sort()

        // Links may point at any entry that will be published once its mistakes are fixed: drafts
        // never are. While site.yml cannot be read, the generated accessibility statement may exist.
        var linkTargets = Set(facts.filter { !$0.isDraft }.map(\.contentPath))
        if site == nil || site?.accessibility != nil {
            linkTargets.insert("pages/\(CrossEntryRules.generatedPageSlugs[0]).md")
        }
        return ContentValidation(
            site: site, services: services, organisations: organisations, pages: pages, glossary: glossary,
            synonyms: synonyms, linkTargets: linkTargets, drafts: Set(facts.filter(\.isDraft).map(\.contentPath)), diagnostics: diagnostics
        )
    }
}

extension ContentValidator {
    /// Every document decoded, in order. With a memo, the files it remembers unchanged are taken
    /// from it on this thread first, and only the others are decoded on every core: handing 10,000
    /// remembered entries between threads cost more than looking them up.
    func decodeAll(_ documents: [ContentDocument]) -> [EntryDecoder.Decoded] {
        let today = self.today
        guard let memo else { return documents.parallelMap { EntryDecoder.decode($0, today: today) } }
        var results = memo.unchanged(documents, today: today)
        let missing = results.indices.filter { results[$0] == nil }
        let decoded = missing.map { documents[$0] }.parallelMap { memo.decode($0, today: today) }
        for (index, result) in zip(missing, decoded) { results[index] = result }
        memo.sweep()
        return results.compactMap { $0 }
    }
}

/// What validation found in a content folder. Entries with a mistake are left out of the lists,
/// but still count in `linkTargets`; `content` is the site ready to publish, or nil.
public struct ContentValidation: Sendable {
    /// Nil when site.yml is missing or has a mistake.
    public var site: Site?
    /// Every valid service, published and draft, sorted by path.
    public var services: [Service]
    public var organisations: [Organisation]
    public var pages: [InformationPage]
    public var glossary: [GlossaryEntry]
    public var synonyms: [SynonymGroup]
    /// Every entry file a link between entries may name (`services/portage.md`), valid or not:
    /// a link to an entry with a mistake is not a broken link.
    public var linkTargets: Set<String>
    /// Every draft's file (`services/portage.md`): a link to one is broken, and said to be a draft's.
    public var drafts: Set<String> = []
    /// Every problem, sorted.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The whole site, ready to publish: nil while anything has an error.
    public var content: SiteContent? {
        guard !diagnostics.hasErrors, let site else { return nil }
        return SiteContent(
            site: site,
            services: services.filter { $0.status == .active },
            draftServices: services.filter { $0.status == .draft },
            organisations: organisations,
            pages: pages,
            glossary: glossary,
            synonyms: synonyms
        )
    }
}
