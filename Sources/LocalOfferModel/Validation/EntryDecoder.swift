import LocalOfferContent
import LocalOfferDiagnostics
import Yams

/// Decodes one file's YAML into a typed entry. Pure and independent per file, so files decode in parallel.
enum EntryDecoder {
    enum Entry: Sendable {
        case service(Service)
        case organisation(Organisation)
        case page(InformationPage)
    }

    static func decode(_ document: ContentDocument, today: LocalDate) -> (Entry?, [Diagnostic]) {
        let (root, syntaxProblems) = YAMLParsing.compose(document.frontMatter)
        if !syntaxProblems.isEmpty { return (nil, syntaxProblems) }
        let context = DecodingContext(path: document.path, firstLine: document.frontMatter.firstLine, today: today)
        let field = Field(name: "", node: root ?? Node.mapping(Node.Mapping([])), keyNode: nil)
        let entry: Entry?
        switch document.kind {
        case .service: entry = context.service(field, document: document).map(Entry.service)
        case .organisation: entry = context.organisation(field, document: document).map(Entry.organisation)
        case .page: entry = context.page(field, document: document).map(Entry.page)
        }
        return (entry, context.diagnostics)
    }

    static func decodeSite(_ source: SourceText, today: LocalDate) -> (Site?, [Diagnostic]) {
        decodeYAMLFile(source, rootName: "", today: today) { context, field in context.site(field) }
    }

    static func decodeGlossary(_ source: SourceText, today: LocalDate) -> ([GlossaryEntry], [Diagnostic]) {
        let (entries, diagnostics) = decodeYAMLFile(source, rootName: "glossary", today: today) { context, field in context.glossary(field) }
        return (entries ?? [], diagnostics)
    }

    static func decodeSynonyms(_ source: SourceText, today: LocalDate) -> ([SynonymGroup], [Diagnostic]) {
        let (groups, diagnostics) = decodeYAMLFile(source, rootName: "synonyms", today: today) { context, field in context.synonyms(field) }
        return (groups ?? [], diagnostics)
    }

    private static func decodeYAMLFile<Value>(
        _ source: SourceText, rootName: String, today: LocalDate, _ read: (DecodingContext, Field) -> Value?
    ) -> (Value?, [Diagnostic]) {
        let (root, syntaxProblems) = YAMLParsing.compose(source)
        if !syntaxProblems.isEmpty { return (nil, syntaxProblems) }
        let context = DecodingContext(path: source.path, firstLine: source.firstLine, today: today)
        let empty = rootName.isEmpty ? Node.mapping(Node.Mapping([])) : Node.sequence(Node.Sequence([]))
        let field = Field(name: rootName, node: root ?? empty, keyNode: nil)
        let value = read(context, field)
        return (value, context.diagnostics)
    }
}
