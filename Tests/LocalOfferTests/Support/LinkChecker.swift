import Foundation

/// Finds every internal link and asset reference in a built site that does not resolve to a file,
/// or whose `#fragment` is not an id on the target page.
struct LinkChecker {
    let root: String
    let basePath: String

    struct BrokenLink: CustomStringConvertible {
        let page: String
        let target: String
        var description: String { "\(page) → \(target)" }
    }

    func brokenLinks() -> (checked: Int, broken: [BrokenLink]) {
        let pages = TestSite.htmlPages(in: root).sorted()
        var idsByFile: [String: Set<String>] = [:]
        func ids(in file: String) -> Set<String> {
            if let known = idsByFile[file] { return known }
            let found = Set(Self.matches(of: #"\sid="([^"]+)""#, in: TestSite.text(root, file)))
            idsByFile[file] = found
            return found
        }
        var checked = 0
        var broken: [BrokenLink] = []
        for page in pages {
            let html = TestSite.text(root, page)
            for target in Self.matches(of: #"(?:href|src)="([^"]*)""#, in: html) {
                let decoded = target.replacingOccurrences(of: "&amp;", with: "&")
                if decoded.hasPrefix("#") {
                    checked += 1
                    if decoded.count > 1, !ids(in: page).contains(String(decoded.dropFirst())) {
                        broken.append(BrokenLink(page: page, target: target))
                    }
                    continue
                }
                guard decoded.hasPrefix(basePath), !decoded.hasPrefix("//") else { continue }
                checked += 1
                var path = String(decoded.dropFirst(basePath.count))
                var fragment: String?
                if let hash = path.firstIndex(of: "#") {
                    fragment = String(path[path.index(after: hash)...])
                    path = String(path[..<hash])
                }
                if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                guard FileManager.default.fileExists(atPath: root + "/" + path) else {
                    broken.append(BrokenLink(page: page, target: target))
                    continue
                }
                if let fragment, !fragment.isEmpty, path.hasSuffix(".html"), !ids(in: path).contains(fragment) {
                    broken.append(BrokenLink(page: page, target: target))
                }
            }
        }
        return (checked, broken)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
