import Foundation
import LocalOffer
import LocalOfferTheme
import LocalOfferWriters
import Testing

/// A new editor's first minutes, with the real command, in a folder outside the repository: no
/// templates/ anywhere, only what `localoffer init` writes.
@Suite("A new site outside the repository")
struct NewSiteTests {
    static var executable: String { CommandLineTests.executable }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Runs the command in `folder`, as an editor would from a terminal there.
    static func run(_ arguments: [String], in folder: String) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["LOCALOFFER_TODAY"] = "2026-11-23"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A started site in a fresh temporary folder; returns the site's folder.
    static func startedSite() throws -> (root: String, site: String) {
        let root = TestSite.temporaryFolder()
        #expect(!root.hasPrefix(TestSite.repositoryRoot.path), "the test must run outside the repository")
        let started = try run(["init", "my-local-offer"], in: root)
        #expect(started.status == 0, "\(started.standardError)")
        return (root, root + "/my-local-offer")
    }

    @Test("init in an empty folder outside the repository, then check and build: a working site, no errors, no warnings",
          .enabled(if: available))
    func initThenBuildOutsideTheRepository() throws {
        let (root, site) = try Self.startedSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!FileManager.default.fileExists(atPath: site + "/templates"), "the theme is built in")
        #expect(FileManager.default.fileExists(atPath: site + "/content/site.yml"))

        let check = try Self.run(["check", "--strict"], in: site)
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("0 errors, 0 warnings"), "\(check.standardOutput)")
        #expect(check.standardError.isEmpty, "\(check.standardError)")

        let build = try Self.run(["build", "--strict"], in: site)
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardOutput.contains("0 warnings, 0 errors"), "\(build.standardOutput)")
        let output = site + "/public"
        let home = TestSite.text(output, "index.html")
        #expect(home.contains("Example Local Offer"))
        let service = TestSite.text(output, "services/send-advice-line/index.html")
        #expect(service.contains("SEND advice line") && service.contains("tel:"), "the service page is there, with its contact")
        #expect(TestSite.text(output, "information/ehc-needs-assessment/index.html").contains("/services/send-advice-line/"),
                "links between entries resolve")
        #expect(TestSite.publishedServiceSlugs(in: output) == ["send-advice-line"])
        // The assets come from the built-in theme, byte for byte, search scripts and icon included
        // (JavaScript without its whole-line comments, as every build writes it).
        for asset in ["site.css", "site.js", "search/engine.js", "search/porter2.js", "favicon.svg"] {
            var expected = BuiltInTheme.files["assets/" + asset]
            if asset.hasSuffix(".js"), let bytes = expected, let text = String(validating: bytes, as: UTF8.self) {
                expected = Array(JavaScriptComments.strippingWholeLines(text).utf8)
            }
            #expect(FileManager.default.contents(atPath: output + "/assets/" + asset).map([UInt8].init) == expected, "assets/\(asset)")
        }
        let (checked, broken) = LinkChecker(root: output, basePath: "/").brokenLinks()
        #expect(checked > 100)
        #expect(broken.isEmpty, "\(broken.prefix(5))")

        // A second init there refuses, and changes nothing.
        let before = TestSite.snapshot(of: site + "/content")
        let again = try Self.run(["init", "."], in: site)
        #expect(again.status == 2)
        #expect(again.standardError.contains("is not empty"))
        #expect(TestSite.snapshot(of: site + "/content") == before)
    }

    @Test("A site's templates/ overrides one template; everything else comes from the built-in theme", .enabled(if: available))
    func aSingleTemplateOverride() throws {
        let (root, site) = try Self.startedSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let footer = try #require(BuiltInTheme.files["partials/footer.mustache"].map { String(decoding: $0, as: UTF8.self) })
        let marker = "Run by the Example Borough Local Offer team since 2026"
        let custom = try #require(footer.range(of: "</footer>").map { footer.replacingCharacters(in: $0, with: "<p class=\"custom-footer\">\(marker)</p></footer>") })
        try FileManager.default.createDirectory(atPath: site + "/templates/partials", withIntermediateDirectories: true)
        try custom.write(toFile: site + "/templates/partials/footer.mustache", atomically: true, encoding: .utf8)

        let build = try Self.run(["build", "--strict"], in: site)
        #expect(build.status == 0, "\(build.standardError)")
        // Every themed page (the Open Referral endpoint's JSON is served from index.html files too).
        let pages = (FileManager.default.subpaths(atPath: site + "/public") ?? []).filter { $0.hasSuffix(".html") }
            .filter { TestSite.text(site + "/public", $0).hasPrefix("<!DOCTYPE html>") }
        #expect(pages.count > 10)
        for page in pages {
            #expect(TestSite.text(site + "/public", page).contains(marker), "\(page) has the site's own footer")
        }
        // The rest is the built-in theme's: the header and the CSS.
        let header = try #require(BuiltInTheme.files["partials/header.mustache"].map { String(decoding: $0, as: UTF8.self) })
        let headerStart = try #require(header.split(separator: "\n").first.map(String.init))
        #expect(TestSite.text(site + "/public", "index.html").contains(headerStart.trimmingCharacters(in: .whitespaces)))
        #expect(FileManager.default.contents(atPath: site + "/public/assets/site.css").map([UInt8].init) == BuiltInTheme.files["assets/site.css"])

        // The same override named with --templates, from outside the site's folder.
        let elsewhere = try Self.run(["build", "--content", site + "/content", "--templates", site + "/templates",
                                      "--output", root + "/other-output"], in: root)
        #expect(elsewhere.status == 0, "\(elsewhere.standardError)")
        #expect(TestSite.text(root + "/other-output", "index.html").contains(marker))
        // Unnamed, the templates/ beside the content folder is found from anywhere.
        let beside = try Self.run(["build", "--content", site + "/content", "--output", root + "/beside-output"], in: root)
        #expect(beside.status == 0, "\(beside.standardError)")
        #expect(TestSite.text(root + "/beside-output", "index.html").contains(marker))
        // Without the folder, the built-in footer is back.
        try FileManager.default.moveItem(atPath: site + "/templates", toPath: root + "/put-aside")
        let plain = try Self.run(["build", "--content", site + "/content", "--output", root + "/plain-output"], in: root)
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(!TestSite.text(root + "/plain-output", "index.html").contains(marker))
        try FileManager.default.moveItem(atPath: root + "/put-aside", toPath: site + "/templates")

        // A mistake in the override names the site's file, not the built-in theme.
        try (custom + "{{#unclosed}}").write(toFile: site + "/templates/partials/footer.mustache", atomically: true, encoding: .utf8)
        let broken = try Self.run(["build"], in: site)
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("templates/partials/footer.mustache:"), "\(broken.standardError)")
    }

    @Test("theme eject copies the built-in theme out, and never overwrites without --force", .enabled(if: available))
    func themeEject() throws {
        let (root, site) = try Self.startedSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let ejected = try Self.run(["theme", "eject"], in: site)
        #expect(ejected.status == 0, "\(ejected.standardError)")
        #expect(TestSite.snapshot(of: site + "/templates").mapValues([UInt8].init) == BuiltInTheme.files)

        try "changed".write(toFile: site + "/templates/home.mustache", atomically: true, encoding: .utf8)
        let refused = try Self.run(["theme", "eject"], in: site)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("already exist"))
        #expect(TestSite.text(site + "/templates", "home.mustache") == "changed")
        let forced = try Self.run(["theme", "eject", "--force"], in: site)
        #expect(forced.status == 0)
        #expect(FileManager.default.contents(atPath: site + "/templates/home.mustache").map([UInt8].init) == BuiltInTheme.files["home.mustache"])

        let elsewhere = try Self.run(["theme", "eject", "--output", "my-theme"], in: site)
        #expect(elsewhere.status == 0)
        #expect(FileManager.default.fileExists(atPath: site + "/my-theme/assets/search/engine.js"))
        let build = try Self.run(["build", "--strict"], in: site)
        #expect(build.status == 0, "the ejected theme builds: \(build.standardError)")
    }
}
