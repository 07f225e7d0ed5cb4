import CCmarkGFM
import Foundation
import LocalOfferDiagnostics

/// Renders Markdown with cmark-gfm: GitHub tables, strikethrough, autolinks, task lists and
/// footnotes; raw HTML is never published; headings get stable ids; links to other content files
/// become their pages' addresses.
///
/// ```swift
/// let renderer = MarkdownRenderer(links: ContentLinkTable(["pages/mediation.md": "/information/mediation/"]))
/// let (rendered, problems) = renderer.render(MarkdownInput(text: body, path: path, firstLine: 9, folder: "services"))
/// ```
public struct MarkdownRenderer: Sendable {
    /// Where links between entries lead.
    public let links: ContentLinkTable
    private let glossary: GlossaryTerms

    public init(links: ContentLinkTable, glossary: GlossaryTerms = .none) {
        self.links = links
        self.glossary = glossary
    }

    /// This renderer, with links between entries leading where `links` says.
    public func with(links: ContentLinkTable) -> MarkdownRenderer {
        MarkdownRenderer(links: links, glossary: glossary)
    }

    public func render(_ input: MarkdownInput) -> (RenderedMarkdown, [Diagnostic]) {
        let (rendered, problems, _) = renderNamingLinks(input)
        return (rendered, problems)
    }

    /// `render`, and every entry the body links to with the address it had: the rendering depends
    /// on the link table through these alone (`serve` keeps a body while they are unchanged).
    public func renderNamingLinks(_ input: MarkdownInput) -> (RenderedMarkdown, [Diagnostic], [LinkLookup]) {
        if let problem = MarkdownLimits.standard.check(input) {
            return (RenderedMarkdown(html: "", headings: [], plainText: ""), [problem], [])
        }
        return CmarkSession.shared.withDocument(input.text) { document in
            guard let document else { return (RenderedMarkdown(html: "", headings: [], plainText: ""), [], []) }
            var walk = DocumentWalk(input: input, links: links, glossary: glossary)
            walk.visit(document.root)
            let html = document.renderHTML()
            return (
                RenderedMarkdown(
                    html: HeadingAnchors.insert(walk.headings, into: html),
                    headings: walk.headings,
                    plainText: walk.plainText.joined(separator: " ")
                ),
                walk.diagnostics,
                walk.lookups
            )
        }
    }
}

/// cmark-gfm registers syntax extensions in a process-wide table, and attaching them to a parser
/// is not thread-safe: parser set-up and parsing go through one lock. The walk over the tree, the
/// changes to it and HTML rendering touch only the document's own nodes, so they run unlocked, on
/// every core at once.
final class CmarkSession: @unchecked Sendable {
    static let shared = CmarkSession()

    private let lock = NSLock()
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_VALIDATE_UTF8

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
    }

    /// Runs `body` with the parsed document; the parser and the tree are freed afterwards.
    func withDocument<Result>(_ text: String, _ body: (ParsedDocument?) -> Result) -> Result {
        var bytes = Array(text.utf8)
        let parsed = lock.withLock { () -> ParsedDocument? in
            guard let parser = cmark_parser_new(Self.options) else { return nil }
            for name in Self.extensionNames {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    cmark_parser_feed(parser, pointer, buffer.count)
                }
            }
            guard let root = cmark_parser_finish(parser) else {
                cmark_parser_free(parser)
                return nil
            }
            return ParsedDocument(parser: parser, root: root)
        }
        guard let parsed else { return body(nil) }
        defer {
            cmark_node_free(parsed.root)
            cmark_parser_free(parsed.parser)
        }
        return body(parsed)
    }

    struct ParsedDocument {
        let parser: OpaquePointer
        let root: OpaquePointer

        func renderHTML() -> String {
            guard let html = cmark_render_html(root, CmarkSession.options, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(html) }
            return String(cString: html)
        }
    }
}
