import LocalOfferContent
import LocalOfferDiagnostics
import Yams

extension DecodingContext {
    func organisation(_ root: Field, document: ContentDocument) -> Organisation? {
        let errorsBefore = diagnostics.errorCount
        guard let fields = mapping(root, of: FieldCatalogue.organisationFields) else { return nil }
        let name = fields.required("name").flatMap(boundedText)
        let type = fields.optional("type").flatMap { choice($0, of: OrganisationType.self) }
        let website = fields.optional("website").flatMap(self.website)
        let contact = fields.required("contact").flatMap(self.contact)
        guard diagnostics.errorCount == errorsBefore, let name, let contact else { return nil }
        var organisation = Organisation(
            slug: document.slug, sourcePath: document.path, name: name, type: type, website: website,
            contact: contact, body: MarkdownSource(text: document.body.text, firstLine: document.body.firstLine)
        )
        organisation.fieldLocations = FieldLocations(fieldLocations)
        return organisation
    }

    func page(_ root: Field, document: ContentDocument) -> InformationPage? {
        let errorsBefore = diagnostics.errorCount
        guard let fields = mapping(root, of: FieldCatalogue.pageFields) else { return nil }
        let title = fields.required("title").flatMap(boundedText)
        let summary = fields.required("summary").flatMap(boundedText)
        let order = fields.optional("order").flatMap(boundedInteger)
        let lastReviewed = fields.required("last_reviewed").flatMap(pastDate)
        guard diagnostics.errorCount == errorsBefore, let title, let summary, let lastReviewed else { return nil }
        var page = InformationPage(
            slug: document.slug, sourcePath: document.path, title: title, summary: summary, order: order,
            lastReviewed: lastReviewed,
            body: MarkdownSource(text: document.body.text, firstLine: document.body.firstLine)
        )
        page.fieldLocations = FieldLocations(fieldLocations)
        return page
    }

    func glossary(_ root: Field) -> [GlossaryEntry] {
        var root = root
        root.shape = FieldCatalogue.glossary.root
        guard let items = list(root) else { return [] }
        var entries: [GlossaryEntry] = []
        var seen: [String: Field] = [:]
        for item in items {
            guard let fields = mapping(item, of: FieldCatalogue.glossaryEntry) else { continue }
            let termField = fields.required("term")
            let term = termField.flatMap(boundedText)
            let meaning = fields.required("meaning").flatMap(boundedText)
            let aliases = fields.optional("aliases").flatMap { aliasesField -> [String]? in
                list(aliasesField).map { $0.compactMap(boundedText) }
            } ?? []
            guard let term, let meaning, let termField else { continue }
            if let earlier = seen[term.lowercased()] {
                error(.duplicateGlossaryTerm, "the glossary term '\(term)' is already defined at line \(location(of: earlier.node).line)",
                      at: termField.node, hint: "merge the two meanings into one entry")
                continue
            }
            seen[term.lowercased()] = termField
            entries.append(GlossaryEntry(term: term, meaning: meaning, aliases: aliases))
        }
        return entries
    }

    func synonyms(_ root: Field) -> [SynonymGroup] {
        var root = root
        root.shape = FieldCatalogue.synonyms.root
        guard let items = list(root) else { return [] }
        return items.compactMap { item in
            guard let phrases = list(item) else { return nil }
            let words = phrases.compactMap(boundedText).map { $0.lowercased() }
            guard words.count == phrases.count else { return nil }
            guard words.count >= item.shape?.listShape?.minItems ?? 2 else {
                error(.emptyList, "'\(item.name)' has one phrase; a synonym group needs at least two", at: item.node)
                return nil
            }
            return SynonymGroup(phrases: words)
        }
    }
}
