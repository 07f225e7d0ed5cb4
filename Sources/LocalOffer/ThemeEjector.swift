import Foundation
import LocalOfferDiagnostics
import LocalOfferTheme

/// `localoffer theme eject`: copies the built-in theme into a folder (by default `templates/`) to be
/// changed. The build then uses the folder's files over the built-in ones, so a council may also
/// keep only the files it changed and delete the rest.
///
/// ```swift
/// let written = try ThemeEjector(folder: "templates").eject().get()
/// ```
public struct ThemeEjector: Sendable {
    public let folder: String
    /// Replace files that are already there (otherwise nothing is written when any exists).
    public let force: Bool

    public init(folder: String = "templates", force: Bool = false) {
        self.folder = folder
        self.force = force
    }

    /// The paths written, sorted. Without `force`, refuses to write anything if any file exists.
    public func eject() -> Result<[String], Diagnostic> {
        let fileManager = FileManager.default
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let targets = BuiltInTheme.paths.map { (relative: $0, path: base + "/" + $0) }
        let existing = targets.filter { fileManager.fileExists(atPath: $0.path) }
        if !force, let first = existing.first {
            let more = existing.count > 1 ? " and \(existing.count - 1) other file\(existing.count == 2 ? "" : "s")" : ""
            return .failure(.error(
                .outputFailure, "\(first.path)\(more) already exist\(existing.count == 1 ? "s" : ""); nothing was written", at: nil,
                hint: "add --force to replace them with the built-in theme's, or eject into another folder with --output DIR"
            ))
        }
        var written: [String] = []
        for target in targets {
            guard let bytes = BuiltInTheme.files[target.relative] else { continue }
            do {
                try fileManager.createDirectory(atPath: (target.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: target.path), options: .atomic)
            } catch {
                return .failure(.error(.outputFailure, "could not write \(target.path): \(error.localizedDescription)", at: nil))
            }
            written.append(target.path)
        }
        return .success(written)
    }
}
