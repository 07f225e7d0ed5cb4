/// Resolves a link written in Markdown against the content folder.
enum ContentLinkResolution: Equatable {
    /// Leave as written: web and mail links, in-page anchors.
    case external
    /// A content file (`pages/mediation.md`) and an optional `#fragment`.
    case contentFile(path: String, fragment: String?)
    /// A relative link that can never resolve: outside `content/`, or not a Markdown entry.
    case unresolvable(reason: String)

    static func classify(_ destination: String, from folder: String) -> ContentLinkResolution {
        if destination.isEmpty || destination.hasPrefix("#") { return .external }
        if let colon = destination.firstIndex(of: ":"),
           destination[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) {
            return .external
        }
        if destination.hasPrefix("//") || destination.hasPrefix("/") {
            return .unresolvable(reason: "links within the site are written to the content file, for example [Portage](portage.md)")
        }
        var target = destination
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        guard target.hasSuffix(".md") else {
            return .unresolvable(reason: "only other content entries (.md files) can be linked to by a relative link")
        }
        var parts = folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .unresolvable(reason: "the link goes outside the content folder") }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return .contentFile(path: parts.joined(separator: "/"), fragment: fragment)
    }
}
