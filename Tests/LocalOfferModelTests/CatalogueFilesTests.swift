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
