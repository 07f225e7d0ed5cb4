/// The files written from the catalogue, relative to the repository root: the schemas whole, and
/// the generated sections of the docs between their marker comments (the prose around them is
/// hand-written and kept). `localoffer schema --write` writes them; `--check` and the catalogue
/// tests compare them.
public enum CatalogueFiles {
    public static let docsPath = "docs/content-format.md"

    public static func schemaPath(_ kind: CatalogueKind) -> String { "schema/\(kind.id).schema.json" }

    /// Every schema file and its generated text.
    public static var schemas: [(path: String, text: String)] {
        FieldCatalogue.kinds.map { (schemaPath($0), SchemaGenerator.schema(for: $0).text) }
    }

    public static func beginMarker(_ section: String) -> String {
        "<!-- BEGIN GENERATED: \(section). Edit Sources/LocalOfferModel/Catalogue/, then run `make schema`. -->"
    }

    public static func endMarker(_ section: String) -> String { "<!-- END GENERATED: \(section) -->" }

    public struct MissingSection: Error, CustomStringConvertible, Equatable {
        public let section: String
        public var description: String {
            "\(CatalogueFiles.docsPath) has no generated section '\(section)': it needs the lines\n\(CatalogueFiles.beginMarker(section))\n\(CatalogueFiles.endMarker(section))"
        }
    }

    /// The docs with each generated section replaced by the catalogue's text; the rest unchanged.
    public static func docs(updating text: String) -> Result<String, MissingSection> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for section in FieldTable.sections {
            guard let begin = lines.firstIndex(of: beginMarker(section.name)),
                  let end = lines[begin...].firstIndex(of: endMarker(section.name)) else {
                return .failure(MissingSection(section: section.name))
            }
            let body = section.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.replaceSubrange((begin + 1)..<end, with: body.last == "" ? body.dropLast() : body[...])
        }
        return .success(lines.joined(separator: "\n"))
    }
}
