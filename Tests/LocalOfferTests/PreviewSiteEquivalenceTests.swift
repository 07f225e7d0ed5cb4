import Foundation
import LocalOffer
import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferWriters
import Testing

/// `serve` reads again only the files its watcher names, reuses every other entry's decoded value,
/// rendered body and the rules' findings, and plans each writer's files when a page asks for them.
/// Whatever the edits, what it answers must be what a fresh plan of the same files gives: the same
/// problems, the same files, byte for byte.
@Suite("Preview site after edits")
struct PreviewSiteEquivalenceTests {
    /// What an editor does between two saves, with the paths the watcher would report.
    enum Edit: CaseIterable {
        case serviceSummary, serviceTitle, duplicateTitle, serviceAges, serviceCategory, draftToggle, addService,
             deleteService, renameService, linkFromPage, unknownOrganisation, brokenYAML, repair, organisationName,
             organisationBody, pageBody, pageTitle, lonelyOrganisationName, brokenLinkInBody, glossaryEntry,
             editorTemporaryFile, nothing
    }

    struct Workspace {
        let folder: String
        let content: String
        let theme: String
        var added = 0
        /// Files an edit broke, with their text before, for `repair`.
        var broken: [String: String] = [:]

        init() throws {
            folder = TestSite.temporaryFolder()
            content = try TestSite.copyDemoContent(to: folder)
            theme = folder + "/theme"
            try FileManager.default.copyItem(atPath: TestSite.defaultTheme, toPath: theme)
            try SyntheticContent.addServices(12, to: content, seed: 11)
            // An organisation no service names: the warning that says so quotes its name.
            try write(content + "/organisations/\(Self.lonelyOrganisation).md", """
                ---
                name: Kingsmere Closed Trust
                type: voluntary
                contact: {phone: 020 7946 0999, email: trust@kingsmere-closed.example.org}
                ---
                A trust that runs no services at present.
                """)
        }

        static let lonelyOrganisation = "kingsmere-closed-trust"

        var options: BuildOptions {
            BuildOptions(contentDirectory: content, templateDirectories: [theme], outputDirectory: "", baseURL: "/", today: TestSite.today)
        }

        func services() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: content + "/services")) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        }

        func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

        func write(_ path: String, _ text: String) throws {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }

        func replacingLine(_ text: String, prefix: String, with line: String) -> String {
            text.components(separatedBy: "\n").map { $0.hasPrefix(prefix) ? line : $0 }.joined(separator: "\n")
        }

        /// Makes the edit; returns the paths the watcher would name (the content folder joined with the path under it).
        mutating func apply(_ edit: Edit, _ random: inout SyntheticContent.Random, step: Int) throws -> Set<String> {
            let names = services()
            let pick = content + "/services/" + names[random.next(names.count)]
            // The demo's services link to each other: removing one breaks links for good. Generated
            // ones come and go; links to them are made by `linkFromPage`, and `repair` takes those back.
            let ours = names.filter { !FileManager.default.fileExists(atPath: TestSite.demoContent + "/services/" + $0) }
            let pickOurs = content + "/services/" + ours[random.next(ours.count)]
            func remember(_ path: String) throws {
                if broken[path] == nil { broken[path] = try read(path) }
            }
            switch edit {
            case .serviceSummary:
                try write(pick, replacingLine(try read(pick), prefix: "summary:", with: "summary: Edited at step \(step), a group for families."))
                return [pick]
            case .serviceTitle:
                // To the start of the A to Z or to its end: the service moves in every list it is in.
                let start = random.next(2) == 0 ? "Aardvark club" : "Zebra crossing club"
                try write(pick, replacingLine(try read(pick), prefix: "title:", with: "title: \(start) \(step) \(random.next(100_000))"))
                return [pick]
            case .pageTitle:
                let path = content + "/pages/" + ["money-and-benefits.md", "complaints.md", "privacy-notice.md"][random.next(3)]
                let start = random.next(2) == 0 ? "About" : "Your"
                try write(path, replacingLine(try read(path), prefix: "title:", with: "title: \(start) page \(step)"))
                return [path]
            case .lonelyOrganisationName:
                let path = content + "/organisations/\(Self.lonelyOrganisation).md"
                try write(path, replacingLine(try read(path), prefix: "name:", with: "name: Kingsmere Closed Trust \(step)"))
                return [path]
            case .duplicateTitle:
                let other = content + "/services/" + names[random.next(names.count)]
                let title = try read(other).components(separatedBy: "\n").first { $0.hasPrefix("title:") } ?? "title: Same"
                try remember(pick)
                try write(pick, replacingLine(try read(pick), prefix: "title:", with: title))
                return [pick]
            case .serviceAges:
                try write(pick, replacingLine(try read(pick), prefix: "  age:", with: "  age: {min: \(random.next(10)), max: 25}"))
                return [pick]
            case .serviceCategory:
                let category = SyntheticContent.categories[random.next(SyntheticContent.categories.count)]
                try write(pick, replacingLine(try read(pick), prefix: "categories:", with: "categories: [\(category)]"))
                return [pick]
            case .draftToggle:
                // A draft has no page: links to it from other files break, lists lose it.
                try remember(pick)
                let text = try read(pick)
                try write(pick, text.contains("\nstatus: draft\n")
                    ? text.replacingOccurrences(of: "\nstatus: draft\n", with: "\n")
                    : text.replacingOccurrences(of: "\nsummary:", with: "\nstatus: draft\nsummary:"))
                return [pick]
            case .addService:
                added += 1
                var generator = SyntheticContent.Random(state: UInt64(500 + added))
                let path = content + "/services/added-\(added).md"
                let text = SyntheticContent.service(80_000 + added, random: &generator, titlePrefix: "Added ")
                // Every other one reviewed lately: the others may fall due for review soon, a warning
                // in the new file that only validating the whole site reports.
                try write(path, added % 2 == 1 ? replacingLine(text, prefix: "last_reviewed:", with: "last_reviewed: 2026-10-01") : text)
                return [path]
            case .deleteService:
                try FileManager.default.removeItem(atPath: pickOurs)
                broken[pickOurs] = nil
                return [pickOurs]
            case .renameService:
                // Links to the old name break in the files that hold them.
                let renamed = content + "/services/renamed-\(step).md"
                try FileManager.default.moveItem(atPath: pickOurs, toPath: renamed)
                broken[renamed] = broken.removeValue(forKey: pickOurs)
                return [pickOurs, renamed]
            case .linkFromPage:
                let page = content + "/pages/complaints.md"
                try remember(page)
                let target = ours[random.next(ours.count)]
                try write(page, try read(page) + "\nSee [a service](../services/\(target)) (step \(step)).\n")
                return [page]
            case .unknownOrganisation:
                try remember(pick)
                try write(pick, replacingLine(try read(pick), prefix: "organisation:", with: "organisation: no-such-organisation"))
                return [pick]
            case .brokenYAML:
                try remember(pick)
                try write(pick, try read(pick).replacingOccurrences(of: "\nsummary:", with: "\nsummary: [unclosed\nother:"))
                return [pick]
            case .repair:
                guard let path = broken.keys.sorted().first, let text = broken.removeValue(forKey: path) else { return [] }
                try write(path, text)
                return [path]
            case .organisationName:
                let path = content + "/organisations/kingsmere-family-hubs.md"
                try write(path, replacingLine(try read(path), prefix: "name:", with: "name: Kingsmere Family Hubs \(step)"))
                return [path]
            case .brokenLinkInBody:
                // Only this file's body changes, and it now has a problem: the short way must not hide it.
                try remember(pick)
                try write(pick, try read(pick) + "\nSee [a service that is not there](no-such-service-\(step).md).\n")
                return [pick]
            case .organisationBody:
                let path = content + "/organisations/kingsmere-send-service.md"
                try write(path, try read(path) + "\nAdded at step \(step): open on Saturdays.\n")
                return [path]
            case .pageBody:
                let path = content + "/pages/you-said-we-did.md"
                try write(path, try read(path) + "\nAdded at step \(step).\n")
                return [path]
            case .glossaryEntry:
                let path = content + "/glossary.yml"
                try write(path, try read(path) + "\n- term: Widget \(step)\n  meaning: A made-up word, defined at step \(step).\n")
                return [path]
            case .editorTemporaryFile:
                // An editor saving through a temporary file: the watcher names both.
                let temporary = content + "/services/.\(step).swp"
                try write(temporary, "draft")
                try write(pick, replacingLine(try read(pick), prefix: "summary:", with: "summary: Saved through a temporary file at \(step)."))
                try FileManager.default.removeItem(atPath: temporary)
                return [temporary, pick, content + "/services/sed\(step)"]
            case .nothing:
                return []
            }
        }
    }

    /// A fresh plan of the files as they are, with no cache: what `serve` must answer.
    static func freshPlan(_ options: BuildOptions) -> SiteBuilder.SitePlan {
        SiteBuilder(options: options, writers: SiteWriters.standard.filter { !($0 is SearchIndexWriter) }).planSite()
    }

    static func bytes(_ contents: FileContents) -> [UInt8] {
        switch contents {
        case .bytes(let bytes): bytes
        case .text(let text): Array(text.utf8)
        case .data(let data): Array(data)
        }
    }

    /// Every difference between what the preview answers and the fresh plan; empty when they agree.
    static func differences(_ site: PreviewSite, _ fresh: SiteBuilder.SitePlan, lastPublishable: [String]) -> [String] {
        var found: [String] = []
        let diagnostics = site.currentDiagnostics
        if diagnostics != fresh.diagnostics {
            let missing = fresh.diagnostics.filter { !diagnostics.contains($0) }.map { "\($0.code): \($0.message)" }
            let extra = diagnostics.filter { !fresh.diagnostics.contains($0) }.map { "\($0.code): \($0.message)" }
            found.append("diagnostics differ: missing \(missing.prefix(3)), extra \(extra.prefix(3))")
        }
        guard fresh.isPublishable else {
            // Every page shows the problems.
            for path in lastPublishable where path.hasSuffix(".html") {
                guard case .errors(let shown) = site.response(for: "/" + path), shown == fresh.diagnostics else {
                    found.append("\(path) does not show the problems")
                    continue
                }
            }
            return found
        }
        let paths = Set(fresh.files.map(\.path))
        let planned = site.plannedPaths()
        if planned != paths {
            found.append("files differ: missing \(paths.subtracting(planned).sorted().prefix(3)), extra \(planned.subtracting(paths).sorted().prefix(3))")
        }
        for file in fresh.files {
            guard case .success(let contents) = file.make() else {
                found.append("\(file.path) cannot be made")
                continue
            }
            guard case .file(let served, _) = site.response(for: "/" + file.path) else {
                found.append("\(file.path) is not served")
                continue
            }
            if served != bytes(contents) { found.append("\(file.path) differs") }
        }
        return found
    }

    @Test func randomEditsAnswerAsAFreshPlan() throws {
        var workspace = try Workspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.folder) }
        let site = PreviewSite(options: workspace.options)
        site.rebuild()
        site.finishPlanning()
        let first = Self.freshPlan(workspace.options)
        #expect(first.isPublishable, "the workspace should start without errors: \(first.diagnostics.prefix(3))")
        var lastPublishable = first.files.map(\.path)
        #expect(Self.differences(site, Self.freshPlan(workspace.options), lastPublishable: lastPublishable).isEmpty)

        var random = SyntheticContent.Random(state: 2027)
        // Every kind of edit once, then a random sequence in which the edits an editor makes most come
        // more often; errors come and go (repair).
        let likely = Edit.allCases + [.serviceSummary, .serviceSummary, .pageBody, .organisationBody, .serviceSummary, .addService]
        var edits = Edit.allCases
        for _ in 0..<20 { edits.append(likely[random.next(likely.count)]) }
        var sawErrors = false
        var readAgainOnlyChanged = 0
        var revisedOnly = 0
        var paths: [String] = []
        for (step, planned) in edits.enumerated() {
            // Mistakes are put right as often as they are made, so that the site keeps coming back to no errors.
            let edit = !workspace.broken.isEmpty && random.next(2) == 0 ? .repair : planned
            let changed = try workspace.apply(edit, &random, step: step)
            let rebuilt = site.rebuild(changed: changed)
            // Only site-wide files (the glossary) are a reason to read the whole folder again.
            let entriesOnly = !changed.contains { $0.hasSuffix(".yml") }
            #expect(rebuilt.readWholeFolder == !entriesOnly, "step \(step) (\(edit)): read the whole folder: \(rebuilt.readWholeFolder)")
            if !rebuilt.readWholeFolder { readAgainOnlyChanged += 1 }
            // Before the rest is planned, a service's page is planned on its own (`ServicePagesWriter.planFile`).
            let early = Self.freshPlan(workspace.options)
            if early.isPublishable {
                let servicePages = early.files.filter { $0.path.hasPrefix("services/") && !$0.path.hasPrefix("services/page/") }
                let differing = servicePages.filter { file in
                    guard case .success(let contents) = file.make(), case .file(let served, _) = site.response(for: "/" + file.path) else { return true }
                    return served != Self.bytes(contents)
                }.map(\.path)
                #expect(differing.isEmpty, "step \(step) (\(edit)), before planning the rest: \(differing.prefix(3))")
            }
            // Validated again as a whole, or only the changed entries decoded and rendered again.
            if !rebuilt.steps.contains(where: { $0.name == "validate" }) { revisedOnly += 1 }
            paths.append("\(edit):\(rebuilt.steps.contains(where: { $0.name == "validate" }) ? "whole" : "revised"):\(rebuilt.diagnostics.count)")
            site.finishPlanning()
            let fresh = early
            sawErrors = sawErrors || fresh.diagnostics.hasErrors
            let found = Self.differences(site, fresh, lastPublishable: lastPublishable)
            #expect(found.isEmpty, "step \(step) (\(edit), changed \(changed.map { ($0 as NSString).lastPathComponent }.sorted())): \(found.prefix(5))")
            if fresh.isPublishable { lastPublishable = fresh.files.map(\.path) }
        }
        #expect(sawErrors, "the sequence should pass through content with errors")
        #expect(readAgainOnlyChanged > edits.count / 2)
        // Summaries, a page's body, an organisation's details: the edits that leave every other entry as it was.
        #expect(revisedOnly >= 8, "only \(revisedOnly) of \(edits.count) edits took the short way: \(paths)")
    }

    /// The saves that take the short way without validating the whole site again — a new title, a
    /// new service, a deleted one — and those next to them that must not, each answered as a fresh
    /// plan would, in a fixed order from a site without errors.
    @Test func titlesAndNewAndDeletedServicesTakeTheShortWay() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(atPath: workspace.folder) }
        let site = PreviewSite(options: workspace.options)
        site.rebuild()
        site.finishPlanning()
        var lastPublishable = Self.freshPlan(workspace.options).files.map(\.path)
        let content = workspace.content
        let ours = workspace.services().filter { !FileManager.default.fileExists(atPath: TestSite.demoContent + "/services/" + $0) }
        let first = content + "/services/" + ours[0]
        var generator = SyntheticContent.Random(state: 99)
        let newService = SyntheticContent.service(90_001, random: &generator, titlePrefix: "Aardvark ")
        let added = content + "/services/aardvark-new.md"
        let page = content + "/pages/complaints.md"
        let pageText = try workspace.read(page)

        // (what the save does, whether it may take the short way, the paths the watcher names)
        let saves: [(String, Bool, () throws -> Set<String>)] = [
            ("a service's title, to the end of the A to Z", true, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "title:", with: "title: Zebra crossing club"))
                return [first]
            }),
            ("a new service reviewed lately", true, {
                try workspace.write(added, workspace.replacingLine(newService, prefix: "last_reviewed:", with: "last_reviewed: 2026-10-01"))
                return [added]
            }),
            ("the new service's title, to the other end", true, {
                try workspace.write(added, workspace.replacingLine(try workspace.read(added), prefix: "title:", with: "title: Zulu group"))
                return [added]
            }),
            ("the new service deleted", true, {
                try FileManager.default.removeItem(atPath: added)
                return [added]
            }),
            ("a new service due for review soon: a warning in it, shown", true, {
                try workspace.write(added, workspace.replacingLine(newService, prefix: "last_reviewed:", with: "last_reviewed: 2025-12-10"))
                return [added]
            }),
            ("a new service with the title of another", false, {
                let title = try workspace.read(first).components(separatedBy: "\n").first { $0.hasPrefix("title:") } ?? "title: Zebra crossing club"
                let path = content + "/services/same-title.md"
                try workspace.write(path, workspace.replacingLine(newService, prefix: "title:", with: title))
                return [path]
            }),
            ("that one deleted again", false, {
                try FileManager.default.removeItem(atPath: content + "/services/same-title.md")
                return [content + "/services/same-title.md"]
            }),
            ("a service's topics", true, {
                let text = try workspace.read(first)
                let other = SyntheticContent.categories.first { !text.contains("categories: [\($0)]") } ?? "education"
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "categories:", with: "categories: [\(other)]"))
                return [first]
            }),
            ("a service's ages", true, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "  age:", with: "  age: {min: 16, max: 25}"))
                return [first]
            }),
            ("a service made a draft, which nothing links to", true, {
                try workspace.write(first, try workspace.read(first).replacingOccurrences(of: "\nsummary:", with: "\nstatus: draft\nsummary:"))
                return [first]
            }),
            ("published again", true, {
                try workspace.write(first, try workspace.read(first).replacingOccurrences(of: "\nstatus: draft\n", with: "\n"))
                return [first]
            }),
            ("a topic site.yml does not declare", false, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "categories:", with: "categories: [no-such-topic]"))
                return [first]
            }),
            ("a declared topic again", false, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "categories:", with: "categories: [education]"))
                return [first]
            }),
            ("a page's title", true, {
                try workspace.write(page, workspace.replacingLine(pageText, prefix: "title:", with: "title: About complaints"))
                return [page]
            }),
            ("a link from the page to a service", true, {
                try workspace.write(page, try workspace.read(page) + "\nSee [this service](../services/\(ours[1])).\n")
                return [page]
            }),
            ("that service deleted: the link breaks", false, {
                try FileManager.default.removeItem(atPath: content + "/services/" + ours[1])
                return [content + "/services/" + ours[1]]
            }),
            ("the link taken out", false, {
                try workspace.write(page, pageText)
                return [page]
            }),
            ("a link to a service, then the service made a draft: the link breaks", false, {
                try workspace.write(page, pageText + "\nSee [this service](../services/\(ours[3])).\n")
                let rebuilt = site.rebuild(changed: [page])
                #expect(!rebuilt.diagnostics.hasErrors)
                let path = content + "/services/" + ours[3]
                try workspace.write(path, try workspace.read(path).replacingOccurrences(of: "\nsummary:", with: "\nstatus: draft\nsummary:"))
                return [path]
            }),
            ("the page without the link", false, {
                try workspace.write(page, pageText)
                return [page]
            }),
            ("the name of an organisation no service names, which a warning quotes", false, {
                let path = content + "/organisations/\(Workspace.lonelyOrganisation).md"
                try workspace.write(path, workspace.replacingLine(try workspace.read(path), prefix: "name:", with: "name: Kingsmere Quiet Trust"))
                return [path]
            }),
            // A mistake that leaves what the rules between entries read as it was is shown at once,
            // and its fix compared with the file as it was before it.
            ("a mistake in a service: an e-mail address that is not one", true, {
                let path = content + "/services/" + ours[4]
                try workspace.write(path, workspace.replacingLine(try workspace.read(path), prefix: "  email:", with: "  email: not-an-address"))
                return [path]
            }),
            ("another mistake in the same file, and a broken link in its body", true, {
                let path = content + "/services/" + ours[4]
                try workspace.write(path, workspace.replacingLine(try workspace.read(path), prefix: "  phone:", with: "  phone: call us")
                    + "\nSee [nothing](no-such-file.md).\n")
                return [path]
            }),
            ("both mended", true, {
                let path = content + "/services/" + ours[4]
                let text = try workspace.read(path).replacingOccurrences(of: "\nSee [nothing](no-such-file.md).\n", with: "")
                try workspace.write(path, workspace.replacingLine(
                    workspace.replacingLine(text, prefix: "  email:", with: "  email: mended@example.org"), prefix: "  phone:", with: "  phone: 020 7946 0123"))
                return [path]
            }),
            ("a placeholder title: the rules read the title", false, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "title:", with: "title: TODO"))
                return [first]
            }),
            ("the title back", false, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "title:", with: "title: Zebra crossing club"))
                return [first]
            }),
            ("the e-mail mistake again", true, {
                let path = content + "/services/" + ours[4]
                try workspace.write(path, workspace.replacingLine(try workspace.read(path), prefix: "  email:", with: "  email: not-an-address"))
                return [path]
            }),
            ("while it stands, a page links to another service", false, {
                try workspace.write(page, pageText + "\nSee [this service](../services/\(ours[5])).\n")
                return [page]
            }),
            ("while it stands, that service deleted: the link breaks too", false, {
                try FileManager.default.removeItem(atPath: content + "/services/" + ours[5])
                return [content + "/services/" + ours[5]]
            }),
            ("the page without the link", false, {
                try workspace.write(page, pageText)
                return [page]
            }),
            ("the e-mail address mended", false, {
                let path = content + "/services/" + ours[4]
                try workspace.write(path, workspace.replacingLine(try workspace.read(path), prefix: "  email:", with: "  email: team@example.org"))
                return [path]
            }),
            ("a new organisation, which no service names yet", false, {
                let path = content + "/organisations/kingsmere-new-trust.md"
                try workspace.write(path, """
                    ---
                    name: Kingsmere New Trust
                    type: voluntary
                    contact: {phone: 020 7946 0998, email: hello@kingsmere-new.example.org}
                    ---
                    A new trust.
                    """)
                return [path]
            }),
            ("its first service: the warning that it has none goes", false, {
                try workspace.write(added, workspace.replacingLine(
                    workspace.replacingLine(newService, prefix: "last_reviewed:", with: "last_reviewed: 2026-10-01"),
                    prefix: "organisation:", with: "organisation: kingsmere-new-trust"))
                return [added]
            }),
            ("its only service deleted: the warning comes back", false, {
                try FileManager.default.removeItem(atPath: added)
                return [added]
            }),
            ("a service moved to that organisation: the warning goes", false, {
                try workspace.write(first, workspace.replacingLine(try workspace.read(first), prefix: "organisation:", with: "organisation: kingsmere-new-trust"))
                return [first]
            }),
            ("and made a draft there: the warning comes back", false, {
                try workspace.write(first, try workspace.read(first).replacingOccurrences(of: "\nsummary:", with: "\nstatus: draft\nsummary:"))
                return [first]
            }),
        ]
        for (what, short, save) in saves {
            let changed = try save()
            if changed.isEmpty { continue }
            let rebuilt = site.rebuild(changed: changed)
            let tookShortWay = !rebuilt.steps.contains { $0.name == "validate" }
            #expect(tookShortWay == short, "\(what): took the short way: \(tookShortWay)")
            site.finishPlanning()
            let fresh = Self.freshPlan(workspace.options)
            let found = Self.differences(site, fresh, lastPublishable: lastPublishable)
            #expect(found.isEmpty, "\(what): \(found.prefix(5))")
            if fresh.isPublishable { lastPublishable = fresh.files.map(\.path) }
        }
    }
}
