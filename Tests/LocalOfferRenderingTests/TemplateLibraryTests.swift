import Foundation
import LocalOfferDiagnostics
import LocalOfferRendering
import LocalOfferSite
import Testing

@Suite("Templates")
struct TemplateLibraryTests {
    static let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        for (relative, text) in files {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func theDefaultThemeLoadsWithEveryRequiredTemplate() {
        let (library, problems) = TemplateLibrary.load(from: [Self.theme])
        #expect(problems.isEmpty)
        #expect(library != nil)
        #expect(library?.assets["site.css"] != nil)
    }

    @Test func anEarlierFolderOverridesTemplatesAndAssetsByName() throws {
        let override = try folder(["home.mustache": "custom home", "assets/site.css": "body{}"])
        let (library, problems) = TemplateLibrary.load(from: [override, Self.theme])
        #expect(problems.isEmpty)
        #expect(library?.sources["home"] == override + "/home.mustache")
        #expect(library?.sources["service"] == Self.theme + "/service.mustache")
        #expect(library?.assets["site.css"] == .file(override + "/assets/site.css"))
    }

    @Test func aSyntaxErrorNamesTheTemplateFileAndLine() throws {
        let broken = try folder(["home.mustache": "<h1>{{title}}</h1>\n<ul>\n{{#items}}<li>{{.}}</li>{{/itemz}}\n</ul>\n"])
        let (library, problems) = TemplateLibrary.load(from: [broken, Self.theme])
        #expect(library == nil)
        let problem = try #require(problems.first { $0.code == .templateSyntax })
        #expect(problem.location?.path == broken + "/home.mustache")
        #expect(problem.location?.line == 3)
    }

    @Test func theBuiltInThemeFillsInEveryFileAFolderLacks() throws {
        let (builtIn, problems) = TemplateLibrary.load(from: [], builtInTheme: true)
        #expect(problems.isEmpty)
        #expect(builtIn?.sources["service"] == "(built-in theme)/service.mustache")
        #expect(builtIn?.assets["search/engine.js"] == .builtIn("assets/search/engine.js"))
        let (fromFolder, _) = TemplateLibrary.load(from: [Self.theme])
        #expect(builtIn?.contentHash == fromFolder?.contentHash, "the built-in theme is templates/, so pages need not be made again")

        let override = try folder(["partials/footer.mustache": "<footer>ours</footer>"])
        let (layered, layeredProblems) = TemplateLibrary.load(from: [override], builtInTheme: true)
        #expect(layeredProblems.isEmpty)
        #expect(layered?.sources["partials/footer"] == override + "/partials/footer.mustache")
        #expect(layered?.sources["layout"] == "(built-in theme)/layout.mustache")
        #expect(layered?.contentHash != builtIn?.contentHash, "a changed template changes the fingerprint of every page")
    }

    @Test func aMissingTemplateIsReported() throws {
        let partial = try folder(["home.mustache": "x"])
        let (library, problems) = TemplateLibrary.load(from: [partial])
        #expect(library == nil)
        #expect(problems.contains { $0.code == .missingTemplate && $0.message.contains("service.mustache") })
    }
}

@Suite("Addresses")
struct SiteURLsTests {
    @Test func prettyURLsMapToIndexFilesUnderAnyBasePath() {
        for base in ["/", "/local-offer/", "local-offer", "/local-offer"] {
            let urls = SiteURLs(basePath: base)
            #expect(urls.basePath.hasPrefix("/") && urls.basePath.hasSuffix("/"))
            #expect(urls.outputPath(for: urls.service("portage")) == "services/portage/index.html")
            #expect(urls.outputPath(for: urls.home) == "index.html")
            #expect(urls.outputPath(for: urls.glossaryTerm("ehcp")) == "glossary/index.html")
        }
    }
}
