import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import Mustache

/// The Mustache templates of a theme, read from one or more folders: a file in an earlier folder
/// replaces the file of the same name in a later one, so a council overrides only what it changes.
///
/// ```swift
/// let (library, problems) = TemplateLibrary.load(from: ["my-theme", "templates"])
/// ```
public struct TemplateLibrary: Sendable {
    let mustache: MustacheLibrary
    /// Template name → the file it was read from, for messages.
    public let sources: [String: String]
    /// Asset path (relative to `assets/`) → the file to copy, after overriding.
    public let assets: [String: String]

    public static let requiredTemplates = [
        "layout", "home", "service", "organisation", "organisations", "category", "services", "information",
        "information-page", "glossary", "not-found", "search", "browse", "browse-list", "accessibility-statement", "my-list",
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

        var templates: [String: MustacheTemplate] = [:]
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) {
            let read = readers[path].map { $0.read(path, limit: ContentLimits.standard.maximumFileBytes) }
                ?? .failure(.error(.unreadableFile, "the template could not be read", at: SourceLocation(path: path)))
            let text: String
            switch read.flatMap({ TextDecoding.decode($0, path: path) }) {
            case .success(let decoded): text = decoded
            case .failure(let problem): diagnostics.append(problem); continue
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    .templateSyntax, "template syntax error: \(Self.describe(error.error))",
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed"
                ))
            } catch {
                diagnostics.append(.error(.templateSyntax, "template syntax error: \(error)", at: SourceLocation(path: path)))
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.append(.error(
                .missingTemplate, "the template '\(name).mustache' was not found in \(folders.joined(separator: ", "))",
                at: nil, hint: "the default theme in templates/ has every template; copy the one you need"
            ))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateLibrary(mustache: MustacheLibrary(templates: templates), sources: sources, assets: assets), diagnostics)
    }

    func render(_ context: Any, with name: String) -> String? {
        mustache.render(context, withTemplate: name)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        default: "\(error)"
        }
    }
}
