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
                    .body: item.body.plainText + " " + (service.eligibility.criteria ?? ""),
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
                fields: [.title: entry.term, .tags: entry.aliases.joined(separator: " "), .body: entry.meaning]
            )
        }
        return documents
    }

    /// synonyms.yml groups, and each glossary entry's term with its aliases.
    static func synonymGroups(_ items: SiteItems) -> [[String]] {
        items.synonyms.map(\.phrases)
            + items.glossary.filter { !$0.aliases.isEmpty }.map { [$0.term.lowercased()] + $0.aliases.map { $0.lowercased() } }
    }
}
