import Foundation
import LocalOfferDiagnostics
import LocalOfferText

/// A site being written: a hidden folder beside the output folder that takes the output folder's
/// place only when every file is in it (`publish()`), or is removed (`discard()`).
///
/// Files are written the moment they are made, from any thread, so a build never holds the whole
/// site in memory. A file whose fingerprint, or whose bytes, match the previous site's is
/// hard-linked from it instead: a rebuild of unchanged content rewrites no file.
///
/// **The spare.** The site that a publish replaces is not deleted: it is kept beside the output
/// folder as `.{name}.spare` (`.public.spare`), and the next build takes it as its staging folder
/// and brings it up to date in place. A file the spare already holds with the right bytes stays
/// as it is; only changed files are written, and files the new site does not have are removed.
/// At 10,000 services, linking 34,000 unchanged files into a new folder and deleting the old
/// folder took 5 s of a rebuild's 19 s. Files are never rewritten in place (an unchanged file may
/// be the live site's file too, by a hard link): a changed one is removed and made again. The
/// live site is not touched until the swap, so a failed build still leaves it as it was; a build
/// killed while updating the spare leaves a staging folder that the next build removes.
///
/// ```swift
/// let staging = try StagingFolder.open(for: "public")
/// if !staging.reuse("index.html", fingerprint: f) { try staging.write(html, to: "index.html", fingerprint: f) }
/// try staging.publish()
/// ```
public final class StagingFolder: @unchecked Sendable {
    public let output: String
    public let path: String
    /// The site being replaced, as its marker file describes it (empty for a first build).
    public let previous: OutputManifest
    /// What the staging folder held when it began: the spare site's manifest, or nil for an empty folder.
    let spare: OutputManifest?
    private let fileSystem: FileSystem
    /// Guards `directories` and `manifest`; file writes themselves run unlocked, in parallel.
    private let lock = NSLock()
    private var directories: Set<String> = [""]
    private var manifest = OutputManifest()
    private var finished = false

    private init(output: String, path: String, previous: OutputManifest, spare: OutputManifest?, fileSystem: FileSystem) {
        self.output = output
        self.path = path
        self.previous = previous
        self.spare = spare
        self.fileSystem = fileSystem
    }

    /// Where the site a publish replaced is kept for the next build: `.public.spare` beside `public`.
    public static func spareFolder(for output: String) -> String {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let parent = (output as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "" : parent + "/") + ".\((output as NSString).lastPathComponent).spare"
    }

    /// Checks that `output` may be replaced and creates the staging folder beside it.
    public static func open(for output: String, fileSystem: FileSystem = .local) throws(Diagnostic) -> StagingFolder {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let previous = try SitePublisher.checkReplaceable(output, fileSystem: fileSystem)
        SitePublisher.removeLeftovers(beside: output, fileSystem: fileSystem)
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let suffix = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).staging-\(suffix)"
        let spare = adoptSpare(spareFolder(for: output), as: staging, fileSystem: fileSystem)
        if spare == nil {
            do {
                try fileSystem.createDirectory(staging)
            } catch {
                throw SitePublisher.failure("could not create the staging folder \(staging): \(error.localizedDescription)")
            }
        }
        active.withLock { _ = $0.insert(staging) }
        return StagingFolder(output: output, path: staging, previous: previous ?? OutputManifest(), spare: spare, fileSystem: fileSystem)
    }

    /// Moves the spare site to `staging` and reads what it holds. The move is one rename, so of two
    /// builds started at once only one takes it. Nil (and nothing at `staging`) when there is no
    /// spare or its marker cannot be read; a folder without the marker is left alone.
    private static func adoptSpare(_ spare: String, as staging: String, fileSystem: FileSystem) -> OutputManifest? {
        // Only a folder this tool wrote: its marker is read before it is touched.
        guard fileSystem.isDirectory(spare),
              let text = fileSystem.read(spare + "/" + SitePublisher.markerFile).map({ String(decoding: $0, as: UTF8.self) }),
              let manifest = OutputManifest(text: text),
              (try? fileSystem.move(spare, staging)) != nil else { return nil }
        guard (try? fileSystem.remove(staging + "/" + SitePublisher.markerFile)) != nil else {
            try? fileSystem.remove(staging)
            return nil
        }
        return manifest
    }

    /// The staging folders this process has open: never taken for a killed build's leftovers.
    static let active = LockedSet()

    final class LockedSet: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []

        func withLock<Result>(_ body: (inout Set<String>) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&paths)
        }
    }

    // MARK: Writing

    /// Hard-links the previous site's file when it was made from the same inputs. False when it
    /// cannot be reused (new, changed, missing or altered since), and the caller must make it.
    public func reuse(_ relative: String, fingerprint: UInt64) -> Bool {
        guard OutputFile.isSafe(relative) else { return false }
        if let kept = spare?.entries[relative], kept.fingerprint == fingerprint, fileSystem.size(path + "/" + relative) == kept.size {
            record(relative, kept)
            return true
        }
        guard let entry = previous.entries[relative], entry.fingerprint == fingerprint else { return false }
        return linkPrevious(relative, entry: entry)
    }

    /// Writes a made file, unless the spare or the previous site holds the same bytes: then that
    /// file is kept or linked. Returns whether bytes were written (false: a file was kept).
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer, to relative: String, fingerprint: UInt64?) throws -> Bool {
        guard OutputFile.isSafe(relative) else { throw POSIXFailure(operation: "refused to write outside the site", path: relative, code: EINVAL) }
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        let entry = OutputManifest.Entry(fingerprint: fingerprint, contentHash: hasher.value, size: bytes.count)
        if let kept = spare?.entries[relative], kept.contentHash == entry.contentHash, kept.size == entry.size,
           fileSystem.size(path + "/" + relative) == entry.size {
            record(relative, entry)
            return false
        }
        if let old = previous.entries[relative], old.contentHash == entry.contentHash, old.size == entry.size,
           linkPrevious(relative, entry: entry) {
            return false
        }
        try ensureParent(of: relative)
        clearSpare(relative)
        try fileSystem.write(bytes, path + "/" + relative)
        record(relative, entry)
        return true
    }

    @discardableResult
    public func write(_ text: String, to relative: String, fingerprint: UInt64?) throws -> Bool {
        var text = text
        return try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: relative, fingerprint: fingerprint) }
    }

    @discardableResult
    public func write(_ data: Data, to relative: String, fingerprint: UInt64?) throws -> Bool {
        try data.withUnsafeBytes { try write($0, to: relative, fingerprint: fingerprint) }
    }

    private func linkPrevious(_ relative: String, entry: OutputManifest.Entry) -> Bool {
        let source = output + "/" + relative
        guard fileSystem.size(source) == entry.size else { return false }
        do {
            try ensureParent(of: relative)
            clearSpare(relative)
            try fileSystem.link(source, path + "/" + relative)
        } catch {
            return false
        }
        record(relative, entry)
        return true
    }

    /// Removes what the spare holds at a path about to be written or linked: never written through,
    /// as it may be the live site's file too.
    private func clearSpare(_ relative: String) {
        guard spare != nil else { return }
        // Removed without asking first: `exists` follows links, and a link must go too.
        try? fileSystem.remove(path + "/" + relative)
    }

    private func record(_ relative: String, _ entry: OutputManifest.Entry) {
        lock.withLock { manifest.entries[relative] = entry }
    }

    /// Creates the file's folder, parents first. A folder is marked as made only once it exists, so a
    /// thread never writes into a folder another thread is still making; two threads making the same
    /// folder is harmless (making a folder that exists succeeds).
    private func ensureParent(of relative: String) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let directory = String(relative[..<slash])
        if lock.withLock({ directories.contains(directory) }) { return }
        try ensureParent(of: directory)
        let target = path + "/" + directory
        // In the spare, a file (or a link) may stand where the new site has a folder.
        if spare != nil, !fileSystem.isDirectory(target) { try? fileSystem.remove(target) }
        try fileSystem.createDirectory(target)
        lock.withLock { _ = directories.insert(directory) }
    }

    /// Removes from an adopted spare every file the new site does not have, and the folders left
    /// empty: the published folder then holds what a clean build would, and nothing else.
    private func pruneSpare(keeping manifest: OutputManifest) {
        guard spare != nil else { return }
        func prune(_ folder: String, relative: String) -> Bool {
            var isEmpty = true
            for entry in fileSystem.entries(folder) {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let childPath = folder + "/" + entry.name
                if entry.isDirectory {
                    if prune(childPath, relative: child), (try? fileSystem.remove(childPath)) != nil { continue }
                } else if manifest.entries[child] == nil, (try? fileSystem.remove(childPath)) != nil {
                    continue
                }
                isEmpty = false
            }
            return isEmpty
        }
        _ = prune(path, relative: "")
    }

    // MARK: Finishing

    /// What has been written so far, with fingerprints: what the marker file will list.
    public var writtenManifest: OutputManifest { lock.withLock { manifest } }

    /// Writes the marker, carries kept files over and swaps the staging folder into place.
    /// On failure the previous site is left as it was and the staging folder is removed.
    public func publish() throws(Diagnostic) {
        do {
            try write(writtenManifest.text, to: SitePublisher.markerFile, fingerprint: nil)
            for kept in SitePublisher.keptFiles where fileSystem.exists(output + "/" + kept) {
                try write(Data(), to: kept, fingerprint: nil)
            }
            pruneSpare(keeping: writtenManifest)
        } catch {
            discard()
            throw SitePublisher.failure("could not write the site: \(error.localizedDescription)")
        }
        finished = true
        defer { Self.active.withLock { _ = $0.remove(path) } }
        try SitePublisher(fileSystem: fileSystem).swap(staging: path, into: output, keepingPreviousAt: Self.spareFolder(for: output))
    }

    /// Removes the staging folder; the previous site stays exactly as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? fileSystem.remove(path)
        Self.active.withLock { _ = $0.remove(path) }
    }
}
