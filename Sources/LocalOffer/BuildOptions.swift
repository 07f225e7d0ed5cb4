import Foundation
import LocalOfferModel

/// What a build reads and where it writes. Defaults match the CLI's.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    /// Theme folders, first wins; the built-in theme comes after them all (see `useBuiltInTheme`),
    /// so a site's own folder only needs the files it changes.
    public var templateDirectories: [String]
    /// Whether the theme built into the program fills in every file the folders do not have.
    public var useBuiltInTheme: Bool
    public var outputDirectory: String
    /// The prefix of every link: `/` or `/local-offer/`, or an absolute URL (which also becomes
    /// the canonical address in the sitemap). Nil: `/`.
    public var baseURL: String?
    /// The date "not in the future" and "review overdue" are judged against. Fixed in tests so
    /// that output is reproducible; `LOCALOFFER_TODAY` sets it from outside.
    public var today: LocalDate
    /// Warnings count as errors.
    public var strict: Bool

    public init(
        contentDirectory: String = "content", templateDirectories: [String] = [], useBuiltInTheme: Bool = true,
        outputDirectory: String = "public", baseURL: String? = nil, today: LocalDate, strict: Bool = false
    ) {
        self.contentDirectory = contentDirectory
        self.templateDirectories = templateDirectories
        self.useBuiltInTheme = useBuiltInTheme
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.today = today
        self.strict = strict
    }
}

/// What happened: the numbers for the summary line and every diagnostic.
public struct BuildReport: Sendable {
    /// HTML pages in the published site.
    public var pagesWritten: Int
    /// Every file in the published site.
    public var filesWritten: Int
    /// Files made this time; the rest were kept from the previous build without being made.
    public var filesMade: Int
    /// Files whose bytes were written this time; the rest are the previous build's files, linked.
    public var filesRewritten: Int
    public var diagnostics: [LocalOfferDiagnostics.Diagnostic]
    public var seconds: Double
    /// The time each named step took, for `--verbose` and for finding what to speed up.
    public var steps: [(name: String, seconds: Double)]
    /// The time each writer took to plan its files (the "plan" step; the search index is made there).
    public var writerSteps: [(name: String, seconds: Double)] = []

    public var succeeded: Bool { !diagnostics.hasErrors }

    public var summary: String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(pagesWritten, "page")) written, \(plural(warnings, "warning")), \(plural(errors, "error")) in \(String(format: "%.2f", seconds)) s"
    }
}

import LocalOfferDiagnostics

extension BuildOptions {
    /// A site's own theme folder when none is named: `templates/` beside the content folder
    /// (for `content`, that is `./templates`), if there is one.
    public static func siteTemplatesFolder(besideContent content: String) -> String? {
        var trimmed = content
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let parent = (trimmed as NSString).deletingLastPathComponent
        let candidate = parent.isEmpty ? "templates" : parent + "/templates"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return candidate
    }
}
