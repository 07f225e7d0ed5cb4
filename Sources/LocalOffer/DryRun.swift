import Foundation
import LocalOfferDiagnostics
import LocalOfferOutput
import LocalOfferParallel
import LocalOfferText
import LocalOfferWriters

/// `localoffer build --dry-run`: what a build would add, change and remove in the output folder,
/// compared with what is there now, with nothing written.
///
/// The site is planned as `build` plans it. The previous site's marker file lists each file with the
/// fingerprint of what it was made from and a hash of its bytes (`OutputManifest`). A planned file
/// with the same fingerprint is unchanged without being made, as the build would keep it; any other
/// file (a new fingerprint, or none) is made in memory and compared by its bytes, as the build would
/// compare it before writing.
///
/// ```swift
/// let dryRun = SiteBuilder(options: options).dryRun()
/// print(dryRun.report)
/// ```
public struct DryRun: Sendable {
    public enum Change: String, Sendable, Comparable, CaseIterable {
        case added, changed, removed, unchanged

        public static func < (left: Change, right: Change) -> Bool {
            allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
        }
    }

    public struct File: Sendable, Hashable {
        /// Relative to the output folder.
        public var path: String
        /// The page's address, for pages (`/services/portage/`).
        public var pageURL: String?
        public var change: Change
    }

    public var output: String
    /// Every file the build would leave in the output folder, and every file it would remove.
    public var files: [File]
    /// Whether the output folder holds a site this program wrote (otherwise every file is new).
    public var previousSiteFound: Bool
    public var diagnostics: [Diagnostic]

    /// Nothing can be compared when the content has errors: the build would publish nothing.
    public var wouldPublish: Bool { !diagnostics.hasErrors }

    public var pages: [File] { files.filter { $0.pageURL != nil } }

    public func count(_ change: Change, pages wantPages: Bool) -> Int {
        files.filter { $0.change == change && ($0.pageURL != nil) == wantPages }.count
    }

    /// Pages by address (added, changed, removed), then the counts, then other files by folder.
    public var report: String { report(listingEveryPage: false) }

    /// With `listingEveryPage` false, a section with more than `collapseAbove` pages of one kind of
    /// change (the guided start's hundreds of answer pages) is one line: how many, and where.
    public func report(listingEveryPage: Bool, collapseAbove: Int = 10) -> String {
        guard wouldPublish else {
            return "Dry run: the content has errors, so the build would publish nothing and leave \(output)/ as it is."
        }
        var lines = ["Dry run: nothing was written. Compared with \(previousSiteFound ? "the site in \(output)/" : "an empty \(output)/"):"]
        let changedPages = files.filter { $0.pageURL != nil && $0.change != .unchanged }.sorted {
            $0.change == $1.change ? ($0.pageURL ?? "") < ($1.pageURL ?? "") : $0.change < $1.change
        }
        func verb(_ change: Change) -> String {
            switch change {
            case .added: "add    "
            case .changed: "change "
            case .removed: "remove "
            case .unchanged: "keep   "
            }
        }
        /// `/start/age-3/...` → `/start/`: the first folder of the address (the home page is its own).
        func section(_ url: String) -> String {
            let parts = url.split(separator: "/", omittingEmptySubsequences: true)
            return parts.count > 1 ? "/\(parts[0])/" : url
        }
        func key(_ file: File) -> String { "\(file.change.rawValue) \(section(file.pageURL ?? file.path))" }
        var sectionSizes: [String: Int] = [:]
        for file in changedPages { sectionSizes[key(file), default: 0] += 1 }
        var printed = Set<String>()
        for file in changedPages {
            let url = file.pageURL ?? file.path
            let size = sectionSizes[key(file)] ?? 0
            if !listingEveryPage, size > collapseAbove {
                if printed.insert(key(file)).inserted {
                    lines.append("  \(verb(file.change)) \(size) pages under \(section(url))")
                }
                continue
            }
            lines.append("  \(verb(file.change)) \(url)")
        }
        if changedPages.isEmpty { lines.append("  no page would change") }
        func counts(pages: Bool) -> String {
            Change.allCases.map { "\(count($0, pages: pages)) \($0.rawValue)" }.joined(separator: ", ")
        }
        lines.append("Pages: \(counts(pages: true)).")
        lines.append("Other files: \(counts(pages: false)).")
        var byFolder: [String: [Change: Int]] = [:]
        for file in files where file.pageURL == nil && file.change != .unchanged {
            let folder = file.path.split(separator: "/").count > 1 ? String(file.path.split(separator: "/")[0]) + "/" : file.path
            byFolder[folder, default: [:]][file.change, default: 0] += 1
        }
        for (folder, changes) in byFolder.sorted(by: { $0.key < $1.key }) {
            let parts = Change.allCases.compactMap { change in changes[change].map { "\($0) \(change.rawValue)" } }
            lines.append("  \(folder): \(parts.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}

extension SiteBuilder {
    /// What `build` would do to the output folder, without writing anything.
    public func dryRun() -> DryRun {
        let plan = planSite()
        let output = options.outputDirectory.count > 1 && options.outputDirectory.hasSuffix("/")
            ? String(options.outputDirectory.dropLast()) : options.outputDirectory
        var diagnostics = plan.diagnostics
        guard plan.isPublishable else {
            return DryRun(output: output, files: [], previousSiteFound: false, diagnostics: diagnostics)
        }
        let previous: OutputManifest?
        do {
            previous = try SitePublisher.checkReplaceable(output, fileSystem: fileSystem)
        } catch {
            // The build would refuse this folder; say so, as the build would.
            diagnostics.append(error)
            return DryRun(output: output, files: [], previousSiteFound: false, diagnostics: diagnostics)
        }
        let entries = previous?.entries ?? [:]
        let fileSystem = self.fileSystem
        let compared = plan.files.parallelMap { file -> (DryRun.File, Diagnostic?) in
            func result(_ change: DryRun.Change, _ problem: Diagnostic? = nil) -> (DryRun.File, Diagnostic?) {
                (DryRun.File(path: file.path, pageURL: file.pageURL, change: change), problem)
            }
            guard let old = entries[file.path], fileSystem.size(output + "/" + file.path) == old.size else { return result(.added) }
            if let fingerprint = file.fingerprint, fingerprint == old.fingerprint { return result(.unchanged) }
            switch file.make() {
            case .failure(let problem):
                return result(.changed, problem)
            case .success(let contents):
                let (hash, size) = Self.hash(contents)
                return result(hash == old.contentHash && size == old.size ? .unchanged : .changed)
            }
        }
        var files = compared.map(\.0)
        var seen = Set<Diagnostic>()
        for case let (_, problem?) in compared where seen.insert(problem).inserted { diagnostics.append(problem) }
        let planned = Set(plan.files.map(\.path))
        let removed = entries.keys.filter { !planned.contains($0) }.sorted().map { path in
            DryRun.File(path: path, pageURL: Self.pageURL(ofOutputPath: path, basePath: plan.items?.urls.basePath ?? "/"), change: .removed)
        }
        files += removed
        return DryRun(output: output, files: files, previousSiteFound: previous != nil, diagnostics: diagnostics.sorted())
    }

    /// The hash and size the staging folder would record for these bytes.
    static func hash(_ contents: FileContents) -> (UInt64, Int) {
        var hasher = StableHasher()
        switch contents {
        case .bytes(let bytes):
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            return (hasher.value, bytes.count)
        case .data(let data):
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
            return (hasher.value, data.count)
        case .text(var text):
            let count = text.utf8.count
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            return (hasher.value, count)
        }
    }

    /// `services/portage/index.html` → `/services/portage/`; nil for files that are not pages.
    static func pageURL(ofOutputPath path: String, basePath: String) -> String? {
        if path == "index.html" { return basePath }
        guard path.hasSuffix("/index.html") else { return path.hasSuffix(".html") ? basePath + path : nil }
        return basePath + path.dropLast("index.html".count)
    }
}
