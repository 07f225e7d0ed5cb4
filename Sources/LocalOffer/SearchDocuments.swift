import LocalOfferMarkdown
import LocalOfferModel
import LocalOfferRendering
import LocalOfferSearch

/// What the search index holds, in the order results are numbered: services by title (so a
/// filter-only search lists them alphabetically), then information pages, then glossary entries.
enum SearchDocuments {
    static func make(_ content: SiteContent, bodies: [String: RenderedMarkdown], urls: SiteURLs) -> [SearchDocument] {
        let organisations = content.organisationNamesBySlug()
        let services = content.services.sorted(by: Service.byTitle)
        var documents = services.map { service in
            let organisation = organisations[service.organisation] ?? service.organisation
            return SearchDocument(
                kind: .service, url: urls.service(service.slug), title: service.title, summary: service.summary,
                fields: [
                    .title: service.title,
                    .tags: service.tags.joined(separator: " "),
                    .summary: service.summary,
                    .organisation: organisation,
                    .body: [bodies["services/\(service.slug).md"]?.plainText ?? "", service.eligibility.criteria ?? "", facts(service)]
                        .joined(separator: " "),
                ],
                service: service, organisationName: organisation
            )
        }
        documents += content.pages.sorted { $0.title.lowercased() < $1.title.lowercased() }.map { page in
            SearchDocument(
                kind: .page, url: urls.page(page.slug), title: page.title, summary: page.summary,
                fields: [.title: page.title, .summary: page.summary, .body: bodies["pages/\(page.slug).md"]?.plainText ?? ""]
            )
        }
        documents += content.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }.map { entry in
            SearchDocument(
                kind: .glossary, url: urls.glossaryTerm(entry.anchor), title: entry.term, summary: entry.meaning,
                fields: [.title: entry.term, .tags: entry.aliases.joined(separator: " "), .body: entry.meaning],
                alsoKnownAs: entry.aliases
            )
        }
        return documents
    }

    /// The key facts a service page shows that families search for in words ("waiting list",
    /// "BSL", "changing places"), as the page says them.
    static func facts(_ service: Service) -> String {
        var facts: [String] = []
        if let wait = service.waitingTime { facts.append("Waiting list: about \(wait.weeks) weeks.") }
        if service.eligibility.allowsSelfReferral { facts.append("You can ask for it yourself.") }
        if service.cost.isFree { facts.append("Free.") }
        if service.personalBudget { facts.append("You can use a personal budget.") }
        let languages = service.languages.filter { $0.value.lowercased() != "en" }.map(\.englishName)
        if !languages.isEmpty { facts.append("Languages: " + languages.joined(separator: ", ") + ".") }
        let access = Set(service.locations.flatMap(\.accessibility)).sorted { $0.rawValue < $1.rawValue }.map(\.title)
        if !access.isEmpty { facts.append("Access: " + access.joined(separator: ", ") + ".") }
        return facts.joined(separator: " ")
    }

    /// The index builder for a site: its documents, its vocabulary and the words its queries ignore.
    static func indexBuilder(_ content: SiteContent, bodies: [String: RenderedMarkdown], urls: SiteURLs) -> SearchIndexBuilder {
        SearchIndexBuilder(
            documents: make(content, bodies: bodies, urls: urls),
            synonyms: SearchVocabulary.groups(synonyms: content.synonyms),
            equivalents: SearchVocabulary.equivalents(glossary: content.glossary),
            ignoreWords: content.site.search.ignoreWords
        )
    }
}
