import LocalOfferDiagnostics
@testable import LocalOfferMarkdown
import Testing

/// Markdown that would exhaust the stack, and links that try to leave `content/`.
@Suite("Hostile Markdown")
struct HostileMarkdownTests {
    let renderer = MarkdownRenderer(links: ContentLinkTable([
        "services/portage.md": "/services/portage/",
        "pages/mediation.md": "/information/mediation/",
    ]))

    func render(_ text: String) -> (RenderedMarkdown, [Diagnostic]) {
        renderer.render(MarkdownInput(text: text, path: "content/services/x.md", firstLine: 10, folder: "services"))
    }

    /// Named cases: the texts are far too long to print when a test fails. Spaces keep each one under
    /// the long-word rule of `MarkdownLimits`, so it reaches the parser and the depth check.
    static let deepTexts: [String: String] = [
        "quotes": String(repeating: "> ", count: 100_000) + "deep\n",
        "quotes and lists": String(repeating: "> - ", count: 50_000) + "deep\n",
        "lists": String(repeating: "- ", count: 100_000) + "deep\n",
        "ordered lists": String(repeating: "1. ", count: 100_000) + "deep\n",
        "emphasis": String(repeating: "*a **a ", count: 30_000) + "b" + String(repeating: " a** a*", count: 30_000) + "\n",
        "indented lists": (0..<200).map { String(repeating: "  ", count: $0) + "- item\n" }.joined(),
        "strikethrough": String(repeating: "~~a ", count: 50_000) + "x" + String(repeating: " a~~", count: 50_000) + "\n",
    ]

    @Test(arguments: deepTexts.keys.sorted())
    func deepNestingIsAnErrorNotACrash(name: String) throws {
        let text = try #require(Self.deepTexts[name])
        let (_, problems) = render(text)
        let deep = problems.filter { $0.code == .markdownTooDeep }
        #expect(deep.count == 1, "\(name): \(problems.map(\.code))")
        #expect(deep.first?.isError == true)
        #expect((deep.first?.location?.line ?? 0) >= 10)
    }

    /// Shapes cmark-gfm 0.29.0.gfm.6 is quadratic in (seconds to minutes at 1 MiB): refused before parsing.
    static let quadraticShapes: [String: (text: String, line: Int, column: Int)] = [
        "table cells": (String(repeating: "|", count: 100_000) + "\n|-|\n", 10, 101),
        "spaced table cells": ("Intro\n" + String(repeating: "| ", count: 100_000) + "\n|-|\n", 11, 201),
        "autolink underscores": ("See " + String(repeating: "www.a_", count: 40_000) + "\n", 10, 5),
        "double quotes": ("He said " + String(repeating: "\"", count: 40_000) + "\n", 10, 9),
        "single quotes": (String(repeating: "'", count: 40_000) + "\n", 10, 1),
        "alternating quotes": (String(repeating: "\"'", count: 20_000) + "\n", 10, 1),
        "brackets": (String(repeating: "[", count: 100_000) + "x" + String(repeating: "]", count: 100_000) + "\n", 10, 1),
        "backticks": (String(repeating: "`", count: 100_000) + "\n", 10, 1),
    ]

    @Test(arguments: quadraticShapes.keys.sorted())
    func shapesTheParserIsQuadraticInAreRefusedBeforeParsing(name: String) throws {
        let shape = try #require(Self.quadraticShapes[name])
        let (rendered, problems) = render(shape.text)
        #expect(problems.map(\.code) == [.markdownTooComplex], "\(name)")
        #expect(problems.first?.location == SourceLocation(path: "content/services/x.md", line: shape.line, column: shape.column))
        #expect(rendered.html.isEmpty)
    }

    @Test func ordinaryTablesWordsAndQuotesAreWellWithinTheLimits() {
        let table = "| Day | Time |\n|---|---|\n| Monday | 9am to 5pm |\n"
        let address = "https://www.example.org/" + String(repeating: "a", count: 900)
        let (rendered, problems) = render(table + "\nSee \(address) and \"quotes\" or ''single''.\n")
        #expect(problems.isEmpty)
        #expect(rendered.html.contains("<table>"))
    }

    static let pathologicalInlines: [String: String] = [
        "spaced brackets": String(repeating: "[ ", count: 100_000) + "x" + String(repeating: " ]", count: 100_000) + "\n",
        "unclosed links": String(repeating: "[a]( ", count: 50_000) + "\n",
        "spaced backticks": String(repeating: "` ", count: 100_000) + "\n",
        "images": String(repeating: "![ ", count: 50_000) + "\n",
        "alternating emphasis": String(repeating: "**_ ", count: 30_000) + "x" + String(repeating: " _**", count: 30_000) + "\n",
        "links in emphasis": String(repeating: "*[ ", count: 20_000) + "x" + String(repeating: " ](portage.md)*", count: 20_000) + "\n",
        "many references": (0..<5_000).map { "[\($0)]: portage.md\n" }.joined() + String(repeating: "[0] ", count: 5_000) + "\n",
        "many headings": String(repeating: "Contact\n=\n", count: 20_000),
        "nul bytes": String(repeating: "a\u{0}b ", count: 10_000) + "\n",
    ]

    @Test(arguments: pathologicalInlines.keys.sorted())
    func pathologicalInlinesRenderWithoutCrashing(name: String) throws {
        let text = try #require(Self.pathologicalInlines[name])
        let (rendered, problems) = render(text)
        #expect(problems.allSatisfy { [.markdownTooDeep, .markdownTooComplex].contains($0.code) }, "\(name): \(problems.prefix(3))")
        #expect(!rendered.html.isEmpty || !problems.isEmpty)
    }

    @Test func twentyThousandHeadingsWithOneTitleGetDistinctIDs() {
        let (rendered, _) = render(String(repeating: "## Contact\n\n", count: 20_000) + "## Contact-2\n")
        #expect(Set(rendered.headings.map(\.id)).count == 20_001)
        #expect(rendered.headings.map(\.id).prefix(3) == ["contact", "contact-2", "contact-3"])
        #expect(rendered.headings.last?.id == "contact-2-2")
        #expect(rendered.html.contains("<h2 id=\"contact-20000\">Contact</h2>"))
    }

    @Test func nestingUpToTheLimitIsFine() {
        let (rendered, problems) = render(String(repeating: "> ", count: 20) + "quoted\n\n- a\n  - b\n    - c\n")
        #expect(problems.isEmpty)
        #expect(rendered.html.contains("<blockquote>"))
    }

    @Test(arguments: [
        "../../../etc/passwd.md", "../../secret.md", "/etc/passwd.md", "//evil.example/x.md",
        "%2e%2e/%2e%2e/%2e%2e/etc/passwd.md", "%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.md", "..%2f..%2f..%2fsecret.md",
        "%2F%2Fetc%2Fpasswd.md", "%252e%252e%252fsecret.md",
        "..\u{2215}..\u{2215}secret.md", "..\u{FF0F}..\u{FF0F}secret.md", "\u{2024}\u{2024}/\u{2024}\u{2024}/secret.md",
        "\u{FF0E}\u{FF0E}/\u{FF0E}\u{FF0E}/secret.md", "..\\..\\secret.md", "C:\\Windows\\secret.md", "c:/secret.md",
        "portage.md%00.html", "%", "../pages/../../secret.md", "Portage.md",
    ])
    func linkTargetsCannotLeaveTheContentFolder(target: String) {
        // The link is an error, so the page is never published; nothing is ever opened to resolve it.
        let (_, problems) = render("See [it](\(target)).\n")
        #expect(problems.map(\.code) == [.brokenLink], "\(target): \(problems.map(\.message))")
        #expect(problems.allSatisfy { $0.isError })
        #expect(problems.first?.hint != nil)
        if case .contentFile(let path, _) = ContentLinkResolution.classify(target, from: "services") {
            #expect(!path.contains(".."), "\(target) resolved to \(path)")
            #expect(path.split(separator: "/").allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") })
        }
    }

    @Test func classifyingDecodesBeforeResolving() {
        #expect(ContentLinkResolution.classify("%2e%2e/pages/mediation.md", from: "services")
            == .contentFile(path: "pages/mediation.md", fragment: nil))
        #expect(ContentLinkResolution.classify("..%2Fpages%2Fmediation.md#x", from: "services")
            == .contentFile(path: "pages/mediation.md", fragment: "x"))
        if case .unresolvable(let reason) = ContentLinkResolution.classify("..\u{2215}pages\u{2215}mediation.md", from: "services") {
            #expect(reason.contains("lower-case letters, digits and hyphens"))
        } else {
            Issue.record("a look-alike slash resolved")
        }
    }

    @Test func decodedLinksToRealEntriesStillResolve() {
        let (rendered, problems) = render("[Mediation](%2E%2E/pages/mediation.md) and [Portage](./portage.md)\n")
        #expect(problems.isEmpty)
        #expect(rendered.html.contains("href=\"/information/mediation/\""))
        #expect(rendered.html.contains("href=\"/services/portage/\""))
    }
}
