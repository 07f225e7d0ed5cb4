import Foundation
import LocalOfferDiagnostics
import LocalOfferOutput
import Testing

@Suite("Atomic publishing")
struct SitePublisherTests {
    func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("publish-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.compactMap { OutputFile(path: $0.key, text: $0.value) }
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func outputPathsCannotLeaveTheOutputFolder() {
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a\\b", "a/./b"] {
            #expect(OutputFile(path: bad, text: "x") == nil, "\(bad) must be refused")
        }
        #expect(OutputFile(path: "services/portage/index.html", text: "x") != nil)
    }

    @Test func replacesThePreviousSiteWhole() throws {
        let root = folder()
        let output = root + "/public"
        try SitePublisher().publish(files(["index.html": "one", "old/index.html": "old"]), to: output)
        try SitePublisher().publish(files(["index.html": "two"]), to: output)
        #expect(read(output + "/index.html") == "two")
        #expect(!FileManager.default.fileExists(atPath: output + "/old/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".public.spare", "public"])
        #expect(read(root + "/.public.spare/old/index.html") == "old", "the site before is kept for the next build")
    }

    @Test func aWriteFailureLeavesThePreviousSiteUntouched() throws {
        let root = folder()
        let output = root + "/public"
        try SitePublisher().publish(files(["index.html": "previous"]), to: output)
        var failing = FileSystem.local
        failing.write = { bytes, path in
            if path.hasSuffix("b.html") { throw CocoaError(.fileWriteOutOfSpace) }
            try FileSystem.local.write(bytes, path)
        }
        #expect(throws: Diagnostic.self) {
            try SitePublisher(fileSystem: failing).publish(files(["a.html": "new", "b.html": "new"]), to: output)
        }
        #expect(read(output + "/index.html") == "previous")
        #expect(!FileManager.default.fileExists(atPath: output + "/a.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"], "staging is cleaned up")
    }

    @Test func aFailedSwapPutsThePreviousSiteBack() throws {
        let root = folder()
        let output = root + "/public"
        try SitePublisher().publish(files(["index.html": "previous"]), to: output)
        var failing = FileSystem.local
        // Where the folders cannot be exchanged in one step, publishing falls back to two renames.
        failing.exchange = { first, _ in throw POSIXFailure(operation: "exchange", path: first, code: ENOSYS) }
        failing.move = { from, to in
            if from.contains(".staging-") { throw CocoaError(.fileWriteNoPermission) }
            try FileSystem.local.move(from, to)
        }
        #expect(throws: Diagnostic.self) {
            try SitePublisher(fileSystem: failing).publish(files(["index.html": "new"]), to: output)
        }
        #expect(read(output + "/index.html") == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"])
    }

    /// Files written from many threads into shared, not yet existing folders all arrive.
    @Test func concurrentWritesIntoSharedFoldersAllSucceed() throws {
        let output = folder() + "/public"
        let many = (0..<2_000).compactMap { OutputFile(path: "a/b\($0 % 7)/c\($0 % 13)/file\($0).txt", text: "\($0)") }
        try SitePublisher().publish(many, to: output)
        for file in many { #expect(read(output + "/" + file.path) == String(decoding: file.contents, as: UTF8.self)) }
    }

    @Test func unchangedFilesAreLinkedFromThePreviousSiteAndChangedOnesWritten() throws {
        let output = folder() + "/public"
        let first = try StagingFolder.open(for: output)
        try first.write("same", to: "same.html", fingerprint: 1)
        try first.write("old", to: "changed.html", fingerprint: 2)
        try first.write("bytes", to: "compared.txt", fingerprint: nil)
        try first.publish()
        let inode = { (path: String) in
            (try? FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as? NSNumber)?.intValue
        }
        let before = (inode("same.html"), inode("changed.html"), inode("compared.txt"))

        let second = try StagingFolder.open(for: output)
        #expect(second.reuse("same.html", fingerprint: 1))
        #expect(!second.reuse("changed.html", fingerprint: 3))
        try second.write("new", to: "changed.html", fingerprint: 3)
        #expect(try second.write("bytes", to: "compared.txt", fingerprint: nil) == false, "same bytes: linked, not written")
        try second.publish()
        #expect(inode("same.html") == before.0)
        #expect(inode("changed.html") != before.1)
        #expect(inode("compared.txt") == before.2)
        #expect(read(output + "/changed.html") == "new")
        let manifest = try #require(OutputManifest(text: read(output + "/" + SitePublisher.markerFile) ?? ""))
        #expect(manifest.entries["same.html"]?.fingerprint == 1)
        #expect(manifest.entries["changed.html"]?.fingerprint == 3)
        #expect(manifest.entries["compared.txt"]?.fingerprint == nil)
    }

    @Test func aFileAlteredByHandSinceTheLastBuildIsMadeAgain() throws {
        let output = folder() + "/public"
        let first = try StagingFolder.open(for: output)
        try first.write("original", to: "page.html", fingerprint: 9)
        try first.publish()
        try "edited by hand".write(toFile: output + "/page.html", atomically: false, encoding: .utf8)
        let second = try StagingFolder.open(for: output)
        #expect(!second.reuse("page.html", fingerprint: 9), "its size no longer matches the manifest")
        second.discard()
    }

    @Test func refusesFoldersItDidNotWriteAndKeepsThePlaceholder() throws {
        let root = folder()
        try "mine".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: Diagnostic.self) { try SitePublisher().publish(files(["index.html": "x"]), to: root) }
        #expect(read(root + "/notes.txt") == "mine")

        let output = folder() + "/public"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "".write(toFile: output + "/.gitkeep", atomically: true, encoding: .utf8)
        try SitePublisher().publish(files(["index.html": "x"]), to: output)
        #expect(FileManager.default.fileExists(atPath: output + "/.gitkeep"))
        #expect(FileManager.default.fileExists(atPath: output + "/" + SitePublisher.markerFile))
    }

    // MARK: The spare

    func tree(_ root: String) -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            found[relative] = isDirectory.boolValue ? "/" : (read(root + "/" + relative) ?? "?")
        }
        return found
    }

    /// The third build takes the first build's site (the spare) and brings it up to date in place:
    /// the result is what a clean publish of the same files gives, stray files and emptied folders
    /// gone, and the live site is never written through a shared file before the swap.
    @Test func theSpareIsBroughtUpToDateInPlaceAndEndsAsACleanBuildWould() throws {
        let root = folder()
        let output = root + "/public"
        let spare = root + "/.public.spare"
        try SitePublisher().publish(files(["same.html": "s", "changed.html": "1", "gone/deep/x.html": "x", "file-then-folder": "f"]), to: output)
        // Linked from the first site: the spare and the live site then share these files.
        try SitePublisher().publish(files(["same.html": "s", "changed.html": "1", "new.html": "n"]), to: output)
        #expect(read(spare + "/gone/deep/x.html") == "x")

        // Things a spare can hold that the new site must not: a stray file, a link out of the site.
        let outside = folder()
        try "outside".write(toFile: outside + "/target.html", atomically: true, encoding: .utf8)
        try "stray".write(toFile: spare + "/stray.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: spare + "/link.html", withDestinationPath: outside + "/target.html")

        let third = try StagingFolder.open(for: output)
        #expect(third.path.contains(".public.staging-"))
        #expect(!FileManager.default.fileExists(atPath: spare), "taken as the staging folder")
        #expect(try third.write("s", to: "same.html", fingerprint: nil) == false, "kept as it is")
        try third.write("2", to: "changed.html", fingerprint: nil)
        #expect(read(output + "/changed.html") == "1", "the live site is untouched until the swap")
        try third.write("through a link?", to: "link.html", fingerprint: nil)
        #expect(read(outside + "/target.html") == "outside", "a link in the spare is replaced, never written through")
        try third.write("now a folder", to: "file-then-folder/index.html", fingerprint: nil)
        try third.publish()

        let expected = ["same.html": "s", "changed.html": "2", "link.html": "through a link?", "file-then-folder/index.html": "now a folder"]
        let clean = folder() + "/public"
        try SitePublisher().publish(files(expected), to: clean)
        #expect(tree(output) == tree(clean))
        #expect(read(spare + "/new.html") == "n", "the second site is now the spare")
        #expect(read(spare + "/changed.html") == "1")
    }

    /// A folder named like the spare that this tool did not write is neither used nor removed.
    @Test func aSpareWithoutTheMarkerIsLeftAlone() throws {
        let root = folder()
        let output = root + "/public"
        try SitePublisher().publish(files(["index.html": "one"]), to: output)
        try FileManager.default.createDirectory(atPath: root + "/.public.spare", withIntermediateDirectories: true)
        try "mine".write(toFile: root + "/.public.spare/notes.txt", atomically: true, encoding: .utf8)
        try SitePublisher().publish(files(["index.html": "two"]), to: output)
        #expect(read(output + "/index.html") == "two")
        #expect(read(root + "/.public.spare/notes.txt") == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".public.spare", "public"])
    }

    /// A build that fails while updating the spare leaves the live site as it was; the spare is gone.
    @Test func aFailureWhileUpdatingTheSpareLeavesTheLiveSite() throws {
        let root = folder()
        let output = root + "/public"
        try SitePublisher().publish(files(["a.html": "1", "b.html": "1"]), to: output)
        try SitePublisher().publish(files(["a.html": "2", "b.html": "2"]), to: output)
        var failing = FileSystem.local
        failing.write = { bytes, path in
            if path.hasSuffix("b.html") { throw CocoaError(.fileWriteOutOfSpace) }
            try FileSystem.local.write(bytes, path)
        }
        #expect(throws: Diagnostic.self) {
            try SitePublisher(fileSystem: failing).publish(files(["a.html": "3", "b.html": "3"]), to: output)
        }
        #expect(tree(output) == [".localoffer-site": tree(output)[".localoffer-site"] ?? "", "a.html": "2", "b.html": "2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"])
        try SitePublisher().publish(files(["a.html": "3", "b.html": "3"]), to: output)
        #expect(read(output + "/a.html") == "3")
    }
}
