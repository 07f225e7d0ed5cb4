/// A Markdown body to render, with where it came from so that problems point into the right file.
public struct MarkdownInput: Sendable, Hashable {
    public var text: String
    public var path: String
    /// The file line the body starts on.
    public var firstLine: Int
    /// The entry's folder relative to `content/` (`services`, `pages`), against which links resolve.
    public var folder: String

    public init(text: String, path: String, firstLine: Int, folder: String) {
        self.text = text
        self.path = path
        self.firstLine = firstLine
        self.folder = folder
    }
}

/// What rendering produced: safe HTML, the outline, and the plain words for the search index.
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var headings: [Heading]
    public var plainText: String

    public init(html: String, headings: [Heading], plainText: String) {
        self.html = html
        self.headings = headings
        self.plainText = plainText
    }
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// Maps content files (`pages/mediation.md`, relative to `content/`) to their published addresses.
public struct ContentLinkTable: Sendable {
    private let addresses: [String: String]

    public init(_ addresses: [String: String]) {
        self.addresses = addresses
    }

    public func address(of contentPath: String) -> String? { addresses[contentPath] }

    /// This table with the entry at `contentPath` at `address` now, or with none (nil).
    public func setting(_ contentPath: String, to address: String?) -> ContentLinkTable {
        var addresses = self.addresses
        addresses[contentPath] = address
        return ContentLinkTable(addresses)
    }
}

/// One entry a body links to, and the address it had when the body was rendered (nil: none).
public struct LinkLookup: Sendable, Hashable {
    public let path: String
    public let address: String?
}
