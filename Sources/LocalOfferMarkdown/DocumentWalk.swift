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
    /// Every entry looked up in `links`, with what was found.
    private(set) var lookups: [LinkLookup] = []
    private var usedIDs: Set<String> = []

    init(input: MarkdownInput, links: ContentLinkTable, glossary: GlossaryTerms = .none) {
        self.input = input
        self.links = links
        self.glossary = glossary
    }

    /// Deeper than this, a page is refused: browsers stop building the page's structure at a few
    /// hundred levels, no real description nests more than about six, and 100,000 `>` in 100 KB of
    /// text would otherwise become 100,000 nested quotes. The walk itself is a loop, never recursion.
    static let maximumDepth = 64

    mutating func visit(_ document: OpaquePointer) {
        var rawHTMLNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var glossaryCandidates: [OpaquePointer] = []
        // Jargon is explained in running text only, never inside links, headings or images.
        var insideNoGlossaryZone = 0
        // Containers open so far (the iterator enters and exits them; leaves it only enters).
        var depth = 0
        var reportedDepth = false
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isNoGlossaryZone = type == CMARK_NODE_LINK || type == CMARK_NODE_HEADING || type == CMARK_NODE_IMAGE
            if event == CMARK_EVENT_EXIT {
                if isNoGlossaryZone { insideNoGlossaryZone -= 1 }
                depth -= 1
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if !Self.isLeaf(type) {
                depth += 1
                if depth > Self.maximumDepth, !reportedDepth {
                    reportedDepth = true
                    diagnostics.append(.error(
                        .markdownTooDeep,
                        "the text nests quotes, lists, emphasis or links more than \(Self.maximumDepth) levels deep",
                        at: location(of: node),
                        hint: "check for a long run of '>', '*', '[' or indented '-' characters; a page needs only a few levels"
                    ))
                }
            }
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

    /// The node types cmark's iterator enters without exiting (cmark's own `S_is_leaf`).
    static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            true
        default:
            false
        }
    }

    /// The first time each glossary term appears, it becomes a link to its explanation:
    /// `<a href="/glossary/#ehc-plan"><abbr title="education, health and care plan">EHCP</abbr></a>`.
    ///
    /// Some containers cannot hold the custom node that writes that link: a table cell takes only
    /// cmark's own inlines. There the text is left as it is and the term stays available for a later
    /// sentence. (Changing the text node before knowing the link could be inserted lost the rest of
    /// the cell: "teacher, SENCO, headteacher" was published as "teacher, ". Found by fuzzing.)
    private func markGlossaryTerms(in textNodes: [OpaquePointer]) {
        var used: Set<String> = []
        for node in textNodes {
            guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }) else { continue }
            var usedHere = used
            let found = glossary.matches(in: literal, excluding: &usedHere)
            guard !found.isEmpty else { continue }
            var current = node
            var textStart = literal.startIndex
            for (index, match) in found.enumerated() {
                let nextStart = index + 1 < found.count ? found[index + 1].range.lowerBound : literal.endIndex
                guard let marked = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
                guard let matchedText = cmark_node_new(CMARK_NODE_TEXT), let rest = cmark_node_new(CMARK_NODE_TEXT) else {
                    cmark_node_free(marked)
                    return
                }
                let title = match.phrase.expansion.map { " title=\"\(HTMLEscaping.escape($0))\"" } ?? ""
                cmark_node_set_on_enter(marked, "<a class=\"app-glossary-link\" href=\"\(HTMLEscaping.escape(match.phrase.url))\"><abbr\(title)>")
                cmark_node_set_on_exit(marked, "</abbr></a>")
                cmark_node_set_literal(matchedText, String(literal[match.range]))
                cmark_node_append_child(marked, matchedText)
                guard cmark_node_insert_after(current, marked) == 1, cmark_node_insert_after(marked, rest) == 1 else {
                    // Not allowed here (only the first insertion can fail: every match shares the parent).
                    cmark_node_free(marked)
                    cmark_node_free(rest)
                    break
                }
                cmark_node_set_literal(current, String(literal[textStart..<match.range.lowerBound]))
                cmark_node_set_literal(rest, String(literal[match.range.upperBound..<nextStart]))
                current = rest
                textStart = match.range.upperBound
                used.insert(match.phrase.term)
            }
        }
    }

    /// Pages have their own h1 (the title), so a body written with `#` headings is moved down a level.
    private mutating func collectHeadings(_ nodes: [OpaquePointer]) {
        let shallowest = nodes.map { Int(cmark_node_get_heading_level($0)) }.min() ?? 2
        let shift = max(0, 2 - shallowest)
        // The next suffix to try for each id: starting again from 2 every time made 20,000 headings
        // called "Contact" take minutes.
        var nextSuffix: [String: Int] = [:]
        for node in nodes {
            let level = min(6, Int(cmark_node_get_heading_level(node)) + shift)
            cmark_node_set_heading_level(node, Int32(level))
            let text = Self.text(of: node)
            var id = Slug.make(from: text)
            if id.isEmpty { id = "section" }
            var candidate = id
            if usedIDs.contains(candidate) {
                var counter = nextSuffix[id] ?? 2
                repeat {
                    candidate = "\(id)-\(counter)"
                    counter += 1
                } while usedIDs.contains(candidate)
                nextSuffix[id] = counter
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
            let found = links.address(of: path)
            lookups.append(LinkLookup(path: path, address: found, isDraft: links.isDraft(path)))
            if let address = found {
                cmark_node_set_url(node, address + (fragment.map { "#" + $0 } ?? ""))
            } else if links.isDraft(path) {
                diagnostics.append(.error(
                    .brokenLink, "the link to '\(destination)' points to a draft, which is not published", at: location(of: node),
                    hint: "publish that entry (take out its 'status: draft'), or take the link out until it is published"
                ))
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

    /// Where a node starts in the file. cmark-gfm gives no position (line 0) to the inlines of a table
    /// cell; those take their row's line, so a broken link in a table still points at the table, not
    /// at the front matter above the body. (Found by fuzzing.)
    private func location(of node: OpaquePointer) -> SourceLocation {
        var positioned: OpaquePointer? = node
        while let current = positioned, cmark_node_get_start_line(current) <= 0 {
            positioned = cmark_node_parent(current)
        }
        guard let positioned else { return SourceLocation(path: input.path, line: input.firstLine) }
        return SourceLocation(
            path: input.path,
            line: input.firstLine + Int(cmark_node_get_start_line(positioned)) - 1,
            column: positioned == node ? Int(cmark_node_get_start_column(node)) : 1
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
