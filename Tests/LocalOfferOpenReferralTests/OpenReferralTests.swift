import Foundation
import LocalOffer
import LocalOfferContent
import LocalOfferImport
import LocalOfferModel
@testable import LocalOfferOpenReferral
import Testing

enum Demo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("content").path
    static let templates = root.appendingPathComponent("templates").path
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    /// A fresh folder under the system's temporary folder; `removeTemporaryFolders()` deletes them all.
    static func temporaryFolder() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("localoffer-oruk-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The folder a path is in, of those `temporaryFolder()` made: remove it when a test is done.
    static func remove(_ paths: String...) {
        for path in paths {
            var folder = URL(fileURLWithPath: path)
            while !folder.lastPathComponent.hasPrefix("localoffer-oruk-"), folder.pathComponents.count > 2 {
                folder.deleteLastPathComponent()
            }
            if folder.lastPathComponent.hasPrefix("localoffer-oruk-") { try? FileManager.default.removeItem(at: folder) }
        }
    }

    static func build(content: String, output: String) -> BuildReport {
        SiteBuilder(options: BuildOptions(contentDirectory: content, templateDirectories: [templates], outputDirectory: output,
                                          today: today)).build()
    }

    /// A content folder with the demo's site.yml, glossary and synonyms, and no entries.
    static func emptySite() throws -> String {
        let folder = temporaryFolder() + "/content"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["site.yml", "glossary.yml", "synonyms.yml"] {
            try FileManager.default.copyItem(atPath: content + "/" + file, toPath: folder + "/" + file)
        }
        return folder
    }

    /// Every file under a folder, relative path → bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            }
        }
        return files
    }
}

@Suite("Stable ids")
struct StableIDTests {
    @Test func sha1MatchesTheFIPSVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(SHA1.hash(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func uuid5MatchesRFC9562AndPython() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        #expect(UUIDv5.make(namespace: UUIDv5.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // RFC 9562 appendix A.4: uuid5(NAMESPACE_DNS, "www.example.com")
        #expect(UUIDv5.make(namespace: UUIDv5.dnsNamespace, name: "www.example.com") == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    @Test func idsAreStableAndDifferBetweenSites() {
        let kingsmere = StableID(site: "https://localoffer.kingsmere.example.org/")
        #expect(kingsmere.service("portage") == StableID(site: "https://localoffer.kingsmere.example.org").service("portage"))
        #expect(kingsmere.service("portage") != StableID(site: "https://localoffer.other.example.org/").service("portage"))
        #expect(kingsmere.service("portage") != kingsmere.organisation("portage"))
        #expect(UUIDv5.isWellFormed(kingsmere.make("service/portage/contact")))
        #expect(!UUIDv5.isWellFormed("portage"))
    }
}

@Suite("JSON")
struct JSONValueTests {
    @Test func writesCompactJSONWithEveryControlCharacterEscaped() throws {
        let value = JSONValue.object([("a", .string("line\nbreak \"quoted\" \\ \u{01} \u{2028} é/")), ("n", .number("12.5")),
                                      ("i", .integer(-3)), ("b", .bool(false)), ("list", .array([]))])
        let text = value.serialized()
        #expect(text == #"{"a":"line\nbreak \"quoted\" \\ \u0001 \u2028 é/","n":12.5,"i":-3,"b":false,"list":[]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["a"] as? String == "line\nbreak \"quoted\" \\ \u{01} \u{2028} é/")
    }

    @Test func parsingDropsNullsAndKeepsNumbers() throws {
        let value = try JSONValue.parse(Data(#"{"a": null, "b": [1, null, 2.5, true, "x"], "c": {"d": 7}}"#.utf8)).get()
        #expect(value["a"] == nil)
        #expect(value["b"]?.arrayValue == [.integer(1), .number("2.5"), .bool(true), .string("x")])
        #expect(value["c"]?["d"]?.stringValue == "7")
        if case .success = JSONValue.parse(Data("{not json".utf8)) { Issue.record("malformed JSON must fail") }
    }

    @Test func poundsAreExactJSONNumbers() {
        #expect(ORUKServiceMapping.pounds(1250) == "12.5")
        #expect(ORUKServiceMapping.pounds(1200) == "12")
        #expect(ORUKServiceMapping.pounds(1205) == "12.05")
        #expect(ORUKServiceMapping.pounds(5) == "0.05")
    }
}

@Suite("Open Referral round trip")
struct RoundTripTests {
    /// The issue's test: export the demo, import the feed into an empty site, export again: the same feed.
    @Test func exportImportExportGivesTheSameFeedForTheDemo() throws {
        let first = Demo.temporaryFolder() + "/public"
        let content = try Demo.emptySite()
        let second = Demo.temporaryFolder() + "/public"
        defer { Demo.remove(first, content, second) }
        let report = Demo.build(content: Demo.content, output: first)
        #expect(report.succeeded, "\(report.diagnostics)")

        let target = try ImportTarget.load(content).get()
        let (services, problems, read) = ORUKImport(categories: target.categories, today: Demo.today).read([first + "/openreferral"])
        #expect(problems.isEmpty, "\(problems)")
        let plan = ImportPlanner(target: target, force: false, partial: false, today: Demo.today).plan(services, problems: problems, recordsRead: read)
        #expect(plan.errors.isEmpty, "\(plan.errors)")
        #expect(plan.drafts == 0, "every service of the demo's feed is complete")
        #expect(ImportWriter.write(plan).isEmpty)

        let rebuilt = Demo.build(content: content, output: second)
        #expect(rebuilt.succeeded, "\(rebuilt.diagnostics)")

        let before = Demo.snapshot(first + "/openreferral")
        let after = Demo.snapshot(second + "/openreferral")
        #expect(before.count > 200, "services, organisations, taxonomies and locations")
        #expect(Set(before.keys) == Set(after.keys), "the same files: \(Set(before.keys).symmetricDifference(after.keys).sorted().prefix(5))")
        let differing = before.keys.sorted().filter { before[$0] != after[$0] }
        #expect(differing.isEmpty, "files that differ: \(differing.prefix(5))")
        if let path = differing.first, let a = before[path], let b = after[path] {
            let left = String(decoding: a, as: UTF8.self), right = String(decoding: b, as: UTF8.self)
            let index = zip(left, right).prefix(while: { $0 == $1 }).count
            Issue.record("first difference in \(path): …\(left.dropFirst(max(0, index - 60)).prefix(160))… vs …\(right.dropFirst(max(0, index - 60)).prefix(160))…")
        }
        // And the imported site has every published service, with the same file names (so the same ids).
        let demoServices = try FileManager.default.contentsOfDirectory(atPath: Demo.content + "/services")
            .filter { !(String(decoding: FileManager.default.contents(atPath: Demo.content + "/services/" + $0) ?? Data(), as: UTF8.self).contains("\nstatus: draft")) }
        let imported = try FileManager.default.contentsOfDirectory(atPath: content + "/services")
        #expect(Set(imported) == Set(demoServices))
    }

    @Test func importingTheSameFeedAgainNeedsForce() throws {
        let output = Demo.temporaryFolder() + "/public"
        let content = try Demo.emptySite()
        defer { Demo.remove(output, content) }
        _ = Demo.build(content: Demo.content, output: output)
        let target = try ImportTarget.load(content).get()
        let reader = ORUKImport(categories: target.categories, today: Demo.today)
        let (services, problems, read) = reader.read([output + "/openreferral/services/index.html"])
        let plan = ImportPlanner(target: target, force: false, partial: false, today: Demo.today).plan(services, problems: problems, recordsRead: read)
        #expect(ImportWriter.write(plan).isEmpty)
        let written = Demo.snapshot(content)

        let again = try ImportTarget.load(content).get()
        let refused = ImportPlanner(target: again, force: false, partial: false, today: Demo.today).plan(services, problems: problems, recordsRead: read)
        #expect(refused.errors.count == services.count)
        #expect(refused.errors.allSatisfy { problem in problem.code == .importWouldOverwrite })
        #expect(!refused.canWrite)
        #expect(Demo.snapshot(content) == written, "nothing was touched")

        let forced = ImportPlanner(target: again, force: true, partial: false, today: Demo.today).plan(services, problems: problems, recordsRead: read)
        #expect(forced.errors.isEmpty, "\(forced.errors.prefix(3))")
        #expect(forced.services.allSatisfy { $0.replaces })
        #expect(forced.entries.filter { $0.kind == .organisation }.isEmpty, "existing organisations are matched by name, not written again")
    }
}
