import LocalOfferModel

/// Every address in the published site, in one place. Pretty URLs: `services/portage/` is written
/// as `services/portage/index.html`. `basePath` lets the site live under a sub-path (`/local-offer/`).
public struct SiteURLs: Sendable, Hashable {
    /// Always starts and ends with `/`.
    public let basePath: String

    public init(basePath: String) {
        var path = basePath.isEmpty ? "/" : basePath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.basePath = path
    }

    public var home: String { basePath }
    public var services: String { basePath + "services/" }
    public var organisations: String { basePath + "organisations/" }
    public var information: String { basePath + "information/" }
    public var glossary: String { basePath + "glossary/" }
    public var search: String { basePath + "search/" }
    public var assets: String { basePath + "assets/" }
    public var sitemap: String { basePath + "sitemap.xml" }

    public var browse: String { basePath + "browse/" }
    public var myList: String { basePath + "my-list/" }

    public func service(_ slug: String) -> String { services + slug + "/" }
    public func browse(age stage: AgeStage) -> String { browse + "age/" + stage.slug + "/" }
    public func browse(need: AreaOfNeed) -> String { browse + "need/" + need.rawValue + "/" }
    public func browse(age stage: AgeStage, need: AreaOfNeed) -> String { browse(age: stage) + "need/" + need.rawValue + "/" }
    public func browse(age stage: AgeStage, category id: String) -> String { browse(age: stage) + "category/" + id + "/" }
    public func organisation(_ slug: String) -> String { organisations + slug + "/" }
    public func category(_ id: String) -> String { basePath + "categories/" + id + "/" }
    public func page(_ slug: String) -> String { information + slug + "/" }
    public func glossaryTerm(_ anchor: String) -> String { glossary + "#" + anchor }

    /// Page `number` of a list that starts at `first`: `/services/`, then `/services/page/2/`.
    public func listPage(_ first: String, number: Int) -> String {
        number <= 1 ? first : first + "page/\(number)/"
    }

    /// The file an address is written to, relative to the output folder.
    public func outputPath(for url: String) -> String {
        var relative = url.hasPrefix(basePath) ? String(url.dropFirst(basePath.count)) : url
        if let hash = relative.firstIndex(of: "#") { relative = String(relative[..<hash]) }
        if relative.isEmpty || relative.hasSuffix("/") { return relative + "index.html" }
        return relative
    }
}
