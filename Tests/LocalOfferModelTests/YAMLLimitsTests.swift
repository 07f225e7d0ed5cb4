import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel
import Testing

/// YAML that would exhaust the stack or the CPU is refused before Yams builds anything.
@Suite("YAML nesting and alias limits")
struct YAMLLimitsTests {
    /// Validates one service whose front matter is `frontMatter`, against the fixture site.
    func problems(_ frontMatter: String) -> [Diagnostic] {
        let document = ContentDocument(
            kind: .service, slug: "hostile", path: "content/services/hostile.md",
            frontMatter: SourceText(path: "content/services/hostile.md", text: frontMatter, firstLine: 2),
            body: SourceText(path: "content/services/hostile.md", text: "Body.\n", firstLine: 4)
        )
        let source = ContentSource(root: "content", siteFile: nil, glossaryFile: nil, synonymsFile: nil, documents: [document])
        return ContentValidator(today: Fixtures.today).validate(source).diagnostics
            .filter { $0.location?.path == "content/services/hostile.md" }
    }

    @Test func flowNestingDeeperThan64LevelsIsRefused() {
        for depth in [65, 999, 5_000, 200_000] {
            let found = problems("title: Deep\ntags: " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth))
            #expect(found.map(\.code) == [.yamlTooDeep], "depth \(depth): \(found.map(\.message))")
            #expect(found.first?.location?.line == 3)
        }
    }

    /// Deep flow nesting is found by one pass over the text, not by libyaml, whose scanner is quadratic
    /// there: the column is the 65th bracket's, as libyaml would have said.
    @Test func flowNestingIsPlacedAtTheBracketThatGoesTooDeep() {
        let found = problems("title: Deep\ntags: [x, " + String(repeating: "{a: [", count: 40) + "b" + String(repeating: "]}", count: 40) + "]\n")
        #expect(found.map(\.code) == [.yamlTooDeep])
        // "tags: [x, " then "{a: [" pairs: the 65th opening bracket is the 32nd pair's "[".
        #expect(found.first?.location?.line == 3)
        #expect(found.first?.location?.column == 11 + 31 * 5 + 4)
    }

    /// Brackets in quoted text and comments are words, not nesting: no false alarm.
    @Test func bracketsInQuotesAndCommentsAreNotNesting() {
        let many = String(repeating: "[", count: 100)
        for text in [
            "title: \"Deep \(many)\"\n",
            "title: '\(many) it''s fine'\n",
            "title: Fine # \(many)\n",
            "# \(many)\ntitle: Fine\n",
            "title: \"an escaped \\\" quote \(many)\"\n",
        ] {
            #expect(!problems(text).contains { $0.code == .yamlTooDeep }, "\(text.prefix(40))")
        }
    }

    @Test func blockNestingIsCountedToo() {
        var text = "title: Deep\ntags:\n"
        for level in 1...80 { text += String(repeating: "  ", count: level) + "-\n" }
        #expect(problems(text).map(\.code) == [.yamlTooDeep])
    }

    @Test func ordinaryNestingPassesTheCheck() {
        let found = problems("title: Fine\ntags: " + String(repeating: "[", count: 10) + "x" + String(repeating: "]", count: 10))
        #expect(!found.contains { $0.code == .yamlTooDeep })
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var lol = "title: Laughs\nx-lol:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            lol += "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        // As mapping keys, aliases are hashed whole by Yams: this hung for minutes before the check.
        let asKeys = lol + "x-keys: {*a9: 1, *a8: 2}\n"
        let start = Date()
        for text in [lol, asKeys, lol + "tags: *a9\n"] {
            let found = problems(text)
            #expect(found.map(\.code) == [.yamlAliasExpansion], "\(found.map(\.message))")
            #expect(found.first?.message.contains("10,000") == true)
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func ordinaryAliasesAreStillAllowed() {
        let found = problems("title: Reuse\nx-ages: &ages [early-years, primary]\ntags: *ages\n")
        #expect(!found.contains { $0.code == .yamlAliasExpansion || $0.code == .yamlSyntax })
    }

    @Test func anUndefinedOrSelfReferringAliasIsASyntaxErrorNotACrash() {
        #expect(problems("title: X\ntags: *nowhere\n").map(\.code) == [.yamlSyntax])
        #expect(problems("title: X\ntags: &loop [*loop]\n").map(\.code) == [.yamlSyntax])
    }
}
