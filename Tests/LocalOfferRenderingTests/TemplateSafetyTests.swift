import Foundation
import LocalOfferDiagnostics
@testable import LocalOfferRendering
import LocalOfferTemplates
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A templates folder can only ever give the build its own files: links out of it are refused, FIFOs
/// are never opened, and a partial's name is looked up among the templates found, never opened as a path.
@Suite("Templates: links, special files and partial names")
struct TemplateSafetyTests {
    static let theme = TemplateLibraryTests.theme

    /// A view with no names: the templates under test use none.
    struct NoNames: TemplateObject {
        func templateValue(for name: String) -> TemplateValue? { nil }
    }

    func rendered(_ library: TemplateLibrary?, _ name: String) -> String? {
        guard case .success(let bytes)? = library?.render(NoNames(), with: name) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A theme folder holding `files`, beside an `outside/` folder with a secret template and asset.
    func theme(_ files: [String: String]) throws -> (folder: String, outside: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("theme-safety-\(UUID().uuidString)").path
        let folder = base + "/theme"
        let outside = base + "/outside"
        for (relative, text) in files {
            let path = folder + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: folder + "/assets", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "TOP-SECRET".write(toFile: outside + "/secret.mustache", atomically: true, encoding: .utf8)
        try "TOP-SECRET".write(toFile: outside + "/secret.css", atomically: true, encoding: .utf8)
        return (folder, outside)
    }

    @Test func aTemplateOrAssetLinkedFromOutsideIsRefusedWithALocatedError() throws {
        let (folder, outside) = try theme([:])
        try FileManager.default.createSymbolicLink(atPath: folder + "/home.mustache", withDestinationPath: outside + "/secret.mustache")
        try FileManager.default.createSymbolicLink(atPath: folder + "/assets/site.css", withDestinationPath: "../../outside/secret.css")
        try FileManager.default.createSymbolicLink(atPath: folder + "/partials", withDestinationPath: outside)
        let (library, problems) = TemplateLibrary.load(from: [folder, Self.theme])
        #expect(library == nil)
        let refused = problems.filter { $0.code == .symbolicLinkOutside }
        #expect(Set(refused.compactMap(\.location?.path)) == [folder + "/home.mustache", folder + "/assets/site.css", folder + "/partials"])
        #expect(refused.allSatisfy { $0.location?.line == 1 && $0.location?.column == 1 && $0.hint != nil })
    }

    @Test func linksInsideTheFolderAreFollowedAndALoopEnds() throws {
        let (folder, _) = try theme(["shared/home.mustache": "custom home", "images/logo.svg": "<svg/>"])
        try FileManager.default.createSymbolicLink(atPath: folder + "/home.mustache", withDestinationPath: "shared/home.mustache")
        try FileManager.default.createSymbolicLink(atPath: folder + "/assets/logo.svg", withDestinationPath: "../images/logo.svg")
        try FileManager.default.createSymbolicLink(atPath: folder + "/shared/loop", withDestinationPath: "..")
        let (library, problems) = TemplateLibrary.load(from: [folder, Self.theme])
        #expect(problems.isEmpty, "\(problems)")
        #expect(rendered(library, "home") == "custom home")
        #expect(library?.assets["logo.svg"] == .file(folder + "/assets/logo.svg"))
    }

    @Test func aNamedPipeInATemplatesFolderIsRefusedWithoutBlocking() throws {
        let (folder, _) = try theme([:])
        let fifo = folder + "/assets/stream.css"
        #expect(mkfifo(fifo, 0o644) == 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let start = Date()
        let (library, problems) = TemplateLibrary.load(from: [folder, Self.theme])
        #expect(Date().timeIntervalSince(start) < 3)
        #expect(library == nil)
        #expect(problems.map(\.code) == [.notARegularFile])
        #expect(library?.assets["stream.css"] == nil)
    }

    @Test(arguments: [
        "../outside/secret", "../../outside/secret", "/etc/passwd", "..%2foutside%2fsecret",
        "..\u{2215}outside\u{2215}secret", "..\u{FF0F}outside\u{FF0F}secret", "\u{2024}\u{2024}/outside/secret",
    ])
    func aPartialNameIsLookedUpAmongTheTemplatesNeverOpened(name: String) throws {
        let (folder, outside) = try theme(["home.mustache": "before {{> \(name)}} after"])
        // The secret is also placed where a path-following lookup would find it from the folder.
        try "TOP-SECRET".write(toFile: folder + "/../secret.mustache", atomically: true, encoding: .utf8)
        _ = outside
        let (library, problems) = TemplateLibrary.load(from: [folder, Self.theme])
        // A partial is a name among the templates found: one that is not there is an error when the
        // theme loads (and some names are not even tags); either way nothing is opened.
        if problems.hasErrors {
            #expect(library == nil)
            #expect(problems.allSatisfy { $0.code == .templateSyntax || $0.code == .missingTemplate }, "\(problems)")
            #expect(!problems.contains { $0.message.contains("TOP-SECRET") })
            return
        }
        let html = try #require(rendered(library, "home"))
        #expect(!html.contains("TOP-SECRET"), "\(name) reached a file outside the templates")
        #expect(html.hasPrefix("before"))
    }

    @Test func templateNamesComeOnlyFromFilesInTheFolders() throws {
        let (folder, _) = try theme(["partials/x.mustache": "x"])
        let (library, _) = TemplateLibrary.load(from: [folder, Self.theme])
        let names = try #require(library?.sources.keys)
        #expect(names.allSatisfy { !$0.contains("..") && !$0.hasPrefix("/") })
        #expect(names.contains("partials/x"))
    }
}
