import Foundation
import LocalOfferDiagnostics

/// Reads a `content/` folder: `site.yml`, `glossary.yml`, `synonyms.yml` and the Markdown entries
/// under `services/`, `organisations/` and `pages/`. It reads text and splits front matter;
/// it interprets nothing, so everything it returns is plain, `Sendable` text.
///
/// Nothing outside the folder is ever read (see `ContainedFolder`), only regular files are opened,
/// and every file and the folder as a whole are held to `ContentLimits`.
///
/// ```swift
/// let (source, problems) = ContentLoader().load(from: "content")
/// ```
public struct ContentLoader: Sendable {
    public let limits: ContentLimits

    public init(limits: ContentLimits = .standard) {
        self.limits = limits
    }

    public func load(from root: String) -> (ContentSource, [Diagnostic]) {
        let loaded = loadFiles(from: root)
        return (loaded.source, loaded.diagnostics)
    }

    /// What `load` reads, remembered file by file so that `reload` can read again only what changed.
    public func loadFiles(from root: String) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let folder: ContainedFolder
        switch ContainedFolder.open(root, role: "content") {
        case .success(let opened): folder = opened
        case .failure(let problem):
            diagnostics.append(problem)
            return LoadedContent(root: root, folder: nil, head: diagnostics, entries: [], tail: [], spent: 0, reusable: false)
        }
        var budget = SiteBudget(limit: limits.maximumSiteBytes)

        func readOptional(_ name: String) -> SourceText? {
            let path = folder.child(name)
            guard folder.inspect(path) != nil else { return nil }
            switch readText(path, in: folder, budget: &budget) {
            case .text(let text): return SourceText(path: path, text: text)
            case .problem(let problem): diagnostics.append(problem); return nil
            case .overBudget: return nil
            }
        }

        let siteFile = readOptional("site.yml")
        if siteFile == nil, !diagnostics.contains(where: { $0.location?.path == folder.child("site.yml") }) {
            diagnostics.append(.error(
                .missingFile, "'\(folder.child("site.yml"))' is missing",
                at: nil, hint: "every site needs a site.yml with its name, council and categories"
            ))
        }
        let glossaryFile = readOptional("glossary.yml")
        let synonymsFile = readOptional("synonyms.yml")

        var entries: [LoadedContent.EntryFile] = []
        var unread = 0
        // Only plain folders and plain files can be read again one by one: a symbolic link makes one
        // file's text another's, so a change to one would go unseen in the other.
        var reusable = true
        for kind in ContentKind.allCases {
            let kindFolder = folder.child(kind.folder)
            switch folder.inspect(kindFolder) {
            case nil, .success(.regularFile): continue
            case .failure(let problem): diagnostics.append(problem); reusable = false; continue
            case .success(.directory): break
            }
            if ContainedFolder.isSymbolicLink(at: kindFolder) { reusable = false }
            for name in folder.names(in: kindFolder) where name.hasSuffix(".md") {
                if budget.isExhausted { unread += 1; continue }
                let entry = readEntry(kind: kind, name: name, in: folder, budget: &budget)
                if entry?.isSymbolicLink == true { reusable = false }
                if let entry { entries.append(entry) }
            }
        }
        var tail: [Diagnostic] = []
        if let crossing = budget.crossedAt {
            reusable = false
            tail.append(.error(
                .siteTooLarge,
                "the content folder holds more than \(ByteSize.describe(limits.maximumSiteBytes)); this file and \(unread) more were not read",
                at: SourceLocation(path: crossing),
                hint: "a Local Offer's text is a few megabytes; look for files that do not belong in \(root), such as exports or attachments"
            ))
        }
        return LoadedContent(
            root: root, folder: folder, siteFile: siteFile, glossaryFile: glossaryFile, synonymsFile: synonymsFile,
            head: diagnostics, entries: entries, tail: tail, spent: budget.spent, reusable: reusable
        )
    }

    /// The content after the files at `changed` were saved, created, deleted or renamed, reading only
    /// those; nil when a change is not to an entry file (site.yml, a folder, a file elsewhere) or the
    /// content cannot be read file by file, and the whole folder must be read again.
    public func reload(_ previous: LoadedContent, changed: Set<String>) -> LoadedContent? {
        guard previous.reusable, let folder = previous.folder else { return nil }
        var next = previous
        next.changes = []
        for path in changed.sorted() {
            let kind: ContentKind, name: String
            switch previous.classify(path) {
            case .other: return nil
            case .unread: continue
            case .entry(let entryKind, let entryName): (kind, name) = (entryKind, entryName)
            }
            let before = next.remove(kind: kind, name: name)
            let entryPath = ContentLoader.join(folder.child(kind.folder), name)
            guard folder.inspect(entryPath) != nil else {
                next.changes.append(LoadedContent.Change(path: entryPath, before: before, after: nil))
                continue
            }
            // What is left of the site's budget: the whole folder is read again should it run out,
            // so that which file crossed the limit is the one a full read names.
            var budget = SiteBudget(limit: limits.maximumSiteBytes, spent: next.spent)
            guard let entry = readEntry(kind: kind, name: name, in: folder, budget: &budget),
                  !entry.isSymbolicLink, !budget.isExhausted else { return nil }
            next.insert(entry)
            next.changes.append(LoadedContent.Change(path: entryPath, before: before, after: entry.read))
        }
        return next
    }

    /// One entry file, read and split as `load` reads it; nil when it is over the site's budget.
    private func readEntry(kind: ContentKind, name: String, in folder: ContainedFolder, budget: inout SiteBudget) -> LoadedContent.EntryFile? {
        let path = ContentLoader.join(folder.child(kind.folder), name)
        let before = budget.spent
        let read: Result<ContentDocument, Diagnostic>
        switch readText(path, in: folder, budget: &budget) {
        case .overBudget:
            return nil
        case .problem(let problem):
            read = .failure(problem)
        case .text(let text):
            read = ContentDocument.split(text, path: path, kind: kind, slug: String(name.dropLast(3)))
        }
        return LoadedContent.EntryFile(
            kind: kind, name: name, read: read, bytes: budget.spent - before,
            isSymbolicLink: ContainedFolder.isSymbolicLink(at: path)
        )
    }

    private enum Read {
        case text(String)
        case problem(Diagnostic)
        /// Not read: the site went over its size limit (reported once, at the end).
        case overBudget
    }

    /// Reads one file as text, within the file limit and what is left of the site's.
    private func readText(_ path: String, in folder: ContainedFolder, budget: inout SiteBudget) -> Read {
        if case .success(.regularFile(let bytes))? = folder.inspect(path), bytes <= limits.maximumFileBytes,
           !budget.spend(bytes, on: path) {
            return .overBudget
        }
        switch folder.read(path, limit: limits.maximumFileBytes).flatMap({ TextDecoding.decode($0, path: path) }) {
        case .success(let text): return .text(text)
        case .failure(let problem): return .problem(problem)
        }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}

/// How much the loader reads, at most. Every figure is documented in the README and docs/content-format.md.
public struct ContentLimits: Sendable, Equatable {
    /// One content file (an entry, `site.yml`, `glossary.yml`, `synonyms.yml`): 1 MiB. The longest
    /// real service description is a few kilobytes; a 20 MB body took 10 s and 1 GB to build.
    public var maximumFileBytes: Int
    /// Every file read from `content/` together: 512 MiB, room for several hundred thousand entries.
    public var maximumSiteBytes: Int

    public init(maximumFileBytes: Int, maximumSiteBytes: Int) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumSiteBytes = maximumSiteBytes
    }

    public static let standard = ContentLimits(maximumFileBytes: 1 << 20, maximumSiteBytes: 512 << 20)
}

/// The bytes left for the rest of the site. Once spent, no more files are read: the error names the
/// file that crossed the limit and how many were left unread.
private struct SiteBudget {
    let limit: Int
    private(set) var spent: Int
    private(set) var crossedAt: String?

    init(limit: Int, spent: Int = 0) {
        self.limit = limit
        self.spent = spent
    }

    var isExhausted: Bool { crossedAt != nil }

    /// False (and the site is marked over its limit) when the file does not fit.
    mutating func spend(_ bytes: Int, on path: String) -> Bool {
        guard crossedAt == nil else { return false }
        guard spent + bytes <= limit else {
            crossedAt = path
            return false
        }
        spent += bytes
        return true
    }
}
