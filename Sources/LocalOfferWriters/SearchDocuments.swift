import LocalOfferModel
import LocalOfferSearch
import LocalOfferSite

/// What the search index holds, in the order results are numbered: services by title (so a
/// filter-only search lists them alphabetically), then information pages, then glossary entries.
enum SearchDocuments {
    static func make(_ items: SiteItems) -> [SearchDocument] {
        let urls = items.urls
        var documents = items.services.map { item in
            let service = item.entry
            let organisation = items.organisationName(service.organisation)
            return SearchDocument(
                kind: .service, url: item.url, title: service.title, summary: service.summary,
                fields: [
                    .title: service.title,
                    .tags: service.tags.joined(separator: " "),
                    .summary: service.summary,
                    .organisation: organisation,
                    .body: [item.body.plainText, service.eligibility.criteria ?? "", facts(service)].joined(separator: " "),
                ],
                service: service, organisationName: organisation
            )
        }
        documents += items.pages.sorted { $0.entry.title.lowercased() < $1.entry.title.lowercased() }.map { item in
            let page = item.entry
            return SearchDocument(
                kind: .page, url: item.url, title: page.title, summary: page.summary,
                fields: [.title: page.title, .summary: page.summary, .body: item.body.plainText]
            )
        }
        documents += items.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }.map { entry in
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

    /// The index builder for a site: its documents, its vocabulary (synonyms.yml's related words,
    /// the glossary's names of one thing) and the words its queries ignore (site.yml `search:`).
    static func indexBuilder(_ items: SiteItems) -> SearchIndexBuilder {
        SearchIndexBuilder(
            documents: make(items),
            synonyms: SearchVocabulary.groups(synonyms: items.synonyms),
            equivalents: SearchVocabulary.equivalents(glossary: items.glossary),
            ignoreWords: items.site.search.ignoreWords
        )
    }
}
