import Foundation
import LocalOfferDiagnostics
import LocalOfferParallel

/// Publishes a complete site atomically: every file is written into a staging folder beside the
/// output folder, and only when all are written is the staging folder swapped in. A failure at any
/// point leaves the previous site exactly as it was.
///
/// It deletes only what it created itself (the staging folder, and the previous site once
/// replaced), and refuses to replace a folder that does not look like a site it wrote.
///
/// ```swift
/// try SitePublisher(fileSystem: .local).publish(files, to: "public")
/// ```
public struct SitePublisher: Sendable {
    /// Written into every site, so that a later build knows the folder is its own to replace.
    public static let markerFile = ".localoffer-site"
    /// Files a repository keeps in an otherwise ignored output folder; carried into the new site.
    static let keptFiles = [".gitkeep"]

    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem = .local) {
        self.fileSystem = fileSystem
    }

    public func publish(_ files: [OutputFile], to output: String) throws(Diagnostic) {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        try checkReplaceable(output)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).staging-\(suffix)"
        let previous = (parent.isEmpty ? "" : parent + "/") + ".\(name).previous-\(suffix)"

        do {
            try writeAll(files, into: staging, carryingFrom: output)
        } catch {
            try? fileSystem.remove(staging)
            throw failure("could not write the site: \(error.localizedDescription)")
        }

        let hadPrevious = fileSystem.exists(output)
        do {
            if hadPrevious { try fileSystem.move(output, previous) }
        } catch {
            try? fileSystem.remove(staging)
            throw failure("could not move the previous site aside: \(error.localizedDescription)")
        }
        do {
            try fileSystem.move(staging, output)
        } catch {
            if hadPrevious { try? fileSystem.move(previous, output) }
            try? fileSystem.remove(staging)
            throw failure("could not put the new site in place: \(error.localizedDescription)")
        }
        if hadPrevious { try? fileSystem.remove(previous) }
    }

    private func writeAll(_ files: [OutputFile], into staging: String, carryingFrom output: String) throws {
        try fileSystem.createDirectory(staging)
        var created: Set<String> = [staging]
        for file in files {
            let directory = ((staging + "/" + file.path) as NSString).deletingLastPathComponent
            if created.insert(directory).inserted { try fileSystem.createDirectory(directory) }
        }
        // Folders exist now, so files are independent: write them on every core.
        let fileSystem = self.fileSystem
        let failures = files.parallelMap { file -> String? in
            do {
                try fileSystem.write(file.contents, staging + "/" + file.path)
                return nil
            } catch {
                return "\(file.path): \(error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let first = failures.first { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: first]) }
        try fileSystem.write(Data("Written by localoffer. This folder is replaced whole on every build.\n".utf8),
                             staging + "/" + Self.markerFile)
        for kept in Self.keptFiles where fileSystem.exists(output + "/" + kept) {
            try fileSystem.write(Data(), staging + "/" + kept)
        }
    }

    /// The output folder may be replaced when it is missing, empty (but for kept files), or ours.
    private func checkReplaceable(_ output: String) throws(Diagnostic) {
        guard !output.isEmpty, output != "/", output != ".", output != ".." else {
            throw failure("'\(output)' cannot be used as the output folder")
        }
        guard fileSystem.exists(output) else { return }
        let entries = fileSystem.list(output).filter { !Self.keptFiles.contains($0) }
        if entries.isEmpty || entries.contains(Self.markerFile) { return }
        throw Diagnostic.error(
            .outputFailure, "'\(output)' is not empty and was not written by localoffer, so it will not be replaced",
            at: nil, hint: "choose another --output folder, or empty this one first"
        )
    }

    private func failure(_ message: String) -> Diagnostic {
        .error(.outputFailure, message + "; the previous site is unchanged", at: nil)
    }
}
