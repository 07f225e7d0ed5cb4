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
///
/// Its parts are kept in one shared, immutable box: items are copied into lists, sorted and
/// grouped many times over, and a copied entry is some thirty references retained, a copied box one.
public struct Item<Entry: ContentEntry>: Sendable {
    private final class Storage: Sendable {
        let entry: Entry
        let url: String
        let body: RenderedMarkdown
        let sourceHash: UInt64

        init(entry: Entry, url: String, body: RenderedMarkdown, sourceHash: UInt64) {
            self.entry = entry
            self.url = url
            self.body = body
            self.sourceHash = sourceHash
        }
    }

    private let storage: Storage

    public init(entry: Entry, url: String, body: RenderedMarkdown, sourceHash: UInt64) {
        storage = Storage(entry: entry, url: url, body: body, sourceHash: sourceHash)
    }

    public var entry: Entry { storage.entry }
    /// The page's address, such as `/services/portage/`.
    public var url: String { storage.url }
    public var body: RenderedMarkdown { storage.body }
    /// A hash of the entry's file: the same text gives the same hash on every run.
    public var sourceHash: UInt64 { storage.sourceHash }

    public var slug: String { entry.slug }
}
