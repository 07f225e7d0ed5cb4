import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferTemplates
import LocalOfferText
import LocalOfferTheme

/// The Mustache templates of a theme, read from layers: folders given in order, then (unless left
/// out) the theme built into the program. A file in an earlier layer replaces the file of the same
/// name in a later one, so a council overrides only what it changes.
///
/// ```swift
/// let (library, problems) = TemplateLibrary.load(from: ["my-theme"], builtInTheme: true)
/// ```
public struct TemplateLibrary: Sendable {
    let templates: TemplateSet
    /// Template name → where it was read from, for messages: a file, or `(built-in theme)/name.mustache`.
    public let sources: [String: String]
    /// Asset path (relative to `assets/`) → what to copy, after overriding.
    public let assets: [String: ThemeAsset]
    /// A hash of every template's name and text, wherever it came from: pages made with other
    /// templates must be made again.
    public let contentHash: UInt64

    public static let requiredTemplates = [
        "layout", "home", "service", "organisation", "organisations", "category", "services", "information",
        "information-page", "glossary", "not-found", "search", "browse", "browse-list", "accessibility-statement", "my-list",
        "start-question", "start-results",
    ]

    /// One file of a theme: on disk, or built into the program.
    enum ThemeFile {
        /// A file in a templates folder, read only through that folder (never a link out of it).
        case file(String, ContainedFolder)
        case builtIn(String)

        var displayPath: String {
            switch self {
            case .file(let path, _): path
            case .builtIn(let relative): BuiltInTheme.displayPath(relative)
            }
        }

        /// The text, or where and why it cannot be read: too large, not a regular file, not UTF-8.
        func text() -> Result<String, Diagnostic> {
            switch self {
            case .file(let path, let folder):
                folder.read(path, limit: ContentLimits.standard.maximumFileBytes).flatMap { TextDecoding.decode($0, path: path) }
            case .builtIn(let relative):
                BuiltInTheme.files[relative].map { TextDecoding.decode(Data($0), path: displayPath) }
                    ?? .failure(.error(.unreadableFile, "the template could not be read", at: SourceLocation(path: displayPath)))
            }
        }
    }

    /// `folders` first (each must exist), then the built-in theme when `builtInTheme` is true.
    public static func load(from folders: [String], builtInTheme: Bool = false) -> (TemplateLibrary?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [String: ThemeFile] = [:]
        var assets: [String: ThemeAsset] = [:]
        func add(_ relative: String, _ file: ThemeFile) {
            if relative.hasPrefix("assets/") {
                let assetPath = String(relative.dropFirst("assets/".count))
                if assets[assetPath] == nil {
                    switch file {
                    case .file(let path, _): assets[assetPath] = .file(path)
                    case .builtIn(let relative): assets[assetPath] = .builtIn(relative)
                    }
                }
            } else if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                if sources[name] == nil { sources[name] = file }
            }
        }
        for folder in folders {
            // Nothing outside a templates folder is read: links out of it and FIFOs are refused (ContainedFolder).
            let contained: ContainedFolder
            switch ContainedFolder.open(folder, role: "templates") {
            case .success(let opened): contained = opened
            case .failure(let problem):
                diagnostics.append(builtInTheme
                    ? .error(problem.code, problem.message, at: problem.location, hint: "name it with --templates DIR; without it the built-in theme is used")
                    : problem)
                continue
            }
            let (files, refused) = contained.regularFiles()
            diagnostics += refused
            for relative in files.sorted() {
                add(relative, .file(folder + "/" + relative, contained))
            }
        }
        if builtInTheme {
            for relative in BuiltInTheme.paths { add(relative, .builtIn(relative)) }
        }

        var texts: [String: String] = [:]
        var hasher = StableHasher()
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch file.text() {
            case .success(let decoded): text = decoded
            case .failure(let problem): diagnostics.append(problem); continue
            }
            hasher.combine(name)
            hasher.combine(text)
            texts[name] = text
        }
        let displayPaths = sources.mapValues(\.displayPath)
        let (templates, errors) = TemplateSet.compile(texts)
        for (name, error) in errors {
            diagnostics.append(.error(
                .templateSyntax, "template syntax error: \(error.message)",
                at: SourceLocation(path: displayPaths[name] ?? name, line: error.line, column: error.column),
                hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"
            ))
        }
        for (template, reference) in templates.missingReferences() {
            diagnostics.append(.error(
                .missingTemplate, "the template '\(reference.name).mustache' was not found",
                at: SourceLocation(path: displayPaths[template] ?? template, line: reference.line, column: reference.column),
                hint: "partials are named by their path under the templates folder, without .mustache: {{>partials/contact}}"
            ))
        }
        for cycle in templates.includeCycles() {
            diagnostics.append(.error(
                .templateSyntax, "templates include each other in a circle: \(cycle)",
                at: (cycle.components(separatedBy: " → ").first).map { SourceLocation(path: displayPaths[$0] ?? $0) },
                hint: "a partial cannot include the template that includes it"
            ))
        }
        let searched = (folders + (builtInTheme ? [BuiltInTheme.displayName] : [])).joined(separator: ", ")
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error(
                .missingTemplate, "the template '\(name).mustache' was not found in \(searched.isEmpty ? "any templates folder" : searched)",
                at: nil, hint: "leave it out of your templates folder to use the built-in theme's, or copy that with 'localoffer theme eject'"
            ))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let library = TemplateLibrary(templates: templates, sources: displayPaths, assets: assets, contentHash: hasher.value)
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

/// An asset of the theme: a file on disk, or one of the built-in theme's (by its path under `templates/`).
public enum ThemeAsset: Sendable, Hashable {
    case file(String)
    case builtIn(String)

    /// The asset's bytes, or a diagnostic naming it.
    public func bytes() -> Result<[UInt8], Diagnostic> {
        switch self {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(.error(.unreadableFile, "the asset could not be read", at: SourceLocation(path: path)))
            }
            return .success([UInt8](data))
        case .builtIn(let relative):
            guard let bytes = BuiltInTheme.files[relative] else {
                return .failure(.error(.unreadableFile, "the built-in theme has no such asset", at: SourceLocation(path: BuiltInTheme.displayPath(relative))))
            }
            return .success(bytes)
        }
    }
}
