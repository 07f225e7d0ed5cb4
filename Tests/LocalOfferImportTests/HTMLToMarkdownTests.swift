import Foundation
import Testing
@testable import LocalOfferImport

@Suite("HTML to Markdown")
struct HTMLToMarkdownTests {
    @Test("Feeds' HTML becomes clean Markdown", arguments: [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>Unclosed<p>Next", "Unclosed\n\nNext"),
        ("Line one<br>Line two", "Line one\\\nLine two"),
        ("Para one<br><br>Para two<br/><br />", "Para one\n\nPara two"),
        ("<ul><li>One<li>Two</ul>", "- One\n- Two"),
        ("<ol><li>First</li><li>Second<ul><li>inner</li></ul></li></ol>", "1. First\n2. Second\n   - inner"),
        ("<ul><li><p>One</p><p>more</p></li><li>Two</li></ul>", "- One\n\n  more\n\n- Two"),
        ("<p>Call <b>Ann</b> or <strong> Bob </strong>.</p>", "Call **Ann** or **Bob** ."),
        ("<p><em>Free</em> for <i>all</i></p>", "*Free* for *all*"),
        ("<a href=\"https://example.org/a b\">our site</a>", "[our site](https://example.org/a%20b)"),
        ("<a href=\"javascript:alert(1)\">click</a> <a href=\"/local\">here</a>", "click here"),
        ("<a href=\"mailto:x@example.org\"></a>", "[x@example.org](mailto:x@example.org)"),
        ("Fish &amp; chips&nbsp;&ndash; &lsquo;yum&rsquo; &#39;a&#39; &#x2019; &#146;", "Fish & chips – ‘yum’ 'a' ’ ’"),
        ("<script>alert('x')</script><style>p{}</style><p>Safe</p><!-- note -->", "Safe"),
        ("<P CLASS=x>Upper</P><DIV>case</DIV>", "Upper\n\ncase"),
        ("<h1>Title</h1><h3>Sub</h3><p>Text</p>", "## Title\n\n### Sub\n\nText"),
        ("<table><tr><th>Day</th><th>Time</th></tr><tr><td>Mon</td><td>9am</td></tr></table>", "- Day: Time\n- Mon: 9am"),
        ("<p>5 * 3 = 15, file_name, [x], `code`, a|b, ~x~</p>", "5 \\* 3 = 15, file\\_name, \\[x\\], \\`code\\`, a\\|b, \\~x\\~"),
        ("<p># not a heading</p><p>- not a list</p><p>1. not a list</p>", "\\# not a heading\n\n\\- not a list\n\n1\\. not a list"),
        ("<p>&lt;b&gt;shown, not bold&lt;/b&gt;</p>", "\\<b\\>shown, not bold\\</b\\>"),
        ("<p>&amp;amp; stays text</p>", "\\&amp; stays text"),
        ("<p><b>Unclosed <i>bold</p><p>next</b></i></p>", "**Unclosed *bold***\n\nnext"),
        ("<div><font face=arial>Nested <span style=\"x\">spans</span></font></div>", "Nested spans"),
        ("<p></p><p>&nbsp;</p><p> </p>", ""),
    ])
    func converts(html: String, markdown: String) {
        #expect(HTMLToMarkdown.convert(html) == markdown)
    }

    @Test func plainTextIsKeptAsWritten() {
        #expect(HTMLToMarkdown.convert("First line\nsecond line\n\nNew paragraph, 3 < 5") == "First line\nsecond line\n\nNew paragraph, 3 < 5")
        #expect(!HTMLToMarkdown.looksLikeHTML("3 < 5 and 6 > 2"))
        #expect(HTMLToMarkdown.looksLikeHTML("a<br>b"))
    }

    @Test func noRawHTMLSurvivesAnyInput() {
        let nasty = [
            "<p onclick=\"x\">a</p>", "<<script>script>alert(1)<</script>/script>", "<img src=x onerror=alert(1)>",
            "<iframe src=x></iframe>text", "<p>a<b>b<i>c</p>", "<svg><script>x</script></svg>safe", "</br>text</p></div>",
            "<a href='https://x.example' title=\"<b>\">x</a>", "&lt;script&gt;", "plain &lt;b&gt;bold&lt;/b&gt; text", "<!DOCTYPE html><html><head><title>T</title></head><body>B</body></html>",
        ]
        for input in nasty {
            let output = HTMLToMarkdown.convert(input)
            #expect(output.range(of: #"(?<!\\)<[A-Za-z/!]"#, options: .regularExpression) == nil, "\(input) → \(output)")
        }
    }

    @Test func plainLineDropsTagsAndCollapsesSpaces() {
        #expect(HTMLToMarkdown.plainLine("  <b>Speech</b>&nbsp;&amp;   language\n therapy ") == "Speech & language therapy")
    }

    @Test func everyLatin1EntityIsKnown() {
        #expect(HTMLEntities.decode("&iexcl;&yuml;&eacute;&Omega;&sigmaf;&unknown;") == "¡ÿéΩς&unknown;")
    }
}

@Suite("CSV")
struct CSVReaderTests {
    @Test func readsQuotedCommasLineBreaksAndQuotes() throws {
        let text = "name,description,email\r\n\"Smith, Jones & Co\",\"Line one\nline two, with \"\"quotes\"\"\",a@example.org\r\nPlain,,b@example.org\n"
        let table = try CSVReader.parse(text).get()
        #expect(table.header == ["name", "description", "email"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells == ["Smith, Jones & Co", "Line one\nline two, with \"quotes\"", "a@example.org"])
        #expect(table.rows[0].number == 2)
        #expect(table.rows[1].cells == ["Plain", "", "b@example.org"])
        #expect(table.rows[1].number == 3, "a line break inside a quoted cell does not make a new row")
    }

    @Test func skipsABOMAndBlankRowsAndPadsShortRows() throws {
        let table = try CSVReader.read(Data([0xEF, 0xBB, 0xBF] + Array("a,b\n1\n\n,\n2,3".utf8))).get()
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.cells) == [["1", ""], ["2", "3"]])
        #expect(table.rows.map(\.number) == [2, 5])
    }

    @Test func reportsBrokenQuotingWithItsRowAndColumn() {
        guard case .failure(let unclosed) = CSVReader.parse("a,b\n1,2\n3,\"never closed\n4,5\n") else { Issue.record("must fail"); return }
        #expect((unclosed.row, unclosed.column) == (3, 2))
        guard case .failure(let after) = CSVReader.parse("a,b\n\"x\"y,2\n") else { Issue.record("must fail"); return }
        #expect((after.row, after.column) == (2, 1))
        guard case .failure(let extra) = CSVReader.parse("a,b\n1,2,3\n") else { Issue.record("must fail"); return }
        #expect((extra.row, extra.column) == (2, 3))
        guard case .failure(let encoding) = CSVReader.read(Data([0x61, 0xFF, 0x0A])) else { Issue.record("must fail"); return }
        #expect(encoding.message.contains("UTF-8"))
    }

    @Test func writingThenReadingGivesTheSameCells() throws {
        let rows = [["a", "b, c", "say \"hi\"", "two\nlines", " padded ", ""]]
        let text = CSVReader.line(["1", "2", "3", "4", "5", "6"]) + "\n" + rows.map(CSVReader.line).joined(separator: "\n")
        #expect(try CSVReader.parse(text).get().rows.map(\.cells) == rows)
    }
}
