import Foundation
import LocalOffer
import LocalOfferModel

/// Paths and helpers shared by the end-to-end tests.
enum TestSite {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var demoContent: String { repositoryRoot.appendingPathComponent("content").path }
    static var defaultTheme: String { repositoryRoot.appendingPathComponent("templates").path }
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    /// A fresh folder under the system's temporary folder, removed by the caller.
    static func temporaryFolder(_ name: String = #function) -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("localoffer-tests-\(UUID().uuidString)")
            .path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func build(content: String = demoContent, output: String, baseURL: String? = nil, strict: Bool = false) -> BuildReport {
        SiteBuilder(options: BuildOptions(
            contentDirectory: content, templateDirectories: [defaultTheme], outputDirectory: output,
            baseURL: baseURL, today: today, strict: strict
        )).build()
    }

    static func copyDemoContent(to folder: String) throws -> String {
        let destination = folder + "/content"
        try FileManager.default.copyItem(atPath: demoContent, toPath: destination)
        return destination
    }

    /// Every file under a folder, relative path → bytes.
    static func snapshot(of folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// The HTML pages of a built site, relative to it. The Open Referral endpoint's lists are JSON in
    /// `index.html` files (so that every static host serves them at their folder's address): not pages.
    static func htmlPages(in folder: String) -> [String] {
        (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".html") && !$0.hasPrefix("openreferral/") }
    }

    /// Every `index.html` of a built site that does not ask search engines to leave it out (the
    /// commissioners' report, the guided start's steps), and is not the Open Referral feed's JSON.
    static func indexablePages(in folder: String) -> [String] {
        htmlPages(in: folder).filter { $0.hasSuffix("index.html") }
            .filter { !text(folder, $0).contains("<meta name=\"robots\" content=\"noindex\">") }
    }

    /// The slugs of the service pages a built site holds (`services/<slug>/index.html`).
    static func publishedServiceSlugs(in output: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: output + "/services")) ?? [])
            .filter { $0 != "page" && FileManager.default.fileExists(atPath: "\(output)/services/\($0)/index.html") }
            .sorted()
    }

    static func text(_ folder: String, _ relative: String) -> String {
        FileManager.default.contents(atPath: folder + "/" + relative).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }
}
