import Foundation
import LocalOfferTheme
import Testing

/// The theme built into the program is exactly `templates/`: a template changed without running
/// `scripts/embed-theme.py` fails here, before anyone publishes a site with the old one.
@Suite("Built-in theme")
struct BuiltInThemeTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    /// Every file under templates/, as the generator collects them.
    static func filesOnDisk() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for relative in FileManager.default.subpaths(atPath: templates) ?? [] {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), name != "Thumbs.db" else { continue }
            var isFolder: ObjCBool = false
            let path = templates + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            files[relative] = [UInt8](data)
        }
        return files
    }

    @Test("The built-in theme holds every file of templates/, byte for byte, and nothing else")
    func builtInThemeMatchesTemplatesFolder() {
        let onDisk = Self.filesOnDisk()
        #expect(onDisk.count >= 20, "templates/ should be found at \(Self.templates)")
        let embedded = BuiltInTheme.files
        let missing = Set(onDisk.keys).subtracting(embedded.keys).sorted()
        let extra = Set(embedded.keys).subtracting(onDisk.keys).sorted()
        let changed = onDisk.keys.filter { embedded[$0] != nil && embedded[$0] != onDisk[$0] }.sorted()
        let advice = "run `python3 scripts/embed-theme.py` and commit Sources/LocalOfferTheme/EmbeddedTheme.swift"
        #expect(missing.isEmpty, "in templates/ but not built in: \(missing); \(advice)")
        #expect(extra.isEmpty, "built in but no longer in templates/: \(extra); \(advice)")
        #expect(changed.isEmpty, "changed since the theme was embedded: \(changed); \(advice)")
        #expect(BuiltInTheme.paths == BuiltInTheme.paths.sorted())
    }

    @Test("Every kind of file is there: templates, partials, CSS, the search scripts and the icon")
    func builtInThemeHasEveryKindOfFile() {
        for path in ["layout.mustache", "partials/footer.mustache", "assets/site.css", "assets/search/engine.js",
                     "assets/search/porter2.js", "assets/favicon.svg"] {
            #expect(BuiltInTheme.files[path]?.isEmpty == false, "\(path)")
        }
        #expect(BuiltInTheme.displayPath("service.mustache") == "(built-in theme)/service.mustache")
    }
}
