import Foundation
import LocalOffer
import LocalOfferDiagnostics
import LocalOfferModel
import Testing

/// Eight mistakes of eight kinds, in eight files of a real content folder, as a new editor makes
/// them: one run of `check` reports every one at its line, and nothing else (no "does not exist"
/// for an entry that has a mistake of its own, no broken link to it, no error hidden by another).
///
/// The mistakes are planted by what the files contain, not by their names, so the same test runs
/// on the demo content and on the second council's, which is written differently.
@Suite("Every problem in one run")
struct EveryProblemInOneRunTests {
    static var contentFolders: [String] {
        [TestSite.demoContent, TestSite.repositoryRoot.appendingPathComponent("tests/fixtures/second-council/content").path]
            .filter { FileManager.default.fileExists(atPath: $0 + "/site.yml") }
    }

    @Test("Eight mistakes in eight files: one run reports each at its line, with no cascade", arguments: contentFolders)
    func eightMistakesInOneRun(content original: String) throws {
        let folder = TestSite.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/content"
        try FileManager.default.copyItem(atPath: original, toPath: content)
        let clean = SiteBuilder(options: BuildOptions(contentDirectory: content, today: TestSite.today)).check()
        #expect(!clean.hasErrors, "the content must be clean before the mistakes: \(Self.report(clean))")

        var planter = try MistakePlanter(content: content)
        try planter.plantAll()

        let diagnostics = SiteBuilder(options: BuildOptions(contentDirectory: content, today: TestSite.today)).check()
        let found = Set(diagnostics.filter(\.isError).map { PlantedMistake.Found(path: $0.location?.path ?? "", line: $0.location?.line ?? 0, code: $0.code) })
        let expected = Set(planter.planted.map(\.found))
        #expect(planter.planted.count == 8)
        #expect(Set(planter.planted.map(\.path)).count == 8, "eight different files")
        #expect(Set(planter.planted.map(\.kind)).count == 8, "eight different kinds of mistake")
        for mistake in planter.planted {
            #expect(found.contains(mistake.found), "not reported: \(mistake.kind) at \(mistake.path):\(mistake.line) [\(mistake.code.rawValue)]\n\(Self.report(diagnostics))")
        }
        let extra = found.subtracting(expected)
        #expect(extra.isEmpty, "reported but not planted (a cascade):\n\(Self.report(diagnostics.filter { d in extra.contains { $0.path == d.location?.path && $0.line == d.location?.line } }))")
        #expect(!diagnostics.contains { $0.code == .unknownOrganisation }, "an organisation with a bad e-mail address still exists")
        #expect(diagnostics.filter { $0.code == .brokenLink }.count == 1, "only the planted link is broken:\n\(Self.report(diagnostics))")

        // The hints fit the causes.
        let byKind = Dictionary(planter.planted.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        func diagnostic(_ kind: PlantedMistake.Kind) -> Diagnostic? {
            guard let mistake = byKind[kind] else { return nil }
            return diagnostics.first { $0.location?.path == mistake.path && $0.location?.line == mistake.line && $0.code == mistake.code }
        }
        let quote = try #require(diagnostic(.unclosedQuote))
        #expect(quote.message.hasPrefix("this string, opened at 2:"), "\(quote.message)")
        let indent = try #require(diagnostic(.threeSpaceIndent))
        #expect(indent.hint?.contains("indent this line by 2 spaces") == true, "\(indent.hint ?? "")")
        #expect(indent.hint?.contains("must be quoted") == false)
        let placeholder = try #require(diagnostic(.placeholder))
        #expect(placeholder.message.contains("'TODO'"))

        // The real command prints them all in one run too, as path:line:column.
        if FileManager.default.isExecutableFile(atPath: CommandLineTests.executable) {
            let run = try CommandLineTests.run(["check", "--content", content])
            #expect(run.status == 1)
            for mistake in planter.planted {
                #expect(run.standardError.contains("\(mistake.path):\(mistake.line):"), "\(mistake.kind) missing from the command's output")
            }
            #expect(run.standardOutput.contains("Checked \(content)/: 8 errors"), "\(run.standardOutput)")
        }
    }

    static func report(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticFormatter(lineText: { _, _ in nil }).format(diagnostics)
    }
}

struct PlantedMistake {
    enum Kind: String, CaseIterable {
        case brokenLink, fieldError, unclosedQuote, threeSpaceIndent, badEmailInUsedOrganisation, placeholder,
             unknownCategory, duplicateTitle
    }

    struct Found: Hashable {
        var path: String
        var line: Int
        var code: DiagnosticCode
    }

    var kind: Kind
    var path: String
    var line: Int
    var code: DiagnosticCode

    var found: Found { Found(path: path, line: line, code: code) }
}

/// Plants each kind of mistake in a different file chosen by what it contains.
struct MistakePlanter {
    let content: String
    private(set) var planted: [PlantedMistake] = []
    private var used: Set<String> = []
    private let services: [String]
    private let organisations: [String]
    private let pages: [String]

    init(content: String) throws {
        self.content = content
        func files(_ folder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: content + "/" + folder).filter { $0.hasSuffix(".md") }.sorted()
                .map { content + "/" + folder + "/" + $0 }
        }
        services = try files("services")
        organisations = try files("organisations")
        pages = try files("pages")
    }

    mutating func plantAll() throws {
        // The organisation first: a service that names it must stay clean, so that a false
        // "does not exist" would show.
        try plantBadEmailInUsedOrganisation()
        try plantFieldError()
        try plantUnclosedQuote()
        try plantThreeSpaceIndent()
        try plantPlaceholder()
        try plantUnknownCategory()
        try plantDuplicateTitle()
        try plantBrokenLink()
    }

    private func lines(_ path: String) -> [String] {
        TestSite.text((path as NSString).deletingLastPathComponent, (path as NSString).lastPathComponent)
            .components(separatedBy: "\n")
    }

    private func frontMatterEnd(_ lines: [String]) -> Int {
        lines.indices.dropFirst().first { lines[$0] == "---" } ?? lines.count
    }

    private static func slug(_ path: String) -> String { String(((path as NSString).lastPathComponent).dropLast(3)) }

    /// The first unused file whose front matter has a line matching `predicate`; returns it with the line's index.
    private func pick(_ files: [String], where predicate: (String) -> Bool) -> (path: String, lines: [String], index: Int)? {
        for path in files where !used.contains(path) {
            let lines = lines(path)
            if let index = lines[..<frontMatterEnd(lines)].indices.first(where: { predicate(lines[$0]) }) {
                return (path, lines, index)
            }
        }
        return nil
    }

    private mutating func write(_ kind: PlantedMistake.Kind, _ path: String, _ lines: [String], line: Int, code: DiagnosticCode) throws {
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        used.insert(path)
        planted.append(PlantedMistake(kind: kind, path: path, line: line, code: code))
    }

    private var organisationsNamedByServices: Set<String> {
        Set(services.flatMap { lines($0) }.compactMap { line -> String? in
            guard line.hasPrefix("organisation: ") else { return nil }
            return String(line.dropFirst("organisation: ".count)).trimmingCharacters(in: .whitespaces)
        })
    }

    private mutating func plantBadEmailInUsedOrganisation() throws {
        let named = organisationsNamedByServices
        let candidates = organisations.filter { named.contains(Self.slug($0)) }
        let regex = try Regex(#"email: *[^,}\s]+@[^,}\s]+"#)
        var choice = try #require(pick(candidates) { $0.contains(regex) }, "an organisation that services name, with an email")
        let match = try #require(choice.lines[choice.index].firstMatch(of: regex))
        choice.lines[choice.index].replaceSubrange(match.range, with: "email: office(at)example.org")
        try write(.badEmailInUsedOrganisation, choice.path, choice.lines, line: choice.index + 1, code: .invalidEmail)
    }

    private mutating func plantFieldError() throws {
        let regex = try Regex(#"max: *\d+"#)
        var choice = try #require(pick(services) { $0.contains(regex) }, "a service with an age range")
        let match = try #require(choice.lines[choice.index].firstMatch(of: regex))
        choice.lines[choice.index].replaceSubrange(match.range, with: "max: 30")
        try write(.fieldError, choice.path, choice.lines, line: choice.index + 1, code: .numberOutOfRange)
    }

    private mutating func plantUnclosedQuote() throws {
        var choice = try #require(pick(services) { $0.hasPrefix("title: ") && !$0.hasPrefix("title: \"") }, "a service")
        try #require(choice.index == 1, "the title on line 2")
        choice.lines[1] = choice.lines[1].replacingOccurrences(of: "title: ", with: "title: \"")
        try write(.unclosedQuote, choice.path, choice.lines, line: 2, code: .yamlSyntax)
    }

    private mutating func plantThreeSpaceIndent() throws {
        var choice = try #require(pick(services) { $0.hasPrefix("  ehc_plan: ") }, "a service with eligibility.ehc_plan")
        choice.lines[choice.index] = " " + choice.lines[choice.index]
        try write(.threeSpaceIndent, choice.path, choice.lines, line: choice.index + 1, code: .yamlSyntax)
    }

    private mutating func plantPlaceholder() throws {
        var choice = try #require(pick(services) { $0.hasPrefix("summary: ") }, "a service with a summary")
        choice.lines[choice.index] = "summary: TODO"
        try write(.placeholder, choice.path, choice.lines, line: choice.index + 1, code: .placeholder)
    }

    private mutating func plantUnknownCategory() throws {
        var choice = try #require(pick(services) { $0.hasPrefix("categories: [") }, "a service with categories")
        choice.lines[choice.index] = choice.lines[choice.index].replacingOccurrences(of: "categories: [", with: "categories: [sportz, ")
        try write(.unknownCategory, choice.path, choice.lines, line: choice.index + 1, code: .unknownCategory)
    }

    private mutating func plantDuplicateTitle() throws {
        // Another service's title, from a file left as it is that comes first in file order (the
        // second use of a title is the one reported).
        let other = try #require(services.first { !used.contains($0) })
        used.insert(other)
        let title = try #require(lines(other).first { $0.hasPrefix("title: ") })
        var choice = try #require(pick(services) { $0.hasPrefix("title: ") }, "a service")
        choice.lines[choice.index] = title
        try write(.duplicateTitle, choice.path, choice.lines, line: choice.index + 1, code: .duplicateTitle)
    }

    /// A page gets one broken link, and links to two entries that have mistakes of their own: those
    /// exist, so they must not be reported.
    private mutating func plantBrokenLink() throws {
        let path = try #require(pages.first { !used.contains($0) })
        var lines = lines(path)
        while lines.last?.isEmpty == true { lines.removeLast() }
        let fieldError = try #require(planted.first { $0.kind == .fieldError })
        let organisation = try #require(planted.first { $0.kind == .badEmailInUsedOrganisation })
        let quote = try #require(planted.first { $0.kind == .unclosedQuote })
        lines += [
            "",
            "Read [the service](../services/\(Self.slug(fieldError.path)).md), [its provider](../organisations/\(Self.slug(organisation.path)).md) and [another](../services/\(Self.slug(quote.path)).md).",
            "",
            "See also [our old leaflet](old-leaflet.md).",
            "",
        ]
        try write(.brokenLink, path, lines, line: lines.count - 1, code: .brokenLink)
    }
}

/// A link to an entry made a draft is broken (the draft is not published), but the file is there:
/// the message must say so, not send the editor looking for a file that exists.
@Suite("A link to a draft")
struct LinkToDraftTests {
    @Test func theMessageSaysTheFileIsADraft() throws {
        let folder = TestSite.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let second = TestSite.repositoryRoot.appendingPathComponent("tests/fixtures/second-council/content").path
        let content = folder + "/content"
        try FileManager.default.copyItem(atPath: second, toPath: content)
        let service = content + "/services/benefits-advice.md"
        let text = try String(contentsOfFile: service, encoding: .utf8)
        try text.replacingOccurrences(of: "\nsummary:", with: "\nstatus: draft\nsummary:")
            .write(toFile: service, atomically: true, encoding: .utf8)
        let page = content + "/pages/financial-help-for-families.md"
        try (try String(contentsOfFile: page, encoding: .utf8) + "\nSee also [a page that is not there](no-such-page.md).\n")
            .write(toFile: page, atomically: true, encoding: .utf8)

        let broken = SiteBuilder(options: BuildOptions(contentDirectory: content, today: TestSite.today)).check()
            .filter { $0.code == .brokenLink }
        let toDraft = broken.filter { $0.message.contains("benefits-advice.md") }
        #expect(toDraft.count == 1)
        #expect(toDraft.first?.message == "the link to '../services/benefits-advice.md' points to a draft, which is not published")
        #expect(toDraft.first?.location?.path.hasSuffix("pages/financial-help-for-families.md") == true)
        #expect(toDraft.first?.location?.line == 14)
        #expect(toDraft.first?.hint?.contains("status: draft") == true)
        // A file that is not there is still one that does not exist.
        #expect(broken.contains { $0.message == "the link to 'no-such-page.md' points to a file that does not exist" })
    }
}
