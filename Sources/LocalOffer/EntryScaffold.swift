import LocalOfferText
import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel

/// `localoffer new`: a new entry with every field present and explained, so editors start right.
/// Every `TODO` is a placeholder (LO801) that `check` reports, all in the first run, until it is
/// replaced; nothing else needs changing.
public struct EntryScaffold: Sendable {
    public enum Kind: String, Sendable {
        case service, organisation, page

        var folder: String { rawValue + "s" }
    }

    public let contentDirectory: String

    public init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
    }

    public func create(kind: Kind, slug: String, today: LocalDate? = .today()) -> Result<String, Diagnostic> {
        guard Slug.isValid(slug) else {
            return .failure(.error(.invalidSlug, "'\(slug)' is not a valid slug; try '\(Slug.make(from: slug))'", at: nil))
        }
        let folder = contentDirectory + "/" + kind.folder
        let path = folder + "/" + slug + ".md"
        guard !FileManager.default.fileExists(atPath: path) else {
            return .failure(.error(.outputFailure, "\(path) already exists; it was not changed", at: nil))
        }
        // Today's date is where a new entry's review clock starts; the editor checks it on filling in.
        let date = today?.description ?? "YYYY-MM-DD"
        let text: String
        switch kind {
        case .service: text = Self.service(date: date)
        case .organisation: text = Self.organisation
        case .page: text = Self.page(date: date)
        }
        // The kind folder may already be a link: a new entry is written only inside the content folder.
        if case .success(let contained) = ContainedFolder.open(contentDirectory, role: "content"),
           case .failure(let problem)? = contained.inspect(folder) {
            return .failure(problem)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // `withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            return .failure(.error(.outputFailure, "could not write \(path): \(error.localizedDescription)", at: nil))
        }
        return .success(path)
    }

    /// A body instruction: the placeholder marker and one of the sentences the validator knows as
    /// the scaffold's (so that deleting only "TODO:" still leaves it reported).
    static func todo(_ index: Int) -> String {
        "\(Placeholders.marker): \(Placeholders.scaffoldInstructions[index])"
    }

    static func service(date: String) -> String {
        let frontMatter = ScaffoldFrontMatter(mapping: FieldCatalogue.serviceFields, values: [
            "title": .written(Placeholders.marker), "summary": .written(Placeholders.marker),
            "organisation": .written(Placeholders.marker), "categories": .written("[\(Placeholders.marker)]"),
            "level": .example,
            "eligibility": .example, "eligibility.age": .example, "eligibility.ehc_plan": .example, "eligibility.needs": .example,
            "eligibility.diagnosis_required": .example, "eligibility.residence": .example, "eligibility.referral": .example,
            "eligibility.criteria": .written(Placeholders.marker), "eligibility.audience": .example,
            "contact": .example, "contact.name": .written(Placeholders.marker), "contact.phone": .written(Placeholders.marker),
            "contact.email": .written(Placeholders.marker), "contact.website": .written(Placeholders.marker),
            "contact.textphone": .commentedOut("18001 020 7946 0123"),
            "contact.address": .commentedOut("{line1: 12 Elm Road, town: London, postcode: KM2 3CD}"),
            "cost": .example, "personal_budget": .example, "commissioned_by": .example,
            "locations": .written("[]"), "schedule": .example, "languages": .example,
            "waiting_time": .commentedOut("{weeks: 12, as_of: \(date)}"),
            "last_reviewed": .written(date), "review_by": .commentedOut("YYYY-MM-DD"),
            // A new service is a draft until its details are checked and filled in.
            "status": .written(PublicationStatus.draft.rawValue), "tags": .written("[]"),
        ])
        return """
        ---
        \(frontMatter.text)---
        \(Self.todo(0))

        ## How to get this service

        \(Self.todo(1))

        ## If you are not happy

        \(Self.todo(2))

        """
    }

    static let organisation: String = {
        let frontMatter = ScaffoldFrontMatter(mapping: FieldCatalogue.organisationFields, values: [
            "name": .written(Placeholders.marker), "type": .written(OrganisationType.voluntary.rawValue),
            "website": .written("https://\(Placeholders.marker).example.org"),
            "contact": .example, "contact.phone": .written(Placeholders.marker), "contact.email": .written(Placeholders.marker),
        ])
        return """
            ---
            \(frontMatter.text)---
            \(EntryScaffold.todo(3))

            """
    }()

    static func page(date: String) -> String {
        let frontMatter = ScaffoldFrontMatter(mapping: FieldCatalogue.pageFields, values: [
            "title": .written(Placeholders.marker), "summary": .written(Placeholders.marker), "order": .written("100"),
            "last_reviewed": .written(date),
        ])
        return """
        ---
        \(frontMatter.text)---
        \(Self.todo(4)) `[Portage](../services/portage.md)`.

        """
    }
}
