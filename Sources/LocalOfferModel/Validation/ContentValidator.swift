import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferParallel

/// Turns the loaded content into a validated `SiteContent`, reporting every problem in every file.
/// Files decode in parallel; the rules that compare entries run afterwards in one pass.
///
/// ```swift
/// let (content, diagnostics) = ContentValidator(today: LocalDate(iso: "2026-11-23")!).validate(source)
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
        var diagnostics: [Diagnostic] = []
        let today = self.today

        let site = source.siteFile.map { file -> Site? in
            let (site, problems) = EntryDecoder.decodeSite(file, today: today)
            diagnostics += problems
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

        let memo = self.memo
        let decoded = source.documents.parallelMap { document in
            memo?.decode(document, today: today) ?? EntryDecoder.decode(document, today: today)
        }
        memo?.sweep()
        var services: [Service] = []
        var organisations: [Organisation] = []
        var pages: [InformationPage] = []
        for (entry, problems) in decoded {
            diagnostics += problems
            switch entry {
            case .service(let service): services.append(service)
            case .organisation(let organisation): organisations.append(organisation)
            case .page(let page): pages.append(page)
            case nil: break
            }
        }

        let rules = CrossEntryRules(
            documents: source.documents, site: site, services: services, organisations: organisations, pages: pages
        )
        diagnostics += rules.check()
        diagnostics.sort()

        guard !diagnostics.hasErrors, let site else { return (nil, diagnostics) }
        let content = SiteContent(
            site: site,
            services: services.filter { $0.status == .active },
            draftServices: services.filter { $0.status == .draft },
            organisations: organisations,
            pages: pages,
            glossary: glossary,
            synonyms: synonyms
        )
        return (content, diagnostics)
    }
}
