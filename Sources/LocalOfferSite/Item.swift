import LocalOfferMarkdown
import LocalOfferModel

/// What every kind of Markdown entry has: an identity, a file and a body.
public protocol ContentEntry: Sendable {
    var slug: String { get }
    var sourcePath: String { get }
    var body: MarkdownSource { get }
    /// Where each field was written: needed to report problems while validating, not after.
    var fieldLocations: FieldLocations { get set }
}

extension Service: ContentEntry {}
extension Organisation: ContentEntry {}
extension InformationPage: ContentEntry {}

/// One entry ready for every writer: the validated value, its address, its rendered body and a
/// hash of its source file. Writers read items only; none looks anything up by file name.
public struct Item<Entry: ContentEntry>: Sendable {
    public let entry: Entry
    /// The page's address, such as `/services/portage/`.
    public let url: String
    public let body: RenderedMarkdown
    /// A hash of the entry's file: the same text gives the same hash on every run.
    public let sourceHash: UInt64

    public init(entry: Entry, url: String, body: RenderedMarkdown, sourceHash: UInt64) {
        self.entry = entry
        self.url = url
        self.body = body
        self.sourceHash = sourceHash
    }

    public var slug: String { entry.slug }
}
