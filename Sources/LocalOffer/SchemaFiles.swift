import Foundation
import LocalOfferModel

/// `localoffer schema`: the files written from the field catalogue (schema/*.schema.json and the
/// field tables of docs/content-format.md), compared with or written into a repository checkout.
public struct SchemaFiles: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public enum Problem: Error, CustomStringConvertible {
        case unreadable(String)
        case unwritable(String, String)
        case missingSection(CatalogueFiles.MissingSection)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
            case .missingSection(let missing): missing.description
            }
        }
    }

    /// Every generated file with the text it should have, relative to the root.
    public func expected() -> Result<[(path: String, text: String)], Problem> {
        let docsPath = root + "/" + CatalogueFiles.docsPath
        guard let docs = try? String(contentsOfFile: docsPath, encoding: .utf8) else {
            return .failure(.unreadable(docsPath))
        }
        switch CatalogueFiles.docs(updating: docs) {
        case .failure(let missing): return .failure(.missingSection(missing))
        case .success(let text): return .success(CatalogueFiles.schemas + [(CatalogueFiles.docsPath, text)])
        }
    }

    /// The files whose text differs from the catalogue's (a missing file differs).
    public func outdated() -> Result<[String], Problem> {
        expected().map { files in
            files.filter { (try? String(contentsOfFile: root + "/" + $0.path, encoding: .utf8)) != $0.text }.map(\.path)
        }
    }

    /// Writes the files that differ; returns their paths.
    public func write() -> Result<[String], Problem> {
        switch expected() {
        case .failure(let problem): return .failure(problem)
        case .success(let files):
            var written: [String] = []
            for file in files where (try? String(contentsOfFile: root + "/" + file.path, encoding: .utf8)) != file.text {
                do {
                    try Data(file.text.utf8).write(to: URL(fileURLWithPath: root + "/" + file.path), options: .atomic)
                } catch {
                    return .failure(.unwritable(file.path, error.localizedDescription))
                }
                written.append(file.path)
            }
            return .success(written)
        }
    }
}
