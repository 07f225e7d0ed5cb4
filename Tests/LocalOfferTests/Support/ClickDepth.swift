import Foundation

/// How many clicks each page of a built site is from the home page, following the links a family
/// can click (`href="/..."`), breadth first.
enum ClickDepth {
    static func fromHome(of output: String, basePath: String = "/", limit: Int = 3) -> [String: Int] {
        var depth: [String: Int] = ["index.html": 0]
        var queue = ["index.html"]
        var head = 0
        while head < queue.count {
            let page = queue[head]
            head += 1
            guard let current = depth[page], current < limit else { continue }
            for target in LinkChecker.matches(of: ##"href="(/[^"#?]*)""##, in: TestSite.text(output, page)) {
                guard target.hasPrefix(basePath) else { continue }
                let relative = String(target.dropFirst(basePath.count))
                let file = relative + (relative.isEmpty || relative.hasSuffix("/") ? "index.html" : "")
                guard file.hasSuffix(".html"), depth[file] == nil else { continue }
                depth[file] = current + 1
                queue.append(file)
            }
        }
        return depth
    }
}
