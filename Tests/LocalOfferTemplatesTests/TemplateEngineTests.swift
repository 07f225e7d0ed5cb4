import LocalOfferTemplates
import Testing

/// A view model made of a dictionary, for tests.
struct Values: TemplateObject {
    let values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func templateValue(for name: String) -> TemplateValue? { values[name] }
}

func object(_ values: [String: TemplateValue]) -> TemplateValue { .object(Values(values)) }

func render(_ template: String, _ data: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String {
    let (set, errors) = TemplateSet.compile(partials.merging(["main": template]) { first, _ in first })
    if let error = errors.first { throw error.error }
    let rendered = try #require(set.render("main", Values(data)))
    return String(decoding: rendered.bytes, as: UTF8.self)
}

@Suite("Template engine: values and escaping")
struct InterpolationTests {
    @Test func valuesAreEscapedForHTMLUnlessTripleOrAmpersand() throws {
        let data: [String: TemplateValue] = ["x": .string(#"<b class="a">Tom & Jerry's</b>"#)]
        #expect(try render("{{x}}", data) == "&lt;b class=&quot;a&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;")
        #expect(try render("{{{x}}}", data) == #"<b class="a">Tom & Jerry's</b>"#)
        #expect(try render("{{& x }}", data) == #"<b class="a">Tom & Jerry's</b>"#)
    }

    @Test func numbersBooleansAndMissingNames() throws {
        #expect(try render("{{n}} {{b}} [{{missing}}]", ["n": .int(42), "b": .bool(true)]) == "42 true []")
    }

    @Test func unknownNamesAreReportedButKnownNullsAreNot() throws {
        let (set, _) = TemplateSet.compile(["t": "{{known}}{{typo}}{{a.b}}"])
        let rendered = try #require(set.render("t", Values(["known": .null, "a": object([:])])))
        #expect(rendered.unknownNames == ["typo"])
    }

    @Test func dottedNamesWalkIntoObjectsAndBrokenChainsAreEmpty() throws {
        let data: [String: TemplateValue] = ["a": object(["b": object(["c": .string("deep")])])]
        #expect(try render("{{a.b.c}}|{{a.x.c}}|", data) == "deep||")
    }

    @Test func multiByteTextPassesThroughUnchanged() throws {
        #expect(try render("Café – {{x}} ✓", ["x": .string("naïve “quotes”")]) == "Café – naïve “quotes” ✓")
    }
}

@Suite("Template engine: sections")
struct SectionTests {
    @Test func truthinessFollowsMustache() throws {
        let data: [String: TemplateValue] = [
            "yes": .bool(true), "no": .bool(false), "none": .null, "empty": .list([]), "text": .string("t"),
        ]
        #expect(try render("{{#yes}}1{{/yes}}{{#no}}2{{/no}}{{#none}}3{{/none}}{{#empty}}4{{/empty}}{{#text}}5{{/text}}{{#missing}}6{{/missing}}", data) == "15")
        #expect(try render("{{^yes}}1{{/yes}}{{^no}}2{{/no}}{{^none}}3{{/none}}{{^empty}}4{{/empty}}{{^text}}5{{/text}}{{^missing}}6{{/missing}}", data) == "2346")
    }

    @Test func listsIterateAndObjectsJoinTheContextStack() throws {
        let data: [String: TemplateValue] = [
            "outer": .string("O"),
            "items": .list([object(["name": .string("a")]), object(["name": .string("b"), "outer": .string("shadowed")])]),
            "words": .list([.string("x"), .string("<y>")]),
        ]
        #expect(try render("{{#items}}{{name}}{{outer}};{{/items}}", data) == "aO;bshadowed;")
        #expect(try render("{{#words}}({{.}}){{/words}}", data) == "(x)(&lt;y&gt;)")
    }

    @Test func aSectionOnAValuePushesIt() throws {
        #expect(try render("{{#who}}Hello {{name}}, {{.}}{{/who}}", ["who": object(["name": .string("Sam")])]).hasPrefix("Hello Sam, "))
        #expect(try render("{{#word}}[{{.}}]{{/word}}", ["word": .string("w")]) == "[w]")
    }

    @Test func theEmptyTransform() throws {
        let data: [String: TemplateValue] = ["none": .list([]), "some": .list([.string("a")])]
        #expect(try render("{{^empty(none)}}N{{/empty(none)}}{{^empty(some)}}S{{/empty(some)}}{{#empty(missing)}}M{{/empty(missing)}}", data) == "SM")
        #expect(try render("{{count(some)}}", data) == "1")
    }

    @Test func standaloneTagsTakeTheirLineWithThem() throws {
        #expect(try render("| A\n{{#t}}\n|\n{{/t}}\n| B\n", ["t": .bool(true)]) == "| A\n|\n| B\n")
        #expect(try render("| A\n   {{#t}}\n|\n   {{/t}}\n| B\n", ["t": .bool(true)]) == "| A\n|\n| B\n")
        #expect(try render("|\r\n{{#t}}\r\n{{/t}}\r\n|", ["t": .bool(true)]) == "|\r\n|")
        #expect(try render("  {{#t}}\n#{{/t}}\n/", ["t": .bool(true)]) == "#\n/")
        #expect(try render("#{{#t}}\n/\n  {{/t}}", ["t": .bool(true)]) == "#\n/\n")
        #expect(try render(" {{#t}}YES{{/t}}\n {{#t}}GOOD{{/t}}\n", ["t": .bool(true)]) == " YES\n GOOD\n")
        #expect(try render("Begin.\n{{! a comment\nover lines }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try render("12 {{! inline }}34") == "12 34")
    }
}

@Suite("Template engine: partials and inheritance")
struct PartialTests {
    @Test func partialsRenderInTheCurrentContext() throws {
        let partials = ["card": "<{{name}}>"]
        #expect(try render("{{#items}}{{>card}}{{/items}}", ["items": .list([object(["name": .string("a")])])], partials: partials) == "<a>")
    }

    @Test func aChildReplacesItsParentsBlocksAndKeepsTheDefaults() throws {
        let partials = [
            "layout": "<title>{{$title}}Default{{/title}}</title><main>{{$main}}{{/main}}</main>{{>footer}}",
            "footer": "<footer>{{$note}}No note{{/note}}</footer>",
        ]
        let page = "{{<layout}}ignored text{{$main}}Hello {{name}}{{/main}}{{$note}}A note{{/note}}{{/layout}}"
        #expect(try render(page, ["name": .string("Sam")], partials: partials)
            == "<title>Default</title><main>Hello Sam</main><footer>A note</footer>")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let partials = ["loop": "x{{>loop}}"]
        let output = try render("{{>loop}}", partials: partials)
        #expect(output.count == 63, "stops at the depth limit")
        let (set, _) = TemplateSet.compile(["a": "{{>b}}", "b": "{{#x}}{{>a}}{{/x}}", "c": "{{>b}}"])
        #expect(set.includeCycles() == ["a → b → a"])
    }

    @Test func missingPartialsAreReportedWithTheirPosition() {
        let (set, _) = TemplateSet.compile(["page": "line one\n  {{>nowhere}}"])
        let missing = set.missingReferences()
        #expect(missing.count == 1)
        #expect(missing.first?.reference.name == "nowhere")
        #expect(missing.first?.reference.line == 2)
        #expect(missing.first?.reference.column == 3)
    }
}

@Suite("Template engine: errors")
struct TemplateErrorTests {
    func error(_ template: String) -> TemplateError? {
        TemplateSet.compile(["t": template]).1.first?.error
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        #expect(error("a\n{{#list}}x{{/lsit}}")?.line == 2)
        #expect(error("a\n{{#list}}x{{/lsit}}")?.message.contains("closes 'list'") == true)
        #expect(error("{{#open}}never closed")?.message.contains("never closed") == true)
        #expect(error("x {{name")?.column == 3)
        #expect(error("{{/stray}}") != nil)
        #expect(error("{{}}") != nil)
        #expect(error("{{=<% %>=}}") != nil)
        #expect(error("{{#nosuch(x)}}{{/nosuch(x)}}") != nil)
        #expect(error("{{#ok}}{{/ok}}") == nil)
    }
}
