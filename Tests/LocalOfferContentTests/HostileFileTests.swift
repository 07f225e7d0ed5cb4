import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the loader does with files an attacker, or an accident, puts in `content/`: links out of the
/// folder, named pipes, huge files, text in the wrong encoding.
@Suite("Hostile and broken files in content/")
struct HostileFileTests {
    static let entry = "---\ntitle: A\n---\nBody\n"

    /// A content folder with `site.yml` and the given files, beside a "secret" file outside it.
    func makeSite(_ files: [String: String] = [:]) throws -> (root: String, outside: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)").path
        let root = base + "/content"
        let outside = base + "/outside"
        for (relative, text) in files.merging(["site.yml": "name: X\n"], uniquingKeysWith: { first, _ in first }) {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "---\ntitle: Secret\n---\nTOP-SECRET-PAYROLL\n".write(toFile: outside + "/secret.md", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/services", withIntermediateDirectories: true)
        return (root, outside)
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    @Test func aLinkToAFileOutsideIsRefusedWithALocatedErrorAndNeverRead() throws {
        let (root, outside) = try makeSite()
        try link(root + "/services/payroll.md", to: outside + "/secret.md")
        try link(root + "/services/relative.md", to: "../../outside/secret.md")
        let (source, problems) = ContentLoader().load(from: root)
        #expect(source.documents.isEmpty)
        #expect(problems.map(\.code) == [.symbolicLinkOutside, .symbolicLinkOutside])
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(path: root + "/services/payroll.md", line: 1, column: 1))
        #expect(problem.hint != nil)
        #expect(!problems.contains { $0.message.contains("TOP-SECRET") })
    }

    @Test func aLinkedFolderLeadingOutsideIsRefused() throws {
        let (root, outside) = try makeSite()
        try FileManager.default.removeItem(atPath: root + "/services")
        try link(root + "/services", to: outside)
        try link(root + "/glossary.yml", to: "/etc/passwd")
        let (source, problems) = ContentLoader().load(from: root)
        #expect(source.documents.isEmpty)
        #expect(source.glossaryFile == nil)
        #expect(Set(problems.map(\.code)) == [.symbolicLinkOutside])
        #expect(Set(problems.compactMap(\.location?.path)) == [root + "/services", root + "/glossary.yml"])
    }

    @Test func aLinkThatStaysInsideTheFolderIsFollowed() throws {
        let (root, _) = try makeSite(["pages/faq.md": Self.entry])
        try link(root + "/pages/questions.md", to: "faq.md")
        try link(root + "/services/faq-copy.md", to: "../pages/../pages/faq.md")
        let (source, problems) = ContentLoader().load(from: root)
        #expect(problems.isEmpty, "\(problems)")
        #expect(source.documents.map(\.slug).sorted() == ["faq", "faq-copy", "questions"])
    }

    @Test func theContentFolderItselfMayBeALink() throws {
        let (root, _) = try makeSite(["services/a.md": Self.entry])
        let alias = root + "-alias"
        try link(alias, to: root)
        let (source, problems) = ContentLoader().load(from: alias)
        #expect(problems.isEmpty)
        #expect(source.documents.first?.path == alias + "/services/a.md")
    }

    @Test func aDanglingLinkIsReported() throws {
        let (root, _) = try makeSite()
        try link(root + "/services/gone.md", to: "nowhere.md")
        let (_, problems) = ContentLoader().load(from: root)
        #expect(problems.map(\.code) == [.unreadableFile])
        #expect(problems.first?.message.contains("does not exist") == true)
    }

    @Test func aNamedPipeIsRefusedWithoutBlockingTheBuild() throws {
        let (root, _) = try makeSite(["services/a.md": Self.entry])
        let fifo = root + "/services/pipe.md"
        #expect(mkfifo(fifo, 0o644) == 0)
        // Should the loader ever open the pipe for reading, this unblocks it after 5 s, and the time shows.
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let start = Date()
        let (source, problems) = ContentLoader().load(from: root)
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(source.documents.map(\.slug) == ["a"])
        #expect(problems.map(\.code) == [.notARegularFile])
        #expect(problems.first?.message.contains("named pipe") == true)
        #expect(problems.first?.location?.path == fifo)
    }

    @Test func aFolderNamedLikeAnEntryIsReportedNotRead() throws {
        let (root, _) = try makeSite()
        try FileManager.default.createDirectory(atPath: root + "/services/folder.md", withIntermediateDirectories: true)
        let (_, problems) = ContentLoader().load(from: root)
        #expect(problems.map(\.code) == [.unreadableFile])
    }

    @Test func aFileOverOneMebibyteIsRefusedAndOneAtTheLimitIsRead() throws {
        let header = "---\ntitle: A\n---\n"
        let atLimit = header + String(repeating: "a", count: (1 << 20) - header.utf8.count)
        let (root, _) = try makeSite(["services/exact.md": atLimit, "services/over.md": atLimit + "b"])
        let (source, problems) = ContentLoader().load(from: root)
        #expect(source.documents.map(\.slug) == ["exact"])
        #expect(problems.map(\.code) == [.fileTooLarge])
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(path: root + "/services/over.md", line: 1, column: 1))
        #expect(problem.message.contains("at most 1 MiB"))
    }

    @Test func theWholeFolderIsHeldToTheSiteLimitAndSaysHowMuchWasLeftUnread() throws {
        var files: [String: String] = [:]
        for index in 0..<10 { files["services/s\(index).md"] = Self.entry + String(repeating: "x", count: 1000) }
        let (root, _) = try makeSite(files)
        let limits = ContentLimits(maximumFileBytes: 1 << 20, maximumSiteBytes: 5_000)
        let (source, problems) = ContentLoader(limits: limits).load(from: root)
        #expect(source.documents.count == 4)
        #expect(problems.map(\.code) == [.siteTooLarge])
        #expect(problems.first?.location?.path == root + "/services/s4.md")
        #expect(problems.first?.message.contains("this file and 5 more were not read") == true)
        #expect(ContentLimits.standard == ContentLimits(maximumFileBytes: 1_048_576, maximumSiteBytes: 536_870_912))
    }

    @Test func invalidUTF8IsReportedWithItsLineColumnAndByteOffset() throws {
        let (root, _) = try makeSite()
        let before = Array("---\ntitle: Café\n---\nCosts ".utf8)
        try Data(before + [0xA3] + Array("3, or ".utf8) + [0xFF] + Array(" more.\n".utf8))
            .write(to: URL(fileURLWithPath: root + "/services/latin.md"))
        let (_, problems) = ContentLoader().load(from: root)
        let problem = try #require(problems.first)
        #expect(problem.code == .unreadableFile)
        #expect(problem.location == SourceLocation(path: root + "/services/latin.md", line: 4, column: 7))
        #expect(problem.message.contains("byte 0xA3 at byte offset \(before.count)"))
        #expect(problem.message.contains("1 more invalid byte"))
        #expect(problem.hint?.contains("'£' in Windows-1252") == true)
    }

    @Test func utf16IsNamed() {
        let result = TextDecoding.decode(Data([0xFF, 0xFE, 0x2D, 0x00]), path: "x.md")
        guard case .failure(let problem) = result else { Issue.record("UTF-16 accepted"); return }
        #expect(problem.message.contains("UTF-16"))
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xE2, 0x82]] {
            guard case .failure(let problem) = TextDecoding.decode(Data(bytes), path: "x.md") else {
                Issue.record("\(bytes) accepted"); continue
            }
            #expect(problem.code == .unreadableFile)
        }
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let (root, _) = try makeSite()
        let text = "\u{FEFF}---\r\ntitle: Windows\r\nsummary: Saved in Notepad\r\n---\r\nFirst line.\r\n\r\nSecond.\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/services/windows.md"))
        try Data("\u{FEFF}name: X\r\ncouncil: Y\r\n".utf8).write(to: URL(fileURLWithPath: root + "/site.yml"))
        let (source, problems) = ContentLoader().load(from: root)
        #expect(problems.isEmpty)
        let document = try #require(source.documents.first)
        #expect(document.frontMatter.text == "title: Windows\nsummary: Saved in Notepad")
        #expect(document.frontMatter.firstLine == 2)
        #expect(document.body.text == "First line.\n\nSecond.\n")
        #expect(document.body.firstLine == 5)
        #expect(source.siteFile?.text.hasPrefix("name: X") == true)
    }

    @Test func theExcerptUnderADiagnosticIsNeverReadThroughALink() throws {
        let (root, outside) = try makeSite()
        let path = root + "/services/payroll.md"
        try link(path, to: outside + "/secret.md")
        let formatted = DiagnosticFormatter().format(.error(.symbolicLinkOutside, "refused", at: SourceLocation(path: path, line: 4)))
        #expect(!formatted.contains("TOP-SECRET"))
        #expect(DiagnosticFormatter.readLineFromDisk(outside + "/secret.md", 4) == "TOP-SECRET-PAYROLL")
    }
}

@Suite("Content: regressions found by fuzzing")
struct ContentFuzzRegressionTests {
    /// markdown-crash-ce88d2e8: a lone "\r" (an old Mac line ending) is a new line to cmark-gfm,
    /// libyaml and editors, but the front-matter splitter did not count it, so Markdown errors pointed
    /// past the end of the file. Every line ending is now "\n" before any stage sees the text.
    @Test func everyKindOfLineEndingCountsAsOneLine() throws {
        let text = try TextDecoding.decode(Data("---\rtitle: A\r\n---\rOne\r\rTwo\nThree\r\n".utf8), path: "x.md").get()
        #expect(text == "---\ntitle: A\n---\nOne\n\nTwo\nThree\n")
        let document = try ContentDocument.split(text, path: "x.md", kind: .service, slug: "x").get()
        #expect(document.body.firstLine == 4)
        #expect(document.body.text == "One\n\nTwo\nThree\n")
    }

    @Test func invalidUTF8AfterOldMacLineEndingsIsOnTheRightLine() {
        guard case .failure(let problem) = TextDecoding.decode(Data([0x61, 0x0D, 0x62, 0x0D, 0x0A, 0x63, 0xFF]), path: "x.md") else {
            Issue.record("accepted")
            return
        }
        #expect(problem.location?.line == 3)
        #expect(problem.location?.column == 2)
    }
}
