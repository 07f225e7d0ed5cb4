import LocalOfferDiagnostics
import LocalOfferMarkdown
import Testing

/// Inputs the fuzzers found (fuzz/README.md): each failed once, and must not again.
@Suite("Markdown: regressions found by fuzzing")
struct MarkdownFuzzRegressionTests {
    let renderer = MarkdownRenderer(
        links: ContentLinkTable(["pages/mediation.md": "/information/mediation/"]),
        glossary: GlossaryTerms(entries: [
            (term: "SENCO", aliases: ["special educational needs co-ordinator"], url: "/glossary/#senco"),
            (term: "EHC plan", aliases: ["EHCP"], url: "/glossary/#ehc-plan"),
        ])
    )

    func render(_ text: String) -> RenderedMarkdown {
        renderer.render(MarkdownInput(text: text, path: "content/pages/complaints.md", firstLine: 5, folder: "pages")).0
    }

    /// markdown-leak-56ec2515: a glossary term in a table cell. A table cell cannot hold the node that
    /// writes the glossary link, so the insertion failed: the nodes leaked, and the cell had already
    /// been cut to the text before the term ("The school: teacher, ").
    @Test func aGlossaryTermInATableCellKeepsTheWholeCell() {
        let html = render("""
            | Unhappy about | Complain to |
            |---|---|
            | A school's support | The school: teacher, special educational needs co-ordinator (SENCO), headteacher, then governors |

            Ask the SENCO about an EHC plan.
            """).html
        #expect(html.contains("<td>The school: teacher, special educational needs co-ordinator (SENCO), headteacher, then governors</td>"))
        #expect(html.contains("Ask the <a class=\"app-glossary-link\" href=\"/glossary/#senco\"><abbr title=\"special educational needs co-ordinator\">SENCO</abbr></a> about an <a class="))
        #expect(html.contains("href=\"/glossary/#ehc-plan\""))
    }

    @Test func termsInEmphasisStrikethroughAndListsAreStillMarked() {
        let html = render("- *Ask the SENCO* and ~~an EHCP~~\n").html
        #expect(html.contains("<em>Ask the <a class=\"app-glossary-link\" href=\"/glossary/#senco\">"))
        #expect(html.contains("<del>an <a class=\"app-glossary-link\" href=\"/glossary/#ehc-plan\">"))
    }
}

@Suite("Markdown: where problems in tables are reported")
struct TablePositionTests {
    /// markdown-crash-b6b771eb: cmark-gfm gives the inlines of a table cell no position (line 0), so a
    /// broken link in a table was reported on the line before the body: in the front matter.
    @Test func aBrokenLinkInATableCellPointsAtItsRow() {
        let renderer = MarkdownRenderer(links: ContentLinkTable([:]))
        let body = "Intro.\n\n| Service | Link |\n|---|---|\n| Careers | [careers](../?services/careers.md) |\n| Jobs | [jobs](jobs.md) |\n"
        let (_, problems) = renderer.render(MarkdownInput(text: body, path: "content/pages/x.md", firstLine: 10, folder: "pages"))
        #expect(problems.map(\.code) == [.brokenLink, .brokenLink])
        #expect(problems.compactMap(\.location?.line).sorted() == [14, 15])
    }
}
