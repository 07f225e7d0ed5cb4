import LocalOfferContent
import LocalOfferDiagnostics
@testable import LocalOfferModel
import Testing

/// A default the catalogue states (schemas' `default`, the docs' "no (default …)") is what the
/// decoder uses when the key is left out.
@Suite("Field catalogue defaults")
struct CatalogueDefaultsTests {
    static let today = CatalogueDecoderAgreementTests.today

    /// How to read each defaulted field back from what the decoder made, by dotted path.
    static let serviceReaders: [String: @Sendable (Service) -> SampleValue] = [
        "level": { .text($0.level.rawValue) },
        "eligibility.needs": { .list($0.eligibility.needs.map { .text($0.rawValue) }) },
        "eligibility.diagnosis_required": { .boolean($0.eligibility.diagnosisRequired) },
        "eligibility.residence": { .text($0.eligibility.residence.rawValue) },
        "eligibility.audience": { .list($0.eligibility.audience.map { .text($0.rawValue) }) },
        "cost": { $0.cost.isFree ? .text("free") : .text("(charged)") },
        "personal_budget": { .boolean($0.personalBudget) },
        "status": { .text($0.status.rawValue) },
    ]

    static let siteReaders: [String: @Sendable (Site) -> SampleValue] = [
        "accessibility.response_days": { .integer($0.accessibility?.responseDays ?? -1) },
        "report_in_navigation": { .boolean($0.reportInNavigation) },
        "search.default_ignore_words": { .boolean($0.search.ignoreWords.starts(with: SearchSettings.defaultIgnoreWords)) },
    ]

    /// Every field with a default, by dotted path.
    static func defaults(_ shape: FieldShape, prefix: String = "") -> [(path: String, value: SampleValue)] {
        guard case .mapping(let mapping) = shape else {
            if case .list(let list) = shape { return defaults(list.item, prefix: prefix) }
            return []
        }
        return mapping.fields.flatMap { field -> [(path: String, value: SampleValue)] in
            var found = defaults(field.shape, prefix: prefix + field.name + ".")
            if case .optional(let value?) = field.presence { found.insert((prefix + field.name, value), at: 0) }
            return found
        }
    }

    /// The complete example document with one key left out, decoded by `read`.
    static func decodeWithout<Entry>(_ path: String, kind: CatalogueKind, _ read: (DecodingContext, Field) -> Entry?) throws -> Entry {
        let complete = try #require(kind.root.sample(complete: true))
        let document = complete.replacing(path.split(separator: ".").map { Step.key(String($0)) }[...], with: nil)
        let source = SourceText(path: "probe", text: document.yaml + "\n", firstLine: 2)
        let root = try #require(YAMLParsing.compose(source).0)
        let context = DecodingContext(path: "probe", firstLine: 2, today: today)
        let entry = read(context, Field(name: "", node: root, keyNode: nil))
        #expect(context.diagnostics.filter { $0.severity == .error }.isEmpty, "\(context.diagnostics.map(\.message))")
        return try #require(entry)
    }

    @Test("A service's defaults are the catalogue's")
    func serviceDefaults() throws {
        let found = Self.defaults(FieldCatalogue.service.root)
        #expect(Set(found.map(\.path)) == Set(Self.serviceReaders.keys), "a defaulted field without a reader here, or the reverse")
        for (path, value) in found {
            let reader = try #require(Self.serviceReaders[path])
            let service = try Self.decodeWithout(path, kind: FieldCatalogue.service) { context, field in
                let body = SourceText(path: "probe", text: "What it does.\n", firstLine: 4)
                return context.service(field, document: ContentDocument(kind: .service, slug: "probe", path: "probe", frontMatter: body, body: body))
            }
            #expect(reader(service) == value, "\(path): the decoder's default is \(reader(service).yaml), the catalogue's \(value.yaml)")
        }
    }

    @Test("The site's defaults are the catalogue's")
    func siteDefaults() throws {
        let found = Self.defaults(FieldCatalogue.site.root)
        #expect(Set(found.map(\.path)) == Set(Self.siteReaders.keys), "a defaulted field without a reader here, or the reverse")
        for (path, value) in found {
            let reader = try #require(Self.siteReaders[path])
            let site = try Self.decodeWithout(path, kind: FieldCatalogue.site) { context, field in context.site(field) }
            #expect(reader(site) == value, "\(path): the decoder's default is \(reader(site).yaml), the catalogue's \(value.yaml)")
        }
    }

    @Test("Only services and the site have defaults")
    func otherKindsHaveNone() {
        for kind in [FieldCatalogue.organisation, FieldCatalogue.page, FieldCatalogue.glossary, FieldCatalogue.synonyms] {
            #expect(Self.defaults(kind.root).isEmpty, "\(kind.id)")
        }
    }
}
