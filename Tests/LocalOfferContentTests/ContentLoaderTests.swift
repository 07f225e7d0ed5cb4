import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import Testing

@Suite("Content loader")
struct ContentLoaderTests {
    func makeFolder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)").path
        for (relative, text) in files {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func readsEveryKindSortedAndReportsEveryUnreadableFile() throws {
        let root = try makeFolder([
            "site.yml": "name: X\n",
            "services/b.md": "---\ntitle: B\n---\nBody",
            "services/a.md": "---\ntitle: A\n---\nBody",
            "services/notes.txt": "ignored",
            "organisations/o.md": "no front matter",
            "pages/p.md": "---\ntitle: P\n---\n",
        ])
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: root + "/services/c.md"))
        let (source, problems) = ContentLoader().load(from: root)
        #expect(source.documents.map(\.slug) == ["a", "b", "p"])
        #expect(source.documents(of: .service).count == 2)
        #expect(source.siteFile?.path == root + "/site.yml")
        #expect(Set(problems.map(\.code)) == [.missingFrontMatter, .unreadableFile])
    }

    @Test func aMissingFolderOrSiteFileIsReported() throws {
        let (_, missingFolder) = ContentLoader().load(from: "/nonexistent/content")
        #expect(missingFolder.map(\.code) == [.missingFile])
        let root = try makeFolder(["services/a.md": "---\ntitle: A\n---\n"])
        let (_, missingSite) = ContentLoader().load(from: root)
        #expect(missingSite.contains { $0.code == .missingFile && $0.message.contains("site.yml") })
    }
}
