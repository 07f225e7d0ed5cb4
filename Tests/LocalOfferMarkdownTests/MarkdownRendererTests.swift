import LocalOfferDiagnostics
import LocalOfferMarkdown
import Testing

@Suite("Markdown")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(links: ContentLinkTable([
        "services/portage.md": "/services/portage/",
        "pages/mediation.md": "/information/mediation/",
    ]))

    func render(_ text: String, folder: String = "services", firstLine: Int = 10) -> (RenderedMarkdown, [Diagnostic]) {
        renderer.render(MarkdownInput(text: text, path: "content/services/x.md", firstLine: firstLine, folder: folder))
    }

    @Test func neverPublishesRawHTMLAndWarnsWhereItWas() {
        let (rendered, problems) = render("Hello\n\n<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n")
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("<b"))
        #expect(!rendered.html.contains("onclick"))
        #expect(!rendered.html.contains("raw HTML omitted"))
        #expect(problems.map(\.code) == [.rawHTMLOmitted, .rawHTMLOmitted, .rawHTMLOmitted])
        #expect(problems.first?.location?.line == 12)
    }

    @Test func neutralisesDangerousLinkSchemes() {
        let (rendered, _) = render("[click](javascript:alert(1)) [data](data:text/html;base64,xx)\n")
        #expect(!rendered.html.contains("javascript:"))
        #expect(!rendered.html.contains("data:text/html"))
    }

    @Test func rewritesLinksToContentFilesAndKeepsFragments() {
        let (rendered, problems) = render("See [Portage](portage.md), [mediation](../pages/mediation.md#tribunal) and [web](https://example.org).\n")
        #expect(problems.isEmpty)
        #expect(rendered.html.contains("href=\"/services/portage/\""))
        #expect(rendered.html.contains("href=\"/information/mediation/#tribunal\""))
        #expect(rendered.html.contains("href=\"https://example.org\""))
    }

    @Test func aLinkToAMissingFileIsAnErrorAtItsLineAndColumn() {
        let (_, problems) = render("First line\n\nSee [the missing page](missing.md) now.\n", firstLine: 8)
        #expect(problems.count == 1)
        #expect(problems.first?.code == .brokenLink)
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.location == SourceLocation(path: "content/services/x.md", line: 10, column: 5))
    }

    @Test func linksThatLeaveTheContentFolderOrAreNotEntriesAreErrors() {
        #expect(render("[x](../../secret.md)\n").1.map(\.code) == [.brokenLink])
        #expect(render("[x](report.pdf)\n").1.map(\.code) == [.brokenLink])
        #expect(render("[x](/services/portage/)\n").1.map(\.code) == [.brokenLink])
    }

    @Test func headingsGetStableUniqueIDsAndAreMovedBelowThePageTitle() {
        let (rendered, _) = render("# How to apply\n\n## What happens next\n\n# How to apply\n")
        #expect(rendered.html.contains("<h2 id=\"how-to-apply\">How to apply</h2>"))
        #expect(rendered.html.contains("<h3 id=\"what-happens-next\">"))
        #expect(rendered.html.contains("<h2 id=\"how-to-apply-2\">"))
        #expect(rendered.headings.map(\.level) == [2, 3, 2])
    }

    @Test func supportsGitHubExtensionsAndFootnotes() {
        let text = """
        | Day | Time |
        | --- | ---- |
        | Mon | 9am |

        ~~old~~ and https://example.org

        - [x] done
        - [ ] to do

        A claim.[^1]

        [^1]: The source.
        """
        let (rendered, problems) = render(text)
        #expect(problems.isEmpty)
        #expect(rendered.html.contains("<table>"))
        #expect(rendered.html.contains("<del>old</del>"))
        #expect(rendered.html.contains("<a href=\"https://example.org\">"))
        #expect(rendered.html.contains("type=\"checkbox\""))
        #expect(rendered.html.contains("footnote"))
    }

    @Test func collectsPlainTextForSearch() {
        let (rendered, _) = render("## Speech therapy\n\nWe help with **talking** and `words`.\n")
        #expect(rendered.plainText.contains("Speech therapy"))
        #expect(rendered.plainText.contains("talking"))
        #expect(!rendered.plainText.contains("<"))
    }

    @Test func rendersSafelyFromManyThreadsAtOnce() async {
        let renderer = self.renderer
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask {
                    renderer.render(MarkdownInput(text: "## Part \(index)\n\n| a |\n| - |\n| \(index) |\n", path: "p", firstLine: 1, folder: "services")).0.html
                }
            }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0.contains("<table>") })
    }
}

@Suite("Jargon buster")
struct GlossaryMarkingTests {
    let glossary = GlossaryTerms(entries: [
        (term: "EHC plan", aliases: ["EHCP", "education, health and care plan"], url: "/glossary/#ehc-plan"),
        (term: "Occupational therapy", aliases: ["OT"], url: "/glossary/#occupational-therapy"),
    ])

    func render(_ text: String) -> String {
        MarkdownRenderer(links: ContentLinkTable([:]), glossary: glossary)
            .render(MarkdownInput(text: text, path: "p.md", firstLine: 1, folder: "services")).0.html
    }

    @Test func marksOnlyTheFirstOccurrenceAndLinksToTheGlossary() {
        let html = render("Ask about an EHCP. An EHCP takes 20 weeks.\n")
        #expect(html.components(separatedBy: "<abbr").count == 2)
        #expect(html.contains(#"<a class="app-glossary-link" href="/glossary/#ehc-plan"><abbr title="education, health and care plan">EHCP</abbr></a>"#))
    }

    @Test func neverInsideLinksHeadingsOrCode() {
        let html = render("## About the EHCP\n\n[EHCP guide](https://example.org) and `EHCP` code.\n\nLater an EHCP.\n")
        #expect(!html.contains("<h2 id=\"about-the-ehcp\"><a"))
        #expect(html.contains("<h2 id=\"about-the-ehcp\">About the EHCP</h2>"))
        #expect(html.contains("<a href=\"https://example.org\">EHCP guide</a>"))
        #expect(html.contains("<code>EHCP</code>"))
        #expect(html.contains("Later an <a class=\"app-glossary-link\""))
    }

    @Test func acronymsMatchOnlyInCapitalsAndWholeWords() {
        #expect(!render("This is not a hot topic.\n").contains("<abbr"))
        #expect(render("Your OT will visit.\n").contains(">OT</abbr>"))
        #expect(render("Occupational therapy helps.\n").contains("<abbr>Occupational therapy</abbr>"))
    }

    @Test func escapesWhatItWrites() {
        let risky = GlossaryTerms(entries: [(term: "SEN", aliases: ["special \"needs\" <b>"], url: "/g/#a\"b")])
        let html = MarkdownRenderer(links: ContentLinkTable([:]), glossary: risky)
            .render(MarkdownInput(text: "SEN support.\n", path: "p.md", firstLine: 1, folder: "services")).0.html
        #expect(html.contains(#"href="/g/#a&quot;b""#))
        #expect(html.contains(#"title="special &quot;needs&quot; &lt;b&gt;""#))
    }
}
