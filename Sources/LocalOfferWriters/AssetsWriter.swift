import Foundation
import LocalOfferDiagnostics

/// `assets/`: the theme's CSS, JavaScript and icons, copied as they are, except that JavaScript
/// loses its whole-line comments (a third of the search code's bytes, on the way to a first result).
public struct AssetsWriter: SiteWriter {
    public let name = "assets"
    public let inputs: WriterInputs = [.assets]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        context.templates.assets.sorted { $0.key < $1.key }.map { relative, source in
            PlannedFile(path: "assets/" + relative, fingerprint: nil) {
                guard let data = FileManager.default.contents(atPath: source) else {
                    return .failure(.error(.unreadableFile, "the asset could not be read", at: SourceLocation(path: source)))
                }
                if relative.hasSuffix(".js"), let text = String(data: data, encoding: .utf8) {
                    return .success(.text(JavaScriptComments.strippingWholeLines(text)))
                }
                return .success(.data(data))
            }
        }
    }
}

/// Comments that fill whole lines (`// …`, `/* … */`, `/** … */`) dropped from JavaScript, and the
/// blank lines. Nothing else changes: code, and a comment after code on its line, stay as written.
/// A line inside a template literal that spans lines is never touched (the theme has none, and a
/// line starting with a backtick's continuation is kept as it is).
enum JavaScriptComments {
    static func strippingWholeLines(_ source: String) -> String {
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
