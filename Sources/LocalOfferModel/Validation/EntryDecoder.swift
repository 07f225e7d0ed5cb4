import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferText
import Yams

/// Decodes one file's YAML into a typed entry. Pure and independent per file, so files decode in parallel.
enum EntryDecoder {
    enum Entry: Sendable {
        case service(Service)
        case organisation(Organisation)
        case page(InformationPage)
    }

    /// The entry, when it is valid; the facts the rules between entries need, always; and every
    /// problem in the file, placeholders in its body included.
    /// What one file decodes to: the entry (nil when it has an error), what the rules between
    /// entries read of it, and its problems.
    typealias Decoded = (Entry?, EntryFacts, [Diagnostic])

    static func decode(_ document: ContentDocument, today: LocalDate) -> Decoded {
        let bodyProblems = bodyPlaceholders(document.body)
        let (root, syntaxProblems) = YAMLParsing.compose(document.frontMatter)
        if !syntaxProblems.isEmpty {
            return (nil, EntryFacts(document: document, root: nil, isReadable: false), syntaxProblems + bodyProblems)
        }
        let facts = EntryFacts(document: document, root: root, isReadable: true)
        let context = DecodingContext(path: document.path, firstLine: document.frontMatter.firstLine, today: today)
        let field = Field(name: "", node: root ?? Node.mapping(Node.Mapping([])), keyNode: nil)
        let entry: Entry?
        switch document.kind {
        case .service: entry = context.service(field, document: document).map(Entry.service)
        case .organisation: entry = context.organisation(field, document: document).map(Entry.organisation)
        case .page: entry = context.page(field, document: document).map(Entry.page)
        }
        return (entry, facts, context.diagnostics + bodyProblems)
    }

    /// LO801 for the first placeholder on each line of a Markdown body, outside code. Lines are cut
    /// on UTF-8 bytes: every body of a large site passes through here.
    static func bodyPlaceholders(_ body: SourceText) -> [Diagnostic] {
        // Most bodies have no marker word at all: one scan of the whole text settles that.
        let hasMarker = Placeholders.find(in: body.text) != nil
        var problems: [Diagnostic] = []
        var fence: [UInt8]?
        let space = UInt8(ascii: " ")
        for (index, bytes) in body.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let trimmed = bytes.drop(while: { $0 == space })
            if let open = fence {
                if trimmed.starts(with: open) { fence = nil }
                continue
            }
            if trimmed.starts(with: "```".utf8) || trimmed.starts(with: "~~~".utf8) {
                fence = Array(trimmed.prefix(3))
                continue
            }
            let line = Substring(bytes)
            if let instruction = Placeholders.instruction(startingLine: line) {
                let location = SourceLocation(path: body.path, line: body.firstLine + index, column: instruction.offset + 1)
                problems.append(Placeholders.diagnostic(instruction, field: nil, at: location))
                continue
            }
            guard hasMarker, Placeholders.find(in: String(line)) != nil else { continue }
            // Text in `code` is shown as written, as an example; leave it alone.
            let prose = line.split(separator: "`", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset % 2 == 0 ? String($0.element) : String(repeating: " ", count: $0.element.count + 2) }
                .joined()
            guard let match = Placeholders.find(in: prose) else { continue }
            let location = SourceLocation(path: body.path, line: body.firstLine + index, column: match.offset + 1)
            problems.append(Placeholders.diagnostic(match, field: nil, at: location))
        }
        return problems
    }

    /// The site, when valid; and the category ids as written, so that services can still be checked
    /// against them when another part of site.yml has a mistake (nil when they cannot be read).
    static func decodeSite(_ source: SourceText, today: LocalDate) -> (Site?, categoryIDs: [String]?, [Diagnostic]) {
        let (root, syntaxProblems) = YAMLParsing.compose(source)
        if !syntaxProblems.isEmpty { return (nil, nil, syntaxProblems) }
        let context = DecodingContext(path: source.path, firstLine: source.firstLine, today: today)
        let site = context.site(Field(name: "", node: root ?? Node.mapping(Node.Mapping([])), keyNode: nil))
        if let site { return (site, site.categories.map(\.id), context.diagnostics) }
        guard case .mapping(let mapping)? = root, case .sequence(let items)? = mapping["categories"] else {
            return (nil, nil, context.diagnostics)
        }
        let ids = items.compactMap { item -> String? in
            guard case .mapping(let category) = item, case .scalar(let id)? = category["id"] else { return nil }
            return id.string.trimmingWhitespace()
        }
        return (nil, ids, context.diagnostics)
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
