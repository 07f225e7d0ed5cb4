import Foundation
import LocalOfferModel
import Testing

/// The committed schemas and the docs' field tables are the catalogue's output, byte for byte.
@Suite("Files generated from the field catalogue")
struct CatalogueFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func committed(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("Each schema file is the one the catalogue writes", arguments: CatalogueFiles.schemas.map(\.path))
    func schemaFileIsGenerated(path: String) throws {
        let expected = try #require(CatalogueFiles.schemas.first { $0.path == path }).text
        #expect(Self.committed(path) == expected, "\(path) differs from the field catalogue: run `make schema` and commit the result")
    }

    @Test("Every schema file in schema/ comes from the catalogue")
    func noSchemaFileIsHandWritten() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("schema").path)
            .filter { $0.hasSuffix(".schema.json") }.map { "schema/" + $0 }.sorted()
        #expect(files == CatalogueFiles.schemas.map(\.path).sorted())
    }

    @Test("The field tables in docs/content-format.md are the ones the catalogue writes")
    func docsTablesAreGenerated() throws {
        let docs = try #require(Self.committed(CatalogueFiles.docsPath))
        let expected = try CatalogueFiles.docs(updating: docs).get()
        #expect(docs == expected, "the field tables in \(CatalogueFiles.docsPath) differ from the field catalogue: run `make schema` and commit the result")
    }

    @Test("A docs file without a generated section is reported, not silently passed")
    func missingSectionIsReported() {
        guard case .failure(let missing) = CatalogueFiles.docs(updating: "# Content format\n") else {
            Issue.record("a docs file with no markers was accepted")
            return
        }
        #expect(missing.section == "service fields")
    }

    @Test("The generated text is the same on every run")
    func outputIsDeterministic() {
        #expect(CatalogueFiles.schemas.map(\.text) == CatalogueFiles.schemas.map(\.text))
        #expect(FieldTable.sections.map(\.text) == FieldTable.sections.map(\.text))
    }
}

/// Descriptions are written by hand; where one repeats a bound ("3 to 120 characters"), it must be
/// the bound the field's shape states, or editors would read one limit and be held to another.
@Suite("Field catalogue descriptions")
struct CatalogueDescriptionTests {
    static func fields(_ shape: FieldShape, prefix: String = "") -> [(path: String, field: CatalogueField)] {
        switch shape {
        case .mapping(let mapping):
            mapping.fields.flatMap { [(prefix + $0.name, $0)] + fields($0.shape, prefix: prefix + $0.name + ".") }
        case .list(let list): fields(list.item, prefix: prefix)
        case .either(let alternatives): alternatives.flatMap { fields($0.shape, prefix: prefix) }
        default: []
        }
    }

    static func bounds(_ shape: FieldShape) -> ClosedRange<Int>? {
        switch shape {
        case .text(let range), .plainText(let range), .word(let range), .integer(let range): range
        case .list(let list): bounds(list.item)
        case .mapping(let mapping):
            // A mapping whose keys share one range (an age range's min and max).
            Set(mapping.fields.compactMap { bounds($0.shape) }).count == 1 ? bounds(mapping.fields[0].shape) : nil
        default: nil
        }
    }

    @Test("A bound written in a description is the field's bound", arguments: FieldCatalogue.kinds.map(\.id))
    func boundsInDescriptionsAgree(id: String) throws {
        let kind = try #require(FieldCatalogue.kind(id))
        let pattern = /([0-9][0-9,]*) to ([0-9][0-9,]*)/
        for (path, field) in Self.fields(kind.root) {
            guard let match = field.description.firstMatch(of: pattern) else { continue }
            let written = (Int(match.1.replacing(",", with: "")), Int(match.2.replacing(",", with: "")))
            let range = try #require(Self.bounds(field.shape), "\(id).\(path) gives a range in words but has none")
            #expect(written.0 == range.lowerBound && written.1 == range.upperBound,
                    "\(id).\(path): the description says \(match.0), the shape \(range)")
        }
    }
}
