import Foundation
import LocalOfferDiagnostics

/// Reads a `content/` folder: `site.yml`, `glossary.yml`, `synonyms.yml` and the Markdown entries
/// under `services/`, `organisations/` and `pages/`. It reads text and splits front matter;
/// it interprets nothing, so everything it returns is plain, `Sendable` text.
///
/// ```swift
/// let (source, problems) = ContentLoader().load(from: "content")
/// ```
public struct ContentLoader: Sendable {
    public init() {}

    public func load(from root: String) -> (ContentSource, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error(
                .missingFile, "the content folder '\(root)' does not exist",
                at: nil, hint: "run from the site's folder, or name it with --content DIR"
            ))
            return (ContentSource(root: root, siteFile: nil, glossaryFile: nil, synonymsFile: nil, documents: []), diagnostics)
        }

        func readOptional(_ name: String) -> SourceText? {
            let path = Self.join(root, name)
            guard fileManager.fileExists(atPath: path) else { return nil }
            switch Self.readText(at: path) {
            case .success(let text): return SourceText(path: path, text: text)
            case .failure(let problem): diagnostics.append(problem); return nil
            }
        }

        let siteFile = readOptional("site.yml")
        if siteFile == nil, !diagnostics.contains(where: { $0.location?.path == Self.join(root, "site.yml") }) {
            diagnostics.append(.error(
                .missingFile, "'\(Self.join(root, "site.yml"))' is missing",
                at: nil, hint: "every site needs a site.yml with its name, council and categories"
            ))
        }
        let glossaryFile = readOptional("glossary.yml")
        let synonymsFile = readOptional("synonyms.yml")

        var documents: [ContentDocument] = []
        for kind in ContentKind.allCases {
            let folder = Self.join(root, kind.folder)
            let names = (try? fileManager.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                let path = Self.join(folder, name)
                let slug = String(name.dropLast(3))
                switch Self.readText(at: path) {
                case .failure(let problem):
                    diagnostics.append(problem)
                case .success(let text):
                    switch ContentDocument.split(text, path: path, kind: kind, slug: slug) {
                    case .success(let document): documents.append(document)
                    case .failure(let problem): diagnostics.append(problem)
                    }
                }
            }
        }
        let source = ContentSource(
            root: root, siteFile: siteFile, glossaryFile: glossaryFile, synonymsFile: synonymsFile,
            documents: documents
        )
        return (source, diagnostics)
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func readText(at path: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error(.unreadableFile, "the file could not be read", at: SourceLocation(path: path)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.error(
                .unreadableFile, "the file is not UTF-8 text", at: SourceLocation(path: path),
                hint: "save the file with UTF-8 encoding"
            ))
        }
        return .success(text)
    }
}
