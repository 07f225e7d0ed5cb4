import LocalOfferText
import CCmarkGFM
import LocalOfferDiagnostics

/// One pass over the parsed document: rewrites content links, removes raw HTML, collects headings
/// and the plain words. Changes to the tree are made after the walk, never during it.
struct DocumentWalk {
    let input: MarkdownInput
    let links: ContentLinkTable
    let glossary: GlossaryTerms
    private(set) var headings: [Heading] = []
    private(set) var plainText: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var usedIDs: Set<String> = []

    init(input: MarkdownInput, links: ContentLinkTable, glossary: GlossaryTerms = .none) {
        self.input = input
        self.links = links
        self.glossary = glossary
    }

    mutating func visit(_ document: OpaquePointer) {
        var rawHTMLNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var glossaryCandidates: [OpaquePointer] = []
        // Jargon is explained in running text only, never inside links, headings or images.
        var insideNoGlossaryZone = 0
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isNoGlossaryZone = type == CMARK_NODE_LINK || type == CMARK_NODE_HEADING || type == CMARK_NODE_IMAGE
            if event == CMARK_EVENT_EXIT {
                if isNoGlossaryZone { insideNoGlossaryZone -= 1 }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if isNoGlossaryZone { insideNoGlossaryZone += 1 }
            switch type {
            case CMARK_NODE_LINK: rewriteLink(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTMLNodes.append(node)
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_TEXT:
                if let literal = cmark_node_get_literal(node) { plainText.append(String(cString: literal)) }
                if insideNoGlossaryZone == 0 { glossaryCandidates.append(node) }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) { plainText.append(String(cString: literal)) }
            default: break
            }
        }
        cmark_iter_free(iterator)
        markGlossaryTerms(in: glossaryCandidates)

        for node in rawHTMLNodes {
            diagnostics.append(.warning(
                .rawHTMLOmitted, "raw HTML is not published and was left out", at: location(of: node),
                hint: "use Markdown instead: **bold**, [link](https://...), lists and tables"
            ))
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        collectHeadings(headingNodes)
    }

    /// The first time each glossary term appears, it becomes a link to its explanation:
    /// `<a href="/glossary/#ehc-plan"><abbr title="education, health and care plan">EHCP</abbr></a>`.
    private func markGlossaryTerms(in textNodes: [OpaquePointer]) {
        var used: Set<String> = []
        for node in textNodes {
            var current = node
            while let literal = cmark_node_get_literal(current).map({ String(cString: $0) }),
                  let match = glossary.firstMatch(in: literal, excluding: used) {
                used.insert(match.phrase.term)
                let before = String(literal[..<match.range.lowerBound])
                let matched = String(literal[match.range])
                let after = String(literal[match.range.upperBound...])
                guard let marked = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
                      let matchedText = cmark_node_new(CMARK_NODE_TEXT),
                      let rest = cmark_node_new(CMARK_NODE_TEXT) else { return }
                let title = match.phrase.expansion.map { " title=\"\(HTMLEscaping.escape($0))\"" } ?? ""
                cmark_node_set_on_enter(marked, "<a class=\"app-glossary-link\" href=\"\(HTMLEscaping.escape(match.phrase.url))\"><abbr\(title)>")
                cmark_node_set_on_exit(marked, "</abbr></a>")
                cmark_node_set_literal(matchedText, matched)
                cmark_node_append_child(marked, matchedText)
                cmark_node_set_literal(current, before)
                cmark_node_insert_after(current, marked)
                cmark_node_set_literal(rest, after)
                cmark_node_insert_after(marked, rest)
                current = rest
            }
        }
    }

    /// Pages have their own h1 (the title), so a body written with `#` headings is moved down a level.
    private mutating func collectHeadings(_ nodes: [OpaquePointer]) {
        let shallowest = nodes.map { Int(cmark_node_get_heading_level($0)) }.min() ?? 2
        let shift = max(0, 2 - shallowest)
        for node in nodes {
            let level = min(6, Int(cmark_node_get_heading_level(node)) + shift)
            cmark_node_set_heading_level(node, Int32(level))
            let text = Self.text(of: node)
            var id = Slug.make(from: text)
            if id.isEmpty { id = "section" }
            var candidate = id
            var counter = 2
            while usedIDs.contains(candidate) {
                candidate = "\(id)-\(counter)"
                counter += 1
            }
            usedIDs.insert(candidate)
            headings.append(Heading(level: level, text: text, id: candidate))
        }
    }

    private mutating func rewriteLink(_ node: OpaquePointer) {
        guard let urlPointer = cmark_node_get_url(node) else { return }
        let destination = String(cString: urlPointer)
        switch ContentLinkResolution.classify(destination, from: input.folder) {
        case .external:
            return
        case .contentFile(let path, let fragment):
            if let address = links.address(of: path) {
                cmark_node_set_url(node, address + (fragment.map { "#" + $0 } ?? ""))
            } else {
                diagnostics.append(.error(
                    .brokenLink, "the link to '\(destination)' points to a file that does not exist", at: location(of: node),
                    hint: "check the file name under content/; links are relative to this file's folder, for example ../pages/mediation.md"
                ))
            }
        case .unresolvable(let reason):
            diagnostics.append(.error(
                .brokenLink, "the link to '\(destination)' cannot be published", at: location(of: node), hint: reason
            ))
        }
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(
            path: input.path,
            line: input.firstLine + Int(cmark_node_get_start_line(node)) - 1,
            column: Int(cmark_node_get_start_column(node))
        )
    }

    static func text(of node: OpaquePointer) -> String {
        var pieces: [String] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                pieces.append(String(cString: literal))
            }
        }
        cmark_iter_free(iterator)
        return pieces.joined()
    }
}
