import LocalOfferText
import LocalOfferContent
import LocalOfferDiagnostics

/// The rules that compare entries with each other: slugs, unique titles, and that every
/// organisation and category a service names exists. Linear in the number of entries.
///
/// They run on every entry file, valid or not (`EntryFacts`): an entry with a mistake in one field
/// still exists for the entries that name it, and its other fields are still checked against theirs.
struct CrossEntryRules {
    let documents: [ContentDocument]
    let facts: [EntryFacts]
    let site: Site?
    /// The categories declared in site.yml as written; nil when they cannot be read.
    let categoryIDs: [String]?

    func check() -> [Diagnostic] {
        slugRules() + generatedPageRules() + titleRules() + referenceRules() + bodyRules()
    }

    /// All the rules read: equal inputs, equal findings (`DecodeMemo` keeps the last ones).
    struct Inputs: Equatable {
        let entries: [EntryFacts.RuleKey]
        let hasAccessibilityStatement: Bool
        let categoryIDs: [String]?

        /// Equal, with text compared byte for byte (`EntryFacts.RuleKey.isSame`).
        func isSame(as other: Inputs) -> Bool {
            hasAccessibilityStatement == other.hasAccessibilityStatement && entries.count == other.entries.count
                && (categoryIDs == nil) == (other.categoryIDs == nil) && (categoryIDs ?? []).isSame(as: other.categoryIDs ?? [])
                && zip(entries, other.entries).allSatisfy { $0.isSame(as: $1) }
        }
    }

    /// The documents are the facts' (one fact per document, in the same order), so the facts say it all.
    var inputs: Inputs {
        Inputs(entries: facts.map(\.ruleKey), hasAccessibilityStatement: site?.accessibility != nil, categoryIDs: categoryIDs)
    }

    /// The accessibility statement is generated from site.yml; a page of the same name would replace it.
    static let generatedPageSlugs = ["accessibility-statement"]

    private func generatedPageRules() -> [Diagnostic] {
        guard site?.accessibility != nil else { return [] }
        return facts.filter { $0.kind == .page && Self.generatedPageSlugs.contains($0.slug) }.map { page in
            .error(
                .duplicateSlug, "'\(page.slug)' is generated from the accessibility section of site.yml",
                at: SourceLocation(path: page.path, line: 1, column: 1),
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
        var diagnostics: [Diagnostic] = []
        for kind in ContentKind.allCases {
            let noun = kind == .organisation ? "name" : "title"
            var seen: [String: EntryFacts] = [:]
            for entry in facts where entry.kind == kind {
                guard let title = entry.title, let key = entry.titleKey else { continue }
                if let earlier = seen[key] {
                    diagnostics.append(.error(
                        .duplicateTitle, "the \(noun) '\(title.value)' is also used by \(earlier.path)",
                        at: title.location, hint: "families must be able to tell entries apart; make the titles distinct"
                    ))
                } else {
                    seen[key] = entry
                }
            }
        }
        return diagnostics
    }

    private func referenceRules() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Every organisation file counts, valid or not: a mistake in it is reported there, once.
        let organisationSlugs = Set(facts.filter { $0.kind == .organisation }.map(\.slug))
        let categoryIDs = self.categoryIDs.map(Set.init)
        let services = facts.filter { $0.kind == .service }
        for service in services {
            if let organisation = service.organisation, !organisationSlugs.contains(organisation.value) {
                let suggestion = Suggestions.closest(to: organisation.value, among: organisationSlugs.sorted())
                diagnostics.append(.error(
                    .unknownOrganisation, "the organisation '\(organisation.value)' does not exist",
                    at: organisation.location,
                    hint: suggestion.map { "did you mean '\($0)'?" }
                        ?? "create content/organisations/\(organisation.value).md, or use an existing organisation's file name"
                ))
            }
            guard let categoryIDs else { continue }
            for category in service.categories ?? [] where !categoryIDs.contains(category.value) {
                let suggestion = Suggestions.closest(to: category.value, among: categoryIDs.sorted())
                diagnostics.append(.error(
                    .unknownCategory, "the category '\(category.value)' is not declared in site.yml",
                    at: category.location,
                    hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "categories: \(categoryIDs.sorted().joined(separator: ", "))"
                ))
            }
        }
        // Which organisation a service belongs to is unknown while its front matter cannot be read
        // or names none; saying another organisation has no services would then be a guess.
        let published = services.filter { !$0.isDraft }
        guard published.allSatisfy({ $0.organisation != nil }) else { return diagnostics }
        let usedOrganisations = Set(published.compactMap(\.organisation?.value))
        for organisation in facts where organisation.kind == .organisation && !usedOrganisations.contains(organisation.slug) {
            guard let name = organisation.title else { continue }
            diagnostics.append(.warning(
                .organisationWithoutServices, "the organisation '\(name.value)' has no published services",
                at: name.location,
                hint: "add its services, or remove the organisation if it no longer provides any"
            ))
        }
        return diagnostics
    }

    private func bodyRules() -> [Diagnostic] {
        // A draft's missing description is a warning, reported where the draft is decoded.
        facts.compactMap { service in
            guard service.kind == .service, service.isReadable, !service.isDraft, service.bodyIsBlank else { return nil }
            let name = service.title.map { "the service '\($0.value)'" } ?? "this service"
            return .error(
                .emptyBody, "\(name) has no description",
                at: SourceLocation(path: service.path, line: max(1, service.body.firstLine - 1)),
                hint: "below the closing '---', describe what the service does and how to get it, in plain English"
            )
        }
    }
}
