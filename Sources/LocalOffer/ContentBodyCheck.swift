import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferMarkdown
import LocalOfferParallel
import LocalOfferSite

/// The Markdown step for content that cannot be published yet: every entry's body is still rendered,
/// so a broken link (or raw HTML) is reported in the same run as a field error in another file.
/// Links resolve against every entry file that exists, valid or not: a link to an entry with a
/// mistake of its own is not a broken link.
///
/// ```swift
/// let problems = ContentBodyCheck(linkTargets: validation.linkTargets).check(source)
/// ```
struct ContentBodyCheck: Sendable {
    let linkTargets: Set<String>
    /// Drafts' files: a link to one is broken, and said to be a draft's.
    var drafts: Set<String> = []
    /// The problems found last time (`serve`, while the content has errors), or nil.
    var memo: MarkdownMemo?

    func check(_ source: ContentSource) -> [Diagnostic] {
        // Only whether a target exists matters here; the address is never published.
        let renderer = MarkdownRenderer(links: ContentLinkTable(Dictionary(
            linkTargets.map { ($0, "/" + $0) }, uniquingKeysWith: { first, _ in first }
        ), drafts: drafts))
        let inputs = source.documents.map { document in
            MarkdownInput(text: document.body.text, path: document.path, firstLine: document.body.firstLine, folder: document.kind.folder)
        }
        let problems = memo?.problems(of: inputs, with: renderer) ?? inputs.parallelMap { renderer.render($0).1 }
        var seen = Set<Diagnostic>()
        return problems.joined().filter { seen.insert($0).inserted }
    }
}
