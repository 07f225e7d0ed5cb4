import Foundation
import LocalOfferText

/// Resolves a link written in Markdown against the content folder.
///
/// A relative link can only ever become the address of an entry that exists: the resolved path is
/// looked up in `ContentLinkTable`, never opened. Before that, it is decoded (`%2e%2e%2f` is `../`)
/// and every part of it must be `.`, `..` or a slug, so `..` cannot climb out of `content/`, and
/// look-alike separators (`∕` U+2215, `／` U+FF0F, `․` U+2024) or backslashes are names no entry can
/// have: the editor hears which part is wrong.
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
            // `C:\Users\...` or `C:/...`: a file on the editor's computer, not a web address.
            if destination.distance(from: destination.startIndex, to: colon) == 1 {
                return .unresolvable(reason: "this is a file on a computer; link to a web address (https://...) or to another entry's .md file")
            }
            return .external
        }
        if destination.hasPrefix("//") || destination.hasPrefix("/") || destination.hasPrefix("\\") {
            return .unresolvable(reason: "links within the site are written to the content file, for example [Portage](portage.md)")
        }
        var target = destination
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        // Foundation's decoding goes through NSString: most links have nothing to decode.
        guard let decoded = target.utf8.contains(UInt8(ascii: "%")) ? target.removingPercentEncoding : target else {
            return .unresolvable(reason: "the link has a '%' that is not followed by two hexadecimal digits")
        }
        if decoded.contains("\\") {
            return .unresolvable(reason: "write links with forward slashes, for example ../pages/mediation.md")
        }
        if decoded.hasPrefix("/") {
            return .unresolvable(reason: "links within the site are written to the content file, for example [Portage](portage.md)")
        }
        guard decoded.hasSuffix(".md") else {
            return .unresolvable(reason: "only other content entries (.md files) can be linked to by a relative link")
        }
        var parts = folder.split(separator: "/").map(String.init)
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true)
        for (position, component) in components.enumerated() {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .unresolvable(reason: "the link goes outside the content folder") }
                parts.removeLast()
            default:
                let isFile = position == components.count - 1
                let name = isFile ? String(component.dropLast(3)) : String(component)
                guard Slug.isValid(name) else {
                    return .unresolvable(reason: "'\(component)' cannot be a content file or folder: names are lower-case letters, digits and hyphens, and parts are separated by '/'")
                }
                parts.append(String(component))
            }
        }
        return .contentFile(path: parts.joined(separator: "/"), fragment: fragment)
    }
}
