import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferTemplates
import LocalOfferText

/// The Mustache templates of a theme, read from one or more folders: a file in an earlier folder
/// replaces the file of the same name in a later one, so a council overrides only what it changes.
///
/// ```swift
/// let (library, problems) = TemplateLibrary.load(from: ["my-theme", "templates"])
/// ```
public struct TemplateLibrary: Sendable {
    let templates: TemplateSet
    /// Template name → the file it was read from, for messages.
    public let sources: [String: String]
    /// Asset path (relative to `assets/`) → the file to copy, after overriding.
    public let assets: [String: String]
    /// A hash of every template's name and text: pages made with other templates must be made again.
    public let contentHash: UInt64

    public static let requiredTemplates = [
        "layout", "home", "service", "organisation", "organisations", "category", "services", "information",
        "information-page", "glossary", "not-found", "search", "browse", "browse-list", "accessibility-statement", "my-list",
        "start-question", "start-results",
    ]

    public static func load(from folders: [String]) -> (TemplateLibrary?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var assets: [String: String] = [:]
        var readers: [String: ContainedFolder] = [:]
        for folder in folders {
            // Nothing outside a templates folder is read: links out of it and FIFOs are refused (ContainedFolder).
            let contained: ContainedFolder
            switch ContainedFolder.open(folder, role: "templates") {
            case .success(let opened): contained = opened
            case .failure(let problem): diagnostics.append(problem); continue
            }
            let (files, refused) = contained.regularFiles()
            diagnostics += refused
            for relative in files {
                let path = folder + "/" + relative
                if relative.hasPrefix("assets/") {
                    let assetPath = String(relative.dropFirst("assets/".count))
                    if assets[assetPath] == nil { assets[assetPath] = path }
                } else if relative.hasSuffix(".mustache") {
                    let name = String(relative.dropLast(".mustache".count))
                    if sources[name] == nil { sources[name] = path; readers[path] = contained }
                }
            }
        }

        var texts: [String: String] = [:]
        var hasher = StableHasher()
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) {
            let read = readers[path].map { $0.read(path, limit: ContentLimits.standard.maximumFileBytes) }
                ?? .failure(.error(.unreadableFile, "the template could not be read", at: SourceLocation(path: path)))
            let text: String
            switch read.flatMap({ TextDecoding.decode($0, path: path) }) {
            case .success(let decoded): text = decoded
            case .failure(let problem): diagnostics.append(problem); continue
            }
            hasher.combine(name)
            hasher.combine(text)
            texts[name] = text
        }
        let (templates, errors) = TemplateSet.compile(texts)
        for (name, error) in errors {
            diagnostics.append(.error(
                .templateSyntax, "template syntax error: \(error.message)",
                at: SourceLocation(path: sources[name] ?? name, line: error.line, column: error.column),
                hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"
            ))
        }
        for (template, reference) in templates.missingReferences() {
            diagnostics.append(.error(
                .missingTemplate, "the template '\(reference.name).mustache' was not found",
                at: SourceLocation(path: sources[template] ?? template, line: reference.line, column: reference.column),
                hint: "partials are named by their path under the templates folder, without .mustache: {{>partials/contact}}"
            ))
        }
        for cycle in templates.includeCycles() {
            diagnostics.append(.error(
                .templateSyntax, "templates include each other in a circle: \(cycle)",
                at: (cycle.components(separatedBy: " → ").first).map { SourceLocation(path: sources[$0] ?? $0) },
                hint: "a partial cannot include the template that includes it"
            ))
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error(
                .missingTemplate, "the template '\(name).mustache' was not found in \(folders.joined(separator: ", "))",
                at: nil, hint: "the default theme in templates/ has every template; copy the one you need"
            ))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let library = TemplateLibrary(templates: templates, sources: sources, assets: assets, contentHash: hasher.value)
        return (library, diagnostics)
    }

    /// The page as UTF-8 bytes, or a diagnostic: the template is missing, or uses a name its view
    /// does not offer (a typo in a council's template would otherwise show as a silent gap).
    func render(_ view: some TemplateObject, with name: String) -> Result<[UInt8], Diagnostic> {
        guard let rendered = templates.render(name, view) else {
            return .failure(.error(.missingTemplate, "the template '\(name).mustache' was not found", at: nil))
        }
        if let unknown = rendered.unknownNames.first {
            return .failure(.error(
                .templateSyntax, "the template uses '{{\(unknown)}}', which this page does not have",
                at: SourceLocation(path: sources[name] ?? name),
                hint: "check the spelling; docs/templates.md lists the names each template can use"
            ))
        }
        return .success(rendered.bytes)
    }
}
