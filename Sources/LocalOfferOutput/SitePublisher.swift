import Foundation
import LocalOfferDiagnostics
import LocalOfferParallel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a complete site in place atomically: the staging folder, once every file is in it, is
/// swapped with the output folder. A failure at any point leaves the previous site as it was.
///
/// It deletes only what it created itself (the staging folder, and the previous site once
/// replaced), and refuses to replace a folder that does not look like a site it wrote.
///
/// ```swift
/// try SitePublisher(fileSystem: .local).publish(files, to: "public")
/// ```
public struct SitePublisher: Sendable {
    /// Written into every site, so that a later build knows the folder is its own to replace;
    /// it also lists every file (`OutputManifest`).
    public static let markerFile = ".localoffer-site"
    /// Files a repository keeps in an otherwise ignored output folder; carried into the new site.
    static let keptFiles = [".gitkeep"]

    private let fileSystem: FileSystem

    public init(fileSystem: FileSystem = .local) {
        self.fileSystem = fileSystem
    }

    /// Publishes a list of files in one go (the writers stream theirs through a `StagingFolder`).
    public func publish(_ files: [OutputFile], to output: String) throws(Diagnostic) {
        let staging = try StagingFolder.open(for: output, fileSystem: fileSystem)
        let failures = files.parallelMap { file -> String? in
            do {
                try staging.write(file.contents, to: file.path, fingerprint: nil)
                return nil
            } catch {
                return "\(file.path): \(error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let first = failures.first {
            staging.discard()
            throw Self.failure("could not write the site: \(first)")
        }
        try staging.publish()
    }

    /// Puts the staging folder in the output folder's place.
    ///
    /// On Linux the two are exchanged in one `renameat2(RENAME_EXCHANGE)`: at every moment `output`
    /// is either the whole previous site or the whole new one, then the previous one (now at the
    /// staging path) is removed. Where that is not available (see `AtomicExchange`), the previous
    /// site is moved aside and the new one moved in: two renames, with a moment of microseconds
    /// between them when `output` does not exist; a failure in between moves the previous site back.
    /// With `spare`, the previous site is moved there (when nothing is) instead of being removed, for
    /// the next build to update in place.
    func swap(staging: String, into output: String, keepingPreviousAt spare: String? = nil) throws(Diagnostic) {
        let hadPrevious = fileSystem.exists(output)
        func setAside(_ previous: String) {
            if let spare, !fileSystem.exists(spare), (try? fileSystem.move(previous, spare)) != nil { return }
            try? fileSystem.remove(previous)
        }
        if hadPrevious {
            do {
                try fileSystem.exchange(staging, output)
                setAside(staging)
                return
            } catch where AtomicExchange.isUnsupported(error) {
                // Fall back to two renames, below.
            } catch {
                try? fileSystem.remove(staging)
                throw Self.failure("could not put the new site in place: \(error.localizedDescription)")
            }
        }
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let previous = (parent.isEmpty ? "" : parent + "/") + ".\(name).previous-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        do {
            if hadPrevious { try fileSystem.move(output, previous) }
        } catch {
            try? fileSystem.remove(staging)
            throw Self.failure("could not move the previous site aside: \(error.localizedDescription)")
        }
        do {
            try fileSystem.move(staging, output)
        } catch {
            if hadPrevious { try? fileSystem.move(previous, output) }
            try? fileSystem.remove(staging)
            throw Self.failure("could not put the new site in place: \(error.localizedDescription)")
        }
        if hadPrevious { setAside(previous) }
    }

    /// Removes what a build that was killed (power cut, `kill -9`, out of memory) left beside the
    /// output folder: its staging folder, or the previous site it had moved aside. Only folders named
    /// as this tool names them, for this output folder, whose process is gone.
    static func removeLeftovers(beside output: String, fileSystem: FileSystem) {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        for entry in fileSystem.list(parent.isEmpty ? "." : parent) {
            for kind in ["staging", "previous"] {
                let prefix = ".\(name).\(kind)-"
                let path = (parent.isEmpty ? "" : parent + "/") + entry
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
                if pid == ProcessInfo.processInfo.processIdentifier {
                    if StagingFolder.active.withLock({ $0.contains(path) }) { continue }
                } else if processIsRunning(pid) {
                    continue
                }
                try? fileSystem.remove(path)
            }
        }
    }

    /// Another process with this id exists (EPERM: it exists but is not ours to signal).
    static func processIsRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The output folder may be replaced when it is missing, empty (but for kept files), or ours.
    /// Returns the manifest of the site it holds, if it is ours.
    public static func checkReplaceable(_ output: String, fileSystem: FileSystem) throws(Diagnostic) -> OutputManifest? {
        guard !output.isEmpty, output != "/", output != ".", output != ".." else {
            throw failure("'\(output)' cannot be used as the output folder")
        }
        guard fileSystem.exists(output) else { return nil }
        let entries = fileSystem.list(output).filter { !keptFiles.contains($0) }
        if entries.isEmpty { return nil }
        if entries.contains(markerFile) {
            let text = fileSystem.read(output + "/" + markerFile).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return OutputManifest(text: text) ?? OutputManifest()
        }
        throw Diagnostic.error(
            .outputFailure, "'\(output)' is not empty and was not written by localoffer, so it will not be replaced",
            at: nil, hint: "choose another --output folder, or empty this one first"
        )
    }

    static func failure(_ message: String) -> Diagnostic {
        .error(.outputFailure, message + "; the previous site is unchanged", at: nil)
    }
}
