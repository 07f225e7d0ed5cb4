import Foundation
import LocalOffer
import LocalOfferModel
import Testing

/// A rebuild keeps unchanged files from the previous site and makes only what changed. Whatever the
/// edits, the result must be byte for byte what a clean build of the same content gives.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// The edits editors make, each kept valid so both builds succeed.
    enum Edit: CaseIterable {
        case serviceSummary, serviceTitle, serviceAges, addService, deleteService, organisationName, pageBody,
             glossaryEntry, categoryTitle, template, laterDay, nothing
    }

    struct Workspace {
        let folder: String
        let content: String
        let theme: String
        var today = TestSite.today
        var added = 0

        init() throws {
            folder = TestSite.temporaryFolder()
            content = try TestSite.copyDemoContent(to: folder)
            theme = folder + "/theme"
            try FileManager.default.copyItem(atPath: TestSite.defaultTheme, toPath: theme)
            try SyntheticContent.addServices(60, to: content, seed: 7)
        }

        func build(into output: String) -> BuildReport {
            SiteBuilder(options: BuildOptions(
                contentDirectory: content, templateDirectories: [theme], outputDirectory: output, today: today
            )).build()
        }

        func generated() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: content + "/services")) ?? [])
                .filter { $0.hasPrefix("generated-") }.sorted()
        }

        func rewrite(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try change(text).write(toFile: path, atomically: false, encoding: .utf8)
        }

        func replacingLine(_ text: String, prefix: String, with line: String) -> String {
            text.components(separatedBy: "\n").map { $0.hasPrefix(prefix) ? line : $0 }.joined(separator: "\n")
        }

        mutating func apply(_ edit: Edit, _ random: inout SyntheticContent.Random, step: Int) throws {
            let services = generated()
            let pick = content + "/services/" + services[random.next(services.count)]
            switch edit {
            case .serviceSummary:
                try rewrite(pick) { replacingLine($0, prefix: "summary:", with: "summary: Edited at step \(step), a group for families, changed by an editor.") }
            case .serviceTitle:
                try rewrite(pick) { replacingLine($0, prefix: "title:", with: "title: Aardvark club \(step) \(random.next(100_000))") }
            case .serviceAges:
                try rewrite(pick) { replacingLine($0, prefix: "  age:", with: "  age: {min: \(random.next(10)), max: 25}") }
            case .addService:
                added += 1
                var generator = SyntheticContent.Random(state: UInt64(1000 + added))
                let text = SyntheticContent.service(90_000 + added, random: &generator, titlePrefix: "New ")
                try text.write(toFile: content + "/services/generated-new-\(added).md", atomically: false, encoding: .utf8)
            case .deleteService:
                try FileManager.default.removeItem(atPath: pick)
            case .organisationName:
                try rewrite(content + "/organisations/kingsmere-family-hubs.md") {
                    replacingLine($0, prefix: "name:", with: "name: Kingsmere Family Hubs \(step)")
                }
            case .pageBody:
                try rewrite(content + "/pages/complaints.md") { $0 + "\nAdded at step \(step): ask the EHCP team.\n" }
            case .glossaryEntry:
                try rewrite(content + "/glossary.yml") {
                    $0 + "\n- term: Widget \(step)\n  meaning: A made-up word for this test, defined at step \(step).\n"
                }
            case .categoryTitle:
                try rewrite(content + "/site.yml") {
                    $0.replacingOccurrences(of: "title: Travel and transport", with: "title: Travel and getting about")
                        .replacingOccurrences(of: "title: Travel and getting about", with: step % 2 == 0 ? "title: Travel and getting about" : "title: Travel and transport")
                }
            case .template:
                try rewrite(theme + "/partials/service-list.mustache") { $0 + "<!-- step \(step) -->\n" }
            case .laterDay:
                today = today.adding(months: 2)
            case .nothing:
                break
            }
        }
    }

    @Test func randomEditsGiveTheSameSiteAsACleanBuild() throws {
        var workspace = try Workspace()
        let output = workspace.folder + "/public"
        #expect(workspace.build(into: output).succeeded)
        var random = SyntheticContent.Random(state: 42)
        var edits = Edit.allCases
        for _ in 0..<2 { edits.append(Edit.allCases[random.next(Edit.allCases.count)]) }
        for (step, edit) in edits.enumerated() {
            try workspace.apply(edit, &random, step: step)
            let incremental = workspace.build(into: output)
            let clean = workspace.build(into: workspace.folder + "/clean-\(step)")
            let bothSucceeded = incremental.succeeded && clean.succeeded
            #expect(bothSucceeded, "step \(step) \(edit): \(incremental.diagnostics.filter(\.isError).map(\.message))")
            let (kept, fresh) = (TestSite.snapshot(of: output), TestSite.snapshot(of: workspace.folder + "/clean-\(step)"))
            let differing = Set(kept.keys).union(fresh.keys).filter { kept[$0] != fresh[$0] }.sorted()
            let differences = differing.count
            #expect(differences == 0, "step \(step) (\(edit)): \(differing.count) files differ from a clean build, such as \(differing.prefix(5))")
            try? FileManager.default.removeItem(atPath: workspace.folder + "/clean-\(step)")
        }
    }

    @Test func aRebuildOfUnchangedContentRewritesNoFile() throws {
        let workspace = try Workspace()
        let output = workspace.folder + "/public"
        let first = workspace.build(into: output)
        #expect(first.succeeded)
        let before = Self.inodes(of: output)
        let second = workspace.build(into: output)
        #expect(second.succeeded)
        #expect(second.filesRewritten == 0, "wrote \(second.filesRewritten) of \(second.filesWritten) files again")
        // Every service page and list page is kept unmade; what is made each time (the search index and a
        // dozen small pages) is compared by its bytes and kept too.
        #expect(second.filesMade < first.filesMade - 140, "made \(second.filesMade) of \(second.filesWritten) files again")
        let after = Self.inodes(of: output)
        let rewritten = before.filter { path, inode in path != ".localoffer-site" && after[path] != inode }.keys.sorted()
        let rewrittenCount = rewritten.count
        #expect(rewrittenCount == 0, "rewritten: \(rewritten.prefix(5))")
    }

    @Test func oneEditedServiceRemakesOnlyThePagesThatShowIt() throws {
        let workspace = try Workspace()
        let output = workspace.folder + "/public"
        #expect(workspace.build(into: output).succeeded)
        let unchanged = workspace.build(into: output).filesMade
        let service = try #require(workspace.generated().first)
        try workspace.rewrite(workspace.content + "/services/" + service) {
            workspace.replacingLine($0, prefix: "summary:", with: "summary: A changed summary, as an editor would write it.")
        }
        let report = workspace.build(into: output)
        #expect(report.succeeded)
        // Its own page, the list pages it is on (A to Z, topic, organisation, browse lists), and the
        // files made every time (search index, home and other small pages).
        #expect(report.filesMade - unchanged < 20, "made \(report.filesMade) files, \(unchanged) when nothing changed")
        #expect(TestSite.text(output, "services/\(service.dropLast(3))/index.html").contains("A changed summary"))
    }

    static func inodes(of folder: String) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + relative),
               attributes[.type] as? FileAttributeType == .typeRegular,
               let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value {
                result[relative] = inode
            }
        }
        return result
    }
}
