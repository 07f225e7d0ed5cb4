import Foundation
import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferRendering
import LocalOfferSite
import LocalOfferText

/// One output of the site: a family of files made from the validated site. Writers plan their files
/// cheaply (an address, a fingerprint of what the file is made from, and how to make it); the
/// builder then makes, in parallel, only the files whose fingerprint changed since the last build,
/// and writes each the moment it is made.
///
/// A new output is one new type conforming to this protocol, and one line in `SiteWriters.standard`.
public protocol SiteWriter: Sendable {
    /// Shown by `build --verbose`.
    var name: String { get }
    /// What this writer's files are made from. The site-wide inputs declared here go into every
    /// fingerprint the writer makes; entries (`.services`, ...) are added per file by the writer.
    var inputs: WriterInputs { get }
    func plan(_ context: WriterContext) -> [PlannedFile]
    /// The file `plan` would plan at `path`, found without planning the others; `.unknown` (the
    /// default) when the writer cannot tell, and `serve` plans them all.
    func planFile(at path: String, _ context: WriterContext) -> SingleFilePlan
}

/// What a writer can say of one path without planning all its files.
public enum SingleFilePlan: Sendable {
    /// Exactly the file `plan` lists at that path (the first, should there be two).
    case file(PlannedFile)
    case unknown
}

extension SiteWriter {
    public func planFile(at path: String, _ context: WriterContext) -> SingleFilePlan { .unknown }
}

/// The parts of the site a writer reads.
public struct WriterInputs: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `site.yml`, and where the site is served (`--base-url`).
    public static let site = WriterInputs(rawValue: 1 << 0)
    /// The theme's Mustache templates.
    public static let templates = WriterInputs(rawValue: 1 << 1)
    /// The theme's assets.
    public static let assets = WriterInputs(rawValue: 1 << 2)
    /// `glossary.yml`: the jargon buster links in every rendered body.
    public static let glossary = WriterInputs(rawValue: 1 << 3)
    /// `synonyms.yml`.
    public static let synonyms = WriterInputs(rawValue: 1 << 4)
    /// Which entries exist: links between entries resolve against them, so every rendered body does too.
    public static let addresses = WriterInputs(rawValue: 1 << 5)
    public static let services = WriterInputs(rawValue: 1 << 6)
    public static let organisations = WriterInputs(rawValue: 1 << 7)
    public static let pages = WriterInputs(rawValue: 1 << 8)
    /// The day of the build, for everything the writer makes.
    public static let today = WriterInputs(rawValue: 1 << 9)
    /// The address of every page the other writers plan (the sitemap): planned after them.
    public static let pageList = WriterInputs(rawValue: 1 << 10)

    /// What every themed page reads: the layout shows the site's name, navigation and footer.
    public static let layout: WriterInputs = [.site, .templates, .addresses]
    /// What a page showing rendered Markdown reads.
    public static let bodies: WriterInputs = [.glossary, .addresses]
}

/// A file a writer will produce.
public struct PlannedFile: Sendable {
    /// Relative to the output folder.
    public let path: String
    /// The page's address; nil for files that are not pages.
    public let pageURL: String?
    /// Whether search engines should find it: question and results pages of the guided start are
    /// pages, but not ones to list (they say `noindex` too).
    public let inSitemap: Bool
    /// A hash of everything the file is made from: equal fingerprints, equal bytes, so the file
    /// can be kept from the previous build without being made. Nil: always made, and kept only
    /// when its bytes are unchanged (for files that are cheap to make, or made from everything).
    public let fingerprint: UInt64?
    public let make: @Sendable () -> Result<FileContents, Diagnostic>

    public init(
        path: String, pageURL: String? = nil, inSitemap: Bool = true, fingerprint: UInt64?,
        make: @escaping @Sendable () -> Result<FileContents, Diagnostic>
    ) {
        self.path = path
        self.pageURL = pageURL
        self.inSitemap = inSitemap
        self.fingerprint = fingerprint
        self.make = make
    }
}

public enum FileContents: Sendable {
    case text(String)
    case bytes([UInt8])
    case data(Data)
}

/// What writers are given: the items, the page renderer, and the fingerprints of site-wide inputs.
public struct WriterContext: Sendable {
    public let items: SiteItems
    public let renderer: PageRenderer
    public let templates: TemplateLibrary
    /// Addresses of every page planned by writers that do not read `.pageList`; empty for those writers.
    public let pages: [String]
    /// Theme templates' names and text.
    public let templatesHash: UInt64
    /// The program that makes the files: a new version may make different bytes from the same input.
    public let toolHash: UInt64

    public init(items: SiteItems, templates: TemplateLibrary, pages: [String] = [], toolHash: UInt64) {
        self.init(
            items: items, templates: templates, renderer: PageRenderer(items: items, templates: templates), pages: pages, toolHash: toolHash
        )
    }

    /// With the service groups of `previous`, whose items group the services as `items` do, but for
    /// the services `changes` moved, added or removed (see `SiteItems.revising`): grouping 10,000
    /// services is most of what a context costs.
    public init(
        items: SiteItems, templates: TemplateLibrary, groupedAs previous: WriterContext, changes: [IndexChange] = [], toolHash: UInt64
    ) {
        let groups = previous.renderer.groups.changing(changes, items: items)
        self.init(
            items: items, templates: templates,
            renderer: PageRenderer(items: items, templates: templates, groups: groups), pages: [], toolHash: toolHash
        )
    }

    private init(items: SiteItems, templates: TemplateLibrary, renderer: PageRenderer, pages: [String], toolHash: UInt64) {
        self.items = items
        self.templates = templates
        self.renderer = renderer
        self.pages = pages
        self.templatesHash = templates.contentHash
        self.toolHash = toolHash
    }

    private init(copying context: WriterContext, pages: [String]) {
        items = context.items
        templates = context.templates
        renderer = context.renderer
        templatesHash = context.templatesHash
        toolHash = context.toolHash
        self.pages = pages
    }

    public func with(pages: [String]) -> WriterContext { WriterContext(copying: self, pages: pages) }

    public var urls: SiteURLs { items.urls }

    /// A hasher holding the writer's name and every site-wide input it declares: add the file's own
    /// parts to it. Forgetting a part makes incremental builds stale, which the equivalence test catches.
    public func fingerprintBase(for writer: some SiteWriter) -> StableHasher {
        var hasher = StableHasher()
        hasher.combine(toolHash)
        hasher.combine(writer.name)
        let inputs = writer.inputs
        if inputs.contains(.site) {
            hasher.combine(items.hashes.site)
            hasher.combine(items.links.canonicalBase)
            hasher.combine(items.urls.basePath)
        }
        if inputs.contains(.templates) { hasher.combine(templatesHash) }
        if inputs.contains(.glossary) { hasher.combine(items.hashes.glossary) }
        if inputs.contains(.synonyms) { hasher.combine(items.hashes.synonyms) }
        if inputs.contains(.addresses) { hasher.combine(items.hashes.addresses) }
        if inputs.contains(.today) { hasher.combine(items.today.description) }
        return hasher
    }

    /// A page made by rendering, kept from the last build while `fingerprint` is unchanged.
    public func page(
        _ url: String, fingerprint: UInt64?, inSitemap: Bool = true, render: @escaping @Sendable () -> Result<[UInt8], Diagnostic>
    ) -> PlannedFile {
        PlannedFile(path: urls.outputPath(for: url), pageURL: url, inSitemap: inSitemap, fingerprint: fingerprint) {
            render().map(FileContents.bytes)
        }
    }
}

extension StableHasher {
    /// Adds a service as a list shows it: its file and its organisation's name. By index: an `Item`
    /// copied is some thirty references retained, and a large site's lists name each service many times.
    mutating func combine(listEntry index: Int, in items: SiteItems) {
        combine(items.services[index].sourceHash)
        combine(items.organisationName(items.services[index].entry.organisation))
    }
}
