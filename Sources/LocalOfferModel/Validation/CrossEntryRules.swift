import LocalOfferText
import LocalOfferContent
import LocalOfferDiagnostics

/// The rules that compare entries with each other: slugs, unique titles, and that every
/// organisation and category a service names exists. Linear in the number of entries.
struct CrossEntryRules {
    let documents: [ContentDocument]
    let site: Site?
    let services: [Service]
    let organisations: [Organisation]
    let pages: [InformationPage]

    func check() -> [Diagnostic] {
        slugRules() + generatedPageRules() + titleRules() + referenceRules() + bodyRules()
    }

    /// The accessibility statement is generated from site.yml; a page of the same name would replace it.
    static let generatedPageSlugs = ["accessibility-statement"]

    private func generatedPageRules() -> [Diagnostic] {
        guard site?.accessibility != nil else { return [] }
        return pages.filter { Self.generatedPageSlugs.contains($0.slug) }.map { page in
            .error(
                .duplicateSlug, "'\(page.slug)' is generated from the accessibility section of site.yml",
                at: SourceLocation(path: page.sourcePath, line: 1, column: 1),
                hint: "move this page's text into site.yml's accessibility section, or give the page another name"
            )
        }
    }

    private func slugRules() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstUse: [String: ContentDocument] = [:]
        for document in documents {
            let start = SourceLocation(path: document.path, line: 1, column: 1)
            guard Slug.isValid(document.slug) else {
                diagnostics.append(.error(
                    .invalidSlug, "the file name '\(document.slug).md' is not a valid slug", at: start,
                    hint: "rename it to '\(Slug.make(from: document.slug)).md': lower-case letters, digits and single hyphens"
                ))
                continue
            }
            if let earlier = firstUse[document.slug] {
                diagnostics.append(.error(
                    .duplicateSlug, "the slug '\(document.slug)' is already used by \(earlier.path)", at: start,
                    hint: "give one of the two files a more specific name"
                ))
            } else {
                firstUse[document.slug] = document
            }
        }
        return diagnostics
    }

    private func titleRules() -> [Diagnostic] {
        func duplicates<Entry>(_ entries: [Entry], title: (Entry) -> String, location: (Entry) -> SourceLocation?,
                               path: (Entry) -> String, noun: String) -> [Diagnostic] {
            var seen: [String: Entry] = [:]
            var diagnostics: [Diagnostic] = []
            for entry in entries {
                let key = title(entry).lowercased()
                if let earlier = seen[key] {
                    diagnostics.append(.error(
                        .duplicateTitle, "the \(noun) '\(title(entry))' is also used by \(path(earlier))",
                        at: location(entry), hint: "families must be able to tell entries apart; make the titles distinct"
                    ))
                } else {
                    seen[key] = entry
                }
            }
            return diagnostics
        }
        return duplicates(services, title: \.title, location: { $0.fieldLocations["title"] }, path: \.sourcePath, noun: "title")
            + duplicates(organisations, title: \.name, location: { $0.fieldLocations["name"] }, path: \.sourcePath, noun: "name")
            + duplicates(pages, title: \.title, location: { $0.fieldLocations["title"] }, path: \.sourcePath, noun: "title")
    }

    private func referenceRules() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let organisationSlugs = Set(organisations.map(\.slug))
        let categoryIDs = Set(site?.categories.map(\.id) ?? [])
        for service in services {
            if !organisationSlugs.contains(service.organisation) {
                let suggestion = Suggestions.closest(to: service.organisation, among: organisationSlugs.sorted())
                diagnostics.append(.error(
                    .unknownOrganisation, "the organisation '\(service.organisation)' does not exist",
                    at: service.fieldLocations["organisation"],
                    hint: suggestion.map { "did you mean '\($0)'?" }
                        ?? "create content/organisations/\(service.organisation).md, or use an existing organisation's file name"
                ))
            }
            guard site != nil else { continue }
            for (index, category) in service.categories.enumerated() where !categoryIDs.contains(category) {
                let suggestion = Suggestions.closest(to: category, among: categoryIDs.sorted())
                diagnostics.append(.error(
                    .unknownCategory, "the category '\(category)' is not declared in site.yml",
                    at: service.fieldLocations["categories[\(index + 1)]"],
                    hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "categories: \(categoryIDs.sorted().joined(separator: ", "))"
                ))
            }
        }
        let usedOrganisations = Set(services.filter { $0.status == .active }.map(\.organisation))
        for organisation in organisations where !usedOrganisations.contains(organisation.slug) {
            diagnostics.append(.warning(
                .organisationWithoutServices, "the organisation '\(organisation.name)' has no published services",
                at: organisation.fieldLocations["name"],
                hint: "add its services, or remove the organisation if it no longer provides any"
            ))
        }
        return diagnostics
    }

    private func bodyRules() -> [Diagnostic] {
        // A draft's missing description is a warning, reported where the draft is decoded.
        services.compactMap { service in
            guard service.status != .draft, service.body.text.allSatisfy(\.isWhitespace) else { return nil }
            return .error(
                .emptyBody, "the service '\(service.title)' has no description",
                at: SourceLocation(path: service.sourcePath, line: max(1, service.body.firstLine - 1)),
                hint: "below the closing '---', describe what the service does and how to get it, in plain English"
            )
        }
    }
}
