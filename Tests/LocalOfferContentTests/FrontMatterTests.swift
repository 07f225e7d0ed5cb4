@testable import LocalOfferContent
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

    /// Text without a "\r" is split in its bytes; it must give what the Character way gives, for
    /// random files made of the lines editors (and fuzzers) write.
    @Test func byteSplitAgreesWithCharacterSplit() {
        let pieces = ["---", "...", "--- ", "---\t", " ---", "\u{FEFF}", "\u{FEFF}---", "title: A", "é", "e\u{301}", "", "- x", "----", "\u{301}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func describe(_ result: Result<ContentDocument, Diagnostic>) -> String {
            switch result {
            case .success(let document):
                "\(document.frontMatter.text.debugDescription)@\(document.frontMatter.firstLine) \(document.body.text.debugDescription)@\(document.body.firstLine)"
            case .failure(let problem): problem.message
            }
        }
        for _ in 0..<4_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined(separator: "\n") + (next(2) == 0 ? "\n" : "")
            let bytes = ContentDocument.splitLines(text, path: "x.md", kind: .service, slug: "x")
            let characters = ContentDocument.splitByCharacters(text, path: "x.md", kind: .service, slug: "x")
            #expect(describe(bytes) == describe(characters), "\(text.debugDescription)")
        }
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
