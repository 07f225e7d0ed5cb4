import Foundation
import LocalOfferDiagnostics

/// `assets/`: the theme's CSS, JavaScript and icons, copied as they are, from a site's own theme
/// folder or from the theme built into the program; except that JavaScript loses its whole-line
/// comments (a third of the search code's bytes, on the way to a first result).
public struct AssetsWriter: SiteWriter {
    public let name = "assets"
    public let inputs: WriterInputs = [.assets]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        context.templates.assets.sorted { $0.key < $1.key }.map { relative, asset in
            // A site's own file or the built-in theme's bytes; either way compared by its bytes.
            PlannedFile(path: "assets/" + relative, fingerprint: nil) {
                asset.bytes().map { bytes in
                    if relative.hasSuffix(".js"), let text = String(validating: bytes, as: UTF8.self) {
                        return .text(JavaScriptComments.strippingWholeLines(text))
                    }
                    return FileContents.bytes(bytes)
                }
            }
        }
    }
}

/// Comments that fill whole lines (`// …`, `/* … */`, `/** … */`) dropped from JavaScript, and the
/// blank lines. Nothing else changes: code, and a comment after code on its line, stay as written.
/// Lines inside a template literal that spans lines are kept as they are.
public enum JavaScriptComments {
    public static func strippingWholeLines(_ source: String) -> String {
        var kept: [Substring] = []
        var inBlock = false
        var inTemplate = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if inTemplate {
                kept.append(line)
            } else if inBlock {
                if trimmed.contains("*/") { inBlock = false }
                continue
            } else if trimmed.hasPrefix("/*") {
                if !trimmed.contains("*/") { inBlock = true }
                if !trimmed.hasSuffix("*/") && trimmed.contains("*/") { kept.append(line) }
                continue
            } else if trimmed.hasPrefix("//") || trimmed.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                continue
            } else {
                kept.append(line)
            }
            if line.filter({ $0 == "`" }).count % 2 == 1 { inTemplate.toggle() }
        }
        return kept.joined(separator: "\n") + "\n"
    }
}
