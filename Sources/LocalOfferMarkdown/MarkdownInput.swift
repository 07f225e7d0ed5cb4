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

/// Maps content files (`pages/mediation.md`, relative to `content/`) to their published addresses,
/// and knows the drafts: a link to a draft is broken too, but the file is there, and the editor must
/// be told so.
public struct ContentLinkTable: Sendable {
    private let addresses: [String: String]
    private let drafts: Set<String>

    public init(_ addresses: [String: String], drafts: Set<String> = []) {
        self.addresses = addresses
        self.drafts = drafts
    }

    public func address(of contentPath: String) -> String? { addresses[contentPath] }

    /// Whether the file is a draft: there, but with no address.
    public func isDraft(_ contentPath: String) -> Bool { drafts.contains(contentPath) }

    /// This table with the entry at `contentPath` at `address` now, or with none (nil), and a draft
    /// or not.
    public func setting(_ contentPath: String, to address: String?, isDraft: Bool = false) -> ContentLinkTable {
        var addresses = self.addresses
        addresses[contentPath] = address
        var drafts = self.drafts
        if isDraft { drafts.insert(contentPath) } else { drafts.remove(contentPath) }
        return ContentLinkTable(addresses, drafts: drafts)
    }
}

/// One entry a body links to, and the address it had when the body was rendered (nil: none).
public struct LinkLookup: Sendable, Hashable {
    public let path: String
    public let address: String?
    /// Whether the file was a draft (its link broken, and said to be a draft's).
    public var isDraft = false

    /// Whether `table` gives what it gave then: a body that links only as it did renders as it did.
    public func isCurrent(in table: ContentLinkTable) -> Bool {
        table.address(of: path) == address && table.isDraft(path) == isDraft
    }
}
