import LocalOfferDiagnostics

/// A `content/` folder as the loader read it, file by file: what `serve` keeps between saves so that
/// it reads again only the files that changed (`ContentLoader.reload`). Its `source` and
/// `diagnostics` are exactly what reading the whole folder again would give.
public struct LoadedContent: Sendable {
    /// One `.md` file under `services/`, `organisations/` or `pages/`, and what reading it gave.
    struct EntryFile: Sendable {
        let kind: ContentKind
        let name: String
        let read: Result<ContentDocument, Diagnostic>
        /// What it took from the site's budget.
        let bytes: Int
        let isSymbolicLink: Bool

        /// The loader's order: kinds in `ContentKind.allCases` order, then names sorted.
        var order: (Int, String) { (ContentKind.allCases.firstIndex(of: kind) ?? 0, name) }
    }

    let root: String
    let folder: ContainedFolder?
    let siteFile: SourceText?
    let glossaryFile: SourceText?
    let synonymsFile: SourceText?
    /// Problems with the folder, site.yml, glossary.yml and synonyms.yml, reported before the entries'.
    let head: [Diagnostic]
    private(set) var entries: [EntryFile]
    /// Problems reported after every entry (the site over its size limit).
    let tail: [Diagnostic]
    /// Bytes of the site's budget spent.
    private(set) var spent: Int
    /// Whether one file can be read again on its own (see `ContentLoader.reload`).
    let reusable: Bool
    /// What the `reload` that gave this content read again; empty after reading the whole folder.
    public internal(set) var changes: [Change] = []

    /// One entry file read again: what reading it gave before and now (nil: there was no such file, or there is none now).
    public struct Change: Sendable {
        public let path: String
        public let before: Result<ContentDocument, Diagnostic>?
        public let after: Result<ContentDocument, Diagnostic>?
    }

    init(
        root: String, folder: ContainedFolder?, siteFile: SourceText? = nil, glossaryFile: SourceText? = nil,
        synonymsFile: SourceText? = nil, head: [Diagnostic], entries: [EntryFile], tail: [Diagnostic], spent: Int, reusable: Bool
    ) {
        self.root = root
        self.folder = folder
        self.siteFile = siteFile
        self.glossaryFile = glossaryFile
        self.synonymsFile = synonymsFile
        self.head = head
        self.entries = entries
        self.tail = tail
        self.spent = spent
        self.reusable = reusable
    }

    /// Every text read, ready for validation.
    public var source: ContentSource {
        ContentSource(
            root: root, siteFile: siteFile, glossaryFile: glossaryFile, synonymsFile: synonymsFile,
            documents: entries.compactMap { try? $0.read.get() }
        )
    }

    /// Every problem reading the folder, in the order the loader met them.
    public var diagnostics: [Diagnostic] {
        head + entries.compactMap { entry in
            if case .failure(let problem) = entry.read { return problem }
            return nil
        } + tail
    }

    /// What a changed path is to the loader.
    enum ChangedPath: Equatable {
        /// An entry file: a `.md` file directly inside a kind's folder.
        case entry(ContentKind, name: String)
        /// Nothing the loader reads: another file in a kind's folder (an editor's temporary file),
        /// anything deeper, or a file beside the kinds' folders that is not one of the three it reads.
        case unread
        /// site.yml, glossary.yml, synonyms.yml, a kind's folder, the folder itself, or a path
        /// outside it: the whole folder is read again.
        case other
    }

    /// What the path (as the watcher names it: the content folder joined with the path under it) is.
    func classify(_ path: String) -> ChangedPath {
        guard let folder else { return .other }
        let rootPrefix = ContentLoader.join(folder.path, "")
        guard path.hasPrefix(rootPrefix) else { return .other }
        // "content/" as the folder's name gives "content//services/a.md".
        let relative = path.dropFirst(rootPrefix.count).drop { $0 == "/" }
        guard let slash = relative.firstIndex(of: "/") else {
            let known = ["site.yml", "glossary.yml", "synonyms.yml"] + ContentKind.allCases.map(\.folder)
            return known.contains(String(relative)) || relative.isEmpty ? .other : .unread
        }
        guard let kind = ContentKind.allCases.first(where: { $0.folder == relative[..<slash] }) else { return .unread }
        let name = String(relative[relative.index(after: slash)...])
        guard name.hasSuffix(".md"), !name.contains("/") else { return .unread }
        return .entry(kind, name: name)
    }

    /// Forgets the entry file, and says what reading it had given.
    @discardableResult
    mutating func remove(kind: ContentKind, name: String) -> Result<ContentDocument, Diagnostic>? {
        let index = position(of: (ContentKind.allCases.firstIndex(of: kind) ?? 0, name))
        guard index < entries.count, entries[index].kind == kind, entries[index].name == name else { return nil }
        spent -= entries[index].bytes
        return entries.remove(at: index).read
    }

    mutating func insert(_ entry: EntryFile) {
        entries.insert(entry, at: position(of: entry.order))
        spent += entry.bytes
    }

    /// The first index whose entry does not come before `order`.
    private func position(of order: (Int, String)) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].order < order { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
