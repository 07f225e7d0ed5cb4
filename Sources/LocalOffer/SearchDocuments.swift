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
                    .body: (bodies["services/\(service.slug).md"]?.plainText ?? "") + " " + (service.eligibility.criteria ?? ""),
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
