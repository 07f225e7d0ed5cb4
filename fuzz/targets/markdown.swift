// libFuzzer target: a Markdown body → HTML, with link rewriting and the jargon buster.
//
// The first byte chooses the entry's folder (services, organisations, pages), so relative links
// resolve from different places. Besides crashes, hangs and leaks, it checks that the HTML can hold
// no markup the content did not earn: every tag and attribute is one cmark-gfm or the jargon buster
// writes, no link or image uses a javascript:, vbscript: or data: address, every diagnostic points
// into the body, and rendering the same body twice gives the same page.
import Foundation
import LocalOfferDiagnostics
import LocalOfferMarkdown

let links = ContentLinkTable([
    "services/portage.md": "/services/portage/",
    "services/speech-and-language-therapy.md": "/services/speech-and-language-therapy/",
    "organisations/kingsmere-therapies.md": "/organisations/kingsmere-therapies/",
    "pages/mediation.md": "/information/mediation/",
    "pages/ehc-needs-assessment.md": "/information/ehc-needs-assessment/",
])
let glossary = GlossaryTerms(entries: [
    (term: "EHC plan", aliases: ["EHCP", "education, health and care plan"], url: "/glossary/#ehc-plan"),
    (term: "SENCO", aliases: ["special educational needs co-ordinator"], url: "/glossary/#senco"),
    (term: "speech and language therapy", aliases: ["SaLT", "SLT"], url: "/glossary/#salt"),
    (term: "OT", aliases: ["occupational therapy"], url: "/glossary/#ot"),
    (term: "short breaks", aliases: ["respite"], url: "/glossary/#short-breaks"),
])
let renderer = MarkdownRenderer(links: links, glossary: glossary)
let folders = ["services", "organisations", "pages"]

let allowedTags: Set<String> = [
    "p", "a", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", "img",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "input", "abbr",
    "sup", "section",
]
let allowedAttributes: Set<String> = [
    "href", "src", "alt", "title", "id", "class", "type", "checked", "disabled", "start", "align", "lang",
    "data-footnotes", "data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx", "aria-label",
]

/// A small tokenizer, enough for cmark's output: `<tag attr="value" ...>` and `</tag>`.
func checkMarkup(_ html: String) {
    let bytes = Array(html.utf8)
    var index = 0
    func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
    while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
        var cursor = index + 1
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
        require(!name.isEmpty, "a '<' that is not escaped: \(String(decoding: bytes[index..<min(bytes.count, index + 40)], as: UTF8.self))")
        require(allowedTags.contains(name), "the HTML holds a <\(name)> element")
        // Attributes: name="value" pairs up to '>'.
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
            if bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "/") { cursor += 1; continue }
            let attributeStart = cursor
            while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
            let attribute = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
            require(!attribute.isEmpty, "unexpected byte in a tag: \(bytes[cursor])")
            require(allowedAttributes.contains(attribute), "the HTML holds a \(attribute)= attribute on <\(name)>")
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            require(cursor < bytes.count && bytes[cursor] == UInt8(ascii: "\""), "an unquoted attribute value")
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") { cursor += 1 }
            let value = String(decoding: bytes[valueStart..<min(cursor, bytes.count)], as: UTF8.self)
            if attribute == "href" || attribute == "src" {
                let compact = value.lowercased().filter { !$0.isWhitespace && !$0.isNewline }
                for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                    require(!compact.hasPrefix(scheme), "a \(scheme) address: \(value)")
                }
            }
            cursor += 1
        }
        index = cursor
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let folder = folders[Int(data[0]) % folders.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let input = MarkdownInput(text: text, path: "content/\(folder)/fuzzed.md", firstLine: 10, folder: folder)
    let (rendered, problems) = renderer.render(input)
    let (again, problemsAgain) = renderer.render(input)
    require(rendered == again && problems == problemsAgain, "rendering the same body twice gave different results")
    checkMarkup(rendered.html)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).count
    for problem in problems {
        let line = problem.location?.line ?? 0
        require(line >= 10 && line <= 10 + lines, "\(problem.code) at line \(line) of a body on lines 10 to \(9 + lines)")
    }
    return 0
}

/// `precondition` drops its message in optimised builds; the fuzzer's report needs it.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("fuzz check failed: \(message())\n".utf8))
        abort()
    }
}
