import LocalOfferContent
import LocalOfferDiagnostics
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    func split(_ text: String) -> Result<ContentDocument, Diagnostic> {
        ContentDocument.split(text, path: "content/services/x.md", kind: .service, slug: "x")
    }

    @Test func splitsYAMLFromMarkdownAndKeepsFileLineNumbers() throws {
        let document = try split("---\ntitle: A\nsummary: B\n---\n# Heading\n\nText\n").get()
        #expect(document.frontMatter.text == "title: A\nsummary: B")
        #expect(document.frontMatter.firstLine == 2)
        #expect(document.body.text == "# Heading\n\nText\n")
        #expect(document.body.firstLine == 5)
    }

    @Test func acceptsWindowsLineEndingsAByteOrderMarkAndYAMLDocumentEnd() throws {
        let windows = try split("\u{FEFF}---\r\ntitle: A\r\n---\r\nBody\r\n").get()
        #expect(windows.frontMatter.text == "title: A")
        #expect(windows.body.text == "Body\n")
        let dots = try split("---\ntitle: A\n...\nBody").get()
        #expect(dots.body.text == "Body")
    }

    @Test func reportsMissingAndUnclosedFrontMatterAtLineOne() {
        for text in ["title: A\n", "", "---\ntitle: A\nno end\n"] {
            guard case .failure(let problem) = split(text) else {
                Issue.record("expected a failure for \(text.debugDescription)")
                continue
            }
            #expect(problem.code == .missingFrontMatter)
            #expect(problem.location == SourceLocation(path: "content/services/x.md", line: 1, column: 1))
        }
    }
}
