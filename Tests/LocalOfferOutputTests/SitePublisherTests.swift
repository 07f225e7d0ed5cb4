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
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["public"])
    }

    @Test func aWriteFailureLeavesThePreviousSiteUntouched() throws {
        let root = folder()
        let output = root + "/public"
        try SitePublisher().publish(files(["index.html": "previous"]), to: output)
        var failing = FileSystem.local
        failing.write = { data, path in
            if path.hasSuffix("b.html") { throw CocoaError(.fileWriteOutOfSpace) }
            try FileSystem.local.write(data, path)
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
}
