import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
@testable import LocalOfferModel
import Testing

/// The field catalogue against the decoder. From the catalogue alone, each test writes documents
/// (its examples, then one field changed at a time: a bound and one past it, every allowed word and
/// one not allowed, a required key removed, an unknown key added) and decodes them: the decoder
/// must accept and refuse exactly what the catalogue says. A key the decoder reads that the
/// catalogue does not list stops the run (MappingReader asserts), and a key the catalogue lists
/// that the decoder never reads is reported (it would be accepted and ignored).
@Suite("Field catalogue and decoder agree")
struct CatalogueDecoderAgreementTests {
    static let today = LocalDate(iso: "2026-11-23")!

    /// The errors (not warnings) the decoder reports for a document of this kind.
    static func errors(_ kind: CatalogueKind, _ document: SampleValue) -> [Diagnostic] {
        decode(kind, document).errors
    }

    /// The decoder's errors, and the keys it read (dotted, without list positions: `locations.name`).
    static func decode(_ kind: CatalogueKind, _ document: SampleValue) -> (errors: [Diagnostic], read: Set<String>) {
        let path = kind.id == "service" ? "services/probe.md" : "\(kind.id).yml"
        let source = SourceText(path: path, text: document.yaml + "\n", firstLine: 2)
        let (root, syntaxProblems) = YAMLParsing.compose(source)
        guard syntaxProblems.isEmpty, let root else {
            return (syntaxProblems.isEmpty ? [.error(.yamlSyntax, "nothing to decode", at: nil)] : syntaxProblems, [])
        }
        let context = DecodingContext(path: path, firstLine: 2, today: today)
        let field = Field(name: "", node: root, keyNode: nil)
        let body = SourceText(path: path, text: "What it does and how to get it.\n", firstLine: 4)
        func entry(_ kind: ContentKind) -> ContentDocument {
            ContentDocument(kind: kind, slug: "probe", path: path, frontMatter: source, body: body)
        }
        switch kind.id {
        case "service": _ = context.service(field, document: entry(.service))
        case "organisation": _ = context.organisation(field, document: entry(.organisation))
        case "page": _ = context.page(field, document: entry(.page))
        case "site": _ = context.site(field)
        case "glossary": _ = context.glossary(field)
        case "synonyms": _ = context.synonyms(field)
        default: context.error(.missingFile, "no decoder for the kind '\(kind.id)'", at: nil)
        }
        let read = context.fieldLocations.keys.map { name in
            name.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
                .split(separator: ".").joined(separator: ".")
        }
        return (context.diagnostics.filter { $0.severity == .error }, Set(read))
    }

    // MARK: Documents

    @Test("The required fields alone decode", arguments: FieldCatalogue.kinds.map(\.id))
    func minimalDocumentDecodes(id: String) throws {
        let kind = try #require(FieldCatalogue.kind(id))
        let document = try #require(kind.root.sample(complete: false), "a required field has no example")
        let errors = Self.errors(kind, document)
        #expect(errors.isEmpty, "\(document.yaml)\n\(errors.map(\.message))")
    }

    @Test("Every field, each with its example, decodes", arguments: FieldCatalogue.kinds.map(\.id))
    func completeDocumentDecodes(id: String) throws {
        let kind = try #require(FieldCatalogue.kind(id))
        let document = try #require(kind.root.sample(complete: true), "a field has no example")
        let errors = Self.errors(kind, document)
        #expect(errors.isEmpty, "\(document.yaml)\n\(errors.map(\.message))")
    }

    @Test("A draft may leave out every field required only to publish")
    func draftMayLeaveOutWhatPublishingNeeds() throws {
        let kind = FieldCatalogue.service
        let draft = try #require(kind.draft)
        let errors = Self.errors(kind, .mapping([SampleEntry(draft.field, .text(draft.value))]))
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }

    @Test("Each field, varied one at a time, is accepted or refused as the catalogue says", arguments: FieldCatalogue.kinds.map(\.id))
    func variationsAgree(id: String) throws {
        let kind = try #require(FieldCatalogue.kind(id))
        let document = try #require(kind.root.sample(complete: true))
        var probes = Probes()
        probes.probe(kind.root, at: [], in: document)
        probes.rules(kind, in: document)
        #expect(probes.all.count > 5)
        var disagreements: [String] = []
        var read: Set<String> = []
        for probe in probes.all {
            let (errors, keys) = Self.decode(kind, probe.document)
            if errors.isEmpty { read.formUnion(keys) }
            switch probe.expected {
            case .accepted where !errors.isEmpty:
                disagreements.append("\(probe.name): expected no error, got \(errors.map { "\($0.code.rawValue) \($0.message)" })")
            case .refused(let code) where errors.isEmpty || (code != nil && !errors.contains { $0.code == code }):
                disagreements.append("\(probe.name): expected \(code?.rawValue ?? "an error"), got \(errors.map { "\($0.code.rawValue) \($0.message)" })")
            default: break
            }
        }
        #expect(disagreements.isEmpty, "the field catalogue and the decoder disagree on \(kind.id):\n\(disagreements.joined(separator: "\n"))")
        // A key the catalogue allows but the decoder never reads would be accepted and silently ignored.
        let unread = Self.paths(kind.root, prefix: "").filter { !read.contains($0) }
        #expect(unread.isEmpty, "\(kind.id): the catalogue lists keys the decoder never reads: \(unread)")
    }

    @Test("The probes cover every field of every kind")
    func probesReachEveryField() throws {
        for kind in FieldCatalogue.kinds {
            var probes = Probes()
            probes.probe(kind.root, at: [], in: try #require(kind.root.sample(complete: true)))
            let touched = Set(probes.all.map(\.field))
            let missing = Self.paths(kind.root, prefix: "").filter { !touched.contains($0) }
            #expect(missing.isEmpty, "\(kind.id): no probe for \(missing)")
        }
    }

    static func paths(_ shape: FieldShape, prefix: String) -> [String] {
        switch shape {
        case .mapping(let mapping): mapping.fields.flatMap { [prefix + $0.name] + paths($0.shape, prefix: prefix + $0.name + ".") }
        case .list(let list): paths(list.item, prefix: prefix)
        case .either(let alternatives): alternatives.flatMap { paths($0.shape, prefix: prefix) }
        default: []
        }
    }
}

/// One changed document and what the decoder should make of it.
struct Probe {
    enum Expected { case accepted, refused(DiagnosticCode?) }
    var field: String
    var name: String
    var document: SampleValue
    var expected: Expected
}

enum Step: CustomStringConvertible {
    case key(String), index(Int)
    var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

extension SampleValue {
    /// This value with the one at `path` replaced (nil: removed).
    func replacing(_ path: ArraySlice<Step>, with new: SampleValue?) -> SampleValue {
        guard let step = path.first else { return new ?? self }
        let rest = path.dropFirst()
        switch (self, step) {
        case (.mapping(var entries), .key(let key)):
            let index = entries.firstIndex { $0.key == key }
            if rest.isEmpty {
                if let index { entries.remove(at: index) }
                if let new { entries.insert(SampleEntry(key, new), at: index ?? entries.endIndex) }
            } else if let index {
                entries[index] = SampleEntry(key, entries[index].value.replacing(rest, with: new))
            }
            return .mapping(entries)
        case (.list(var items), .index(let index)) where items.indices.contains(index):
            if rest.isEmpty {
                if let new { items[index] = new } else { items.remove(at: index) }
            } else {
                items[index] = items[index].replacing(rest, with: new)
            }
            return .list(items)
        default:
            return self
        }
    }

    func value(at path: ArraySlice<Step>) -> SampleValue? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.mapping(let entries), .key(let key)): return entries.first { $0.key == key }?.value.value(at: path.dropFirst())
        case (.list(let items), .index(let index)) where items.indices.contains(index): return items[index].value(at: path.dropFirst())
        default: return nil
        }
    }
}

/// Writes the variations of a document that the catalogue predicts an answer for.
struct Probes {
    var all: [Probe] = []

    static func fieldName(_ path: [Step]) -> String {
        path.compactMap { if case .key(let key) = $0 { key } else { nil } }.joined(separator: ".")
    }

    mutating func add(_ path: [Step], _ what: String, _ document: SampleValue, _ new: SampleValue?, _ expected: Probe.Expected) {
        let name = path.map(\.description).joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + ": " + what
        all.append(Probe(field: Self.fieldName(path), name: name, document: document.replacing(path[...], with: new), expected: expected))
    }

    /// A value of the shape, for shapes without examples of their own (a word of a vocabulary).
    static func anyValue(_ shape: FieldShape) -> SampleValue? {
        switch shape {
        case .choice(let values): values.first.map(SampleValue.text)
        case .constant(let value): .text(value)
        default: shape.sample(complete: true)
        }
    }

    /// `alone` is false for an alternative of an `either`: a value of another shape is then the other alternative.
    mutating func probe(_ shape: FieldShape, at path: [Step], in document: SampleValue, alone: Bool = true) {
        switch shape {
        case .text(let length), .plainText(let length):
            let a = { (count: Int) in SampleValue.text(String(repeating: "a", count: count)) }
            add(path, "shortest", document, a(length.lowerBound), .accepted)
            add(path, "longest", document, a(length.upperBound), .accepted)
            if length.lowerBound > 0 { add(path, "too short", document, a(length.lowerBound - 1), .refused(.textLength)) }
            add(path, "too long", document, a(length.upperBound + 1), .refused(.textLength))
            if case .plainText = shape {
                add(path, "Markdown", document, .text("**" + String(repeating: "a", count: length.lowerBound) + "**"), .refused(.markdownInPlainText))
            }
        case .word(let length):
            add(path, "one word", document, .text(String(repeating: "a", count: length.upperBound)), .accepted)
            add(path, "too long", document, .text(String(repeating: "a", count: length.upperBound + 1)), .refused(.textLength))
            add(path, "two words", document, .text("two words"), .refused(.valueNotAllowed))
        case .integer(let range):
            add(path, "lowest", document, .integer(range.lowerBound), .accepted)
            add(path, "highest", document, .integer(range.upperBound), .accepted)
            add(path, "below", document, .integer(range.lowerBound - 1), .refused(.numberOutOfRange))
            add(path, "above", document, .integer(range.upperBound + 1), .refused(.numberOutOfRange))
            add(path, "not a number", document, .text("many"), .refused(.wrongType))
        case .amount(let below):
            add(path, "nothing", document, .decimal("0"), .accepted)
            add(path, "largest", document, .decimal("\(below - 1).99"), .accepted)
            add(path, "too large", document, .decimal("\(below)"), .refused(.invalidAmount))
            add(path, "negative", document, .decimal("-1"), .refused(.invalidAmount))
            add(path, "three decimal places", document, .decimal("1.234"), .refused(.invalidAmount))
        case .boolean:
            add(path, "true", document, .boolean(true), .accepted)
            add(path, "false", document, .boolean(false), .accepted)
            add(path, "not a boolean", document, .text("maybe"), .refused(.wrongType))
        case .value(let format):
            let (bad, code) = Self.invalid(format)
            add(path, "not a \(format.rawValue)", document, .text(bad), .refused(code))
            if format == .date { add(path, "a future date", document, .text("2099-01-01"), .accepted) }
        case .pastDate:
            add(path, "a future date", document, .text("2099-01-01"), .refused(.dateInFuture))
            add(path, "today", document, .text(CatalogueDecoderAgreementTests.today.description), .accepted)
            add(path, "not a date", document, .text("2026-02-30"), .refused(.invalidDate))
        case .reference:
            // That the entry exists is checked between entries, after decoding: any text decodes.
            add(path, "any name", document, .text("no-such-entry"), .accepted)
        case .choice(let values):
            for value in values { add(path, "'\(value)'", document, .text(value), .accepted) }
            add(path, "a word not in the vocabulary", document, .text("zz-not-allowed"), .refused(.valueNotAllowed))
        case .constant(let value):
            add(path, "'\(value)'", document, .text(value), .accepted)
            add(path, "another word", document, .text("zz-not-allowed"), .refused(.valueNotAllowed))
        case .list(let list):
            guard let current = document.value(at: path[...]), case .list(let items) = current, let item = items.first else {
                add(path, "no list in the example", document, nil, .refused(nil))
                return
            }
            if list.minItems > 0 {
                add(path, "fewer than \(list.minItems)", document, .list(Array(repeating: item, count: list.minItems - 1)), .refused(.emptyList))
            }
            if list.unique { add(path, "an item twice", document, .list([item, item]), .refused(.duplicateListItem)) }
            if alone { add(path, "not a list", document, .mapping([SampleEntry("zz", .text("x"))]), .refused(.wrongType)) }
            // One item, so that a word given to it cannot repeat another item's.
            let single = list.minItems <= 1 ? document.replacing(path[...], with: .list([item])) : document
            probe(list.item, at: path + [.index(0)], in: single)
        case .mapping(let mapping):
            if alone { add(path, "not a mapping", document, .text("x"), .refused(.wrongType)) }
            add(path + [.key("zz_not_a_field")], "an unknown key", document, .text("x"), .refused(.unknownKey))
            for field in mapping.fields {
                let fieldPath = path + [.key(field.name)]
                add(fieldPath, "left out", document, nil, field.presence.isRequired ? .refused(.missingKey) : .accepted)
                probe(field.shape, at: fieldPath, in: document)
            }
            if !mapping.atLeastOneOf.isEmpty {
                let without = mapping.atLeastOneOf.reduce(document) { $0.replacing((path + [.key($1)])[...], with: nil) }
                add(path, "none of \(mapping.atLeastOneOf)", without, without.value(at: path[...]), .refused(nil))
            }
        case .either(let alternatives):
            for alternative in alternatives {
                guard let value = Self.anyValue(alternative.shape) else {
                    add(path, "an alternative without an example", document, nil, .refused(nil))
                    continue
                }
                let changed = document.replacing(path[...], with: value)
                add(path, "the alternative '\(alternative.description)'", changed, value, .accepted)
                probe(alternative.shape, at: path, in: changed, alone: false)
            }
        }
    }

    /// A value each format's value type refuses, and the code it is refused with.
    static func invalid(_ format: ValueFormat) -> (String, DiagnosticCode) {
        switch format {
        case .plainText: ("**bold**", .markdownInPlainText)
        case .slug: ("Not A Slug", .invalidSlug)
        case .date: ("2026-02-30", .invalidDate)
        case .time: ("25:00", .invalidTime)
        case .phone: ("12345", .invalidPhone)
        case .email: ("nobody", .invalidEmail)
        case .webAddress: ("javascript:alert(1)", .unsafeWebsite)
        case .postcode: ("KM2", .invalidPostcode)
        case .languageTag: ("British Sign Language", .invalidLanguageTag)
        }
    }

    /// Each conditional requirement: with the condition met and the field left out, the decoder refuses.
    mutating func rules(_ kind: CatalogueKind, in document: SampleValue) {
        for rule in kind.rules {
            let requiredPath = rule.required.map(Step.key)
            let whenPath = rule.when.map(Step.key)
            for match in rule.matches {
                let value: SampleValue?
                switch match {
                case .equals(let word): value = .text(word)
                case .isMapping: value = Self.mappingAlternative(of: kind.root, at: rule.when)
                }
                guard let value else {
                    add(whenPath, "no mapping to test \(rule.description)", document, nil, .refused(nil))
                    continue
                }
                let met = document.replacing(whenPath[...], with: value)
                add(requiredPath, "left out when \(rule.when.joined(separator: ".")) is \(value.yaml)", met, nil, .refused(.criteriaRequired))
            }
        }
    }

    static func mappingAlternative(of shape: FieldShape, at path: [String]) -> SampleValue? {
        guard let first = path.first, case .mapping(let mapping) = shape, let field = mapping[first] else { return nil }
        if path.count > 1 { return mappingAlternative(of: field.shape, at: Array(path.dropFirst())) }
        guard case .either(let alternatives) = field.shape else { return nil }
        return alternatives.lazy.compactMap { alternative -> SampleValue? in
            guard case .mapping = alternative.shape else { return nil }
            return alternative.shape.sample(complete: true)
        }.first
    }
}
