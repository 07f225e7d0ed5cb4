import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel
import Yams

/// The content folder an import writes into: what is there already (so that nothing is silently
/// replaced, organisations are matched by name and titles stay unique) and the site's categories
/// and contact (which the readers map to, and organisations without contact details fall back to).
public struct ImportTarget: Sendable {
    public let directory: String
    public let source: ContentSource
    public let categories: [LocalOfferModel.Category]
    public let councilName: String
    /// The Local Offer team: the contact for an organisation the source gives none for.
    public let fallbackContact: Contact
    /// Existing entries: slug → (kind, title or name).
    public let existing: [String: (kind: ContentKind, title: String)]

    /// Reads the folder; fails when it has no usable `site.yml` (an import needs the site's categories).
    public static func load(_ directory: String) -> Result<ImportTarget, ImportProblem> {
        let (source, _) = ContentLoader().load(from: directory)
        guard let siteFile = source.siteFile,
              let root = try? Yams.compose(yaml: siteFile.text, .basic, .default, .utf8) else {
            return .failure(.error(.importUnreadable, "the content folder has no readable site.yml", at: .file(directory),
                                   hint: "an import needs the site's categories; create the site first, or name it with --content DIR"))
        }
        var categories: [LocalOfferModel.Category] = []
        for item in root["categories"]?.sequence ?? [] {
            guard let id = item["id"]?.string, let title = item["title"]?.string else { continue }
            categories.append(.init(id: id, title: title, description: item["description"]?.string ?? title))
        }
        let council = root["council"]?.string ?? root["name"]?.string ?? "the council"
        var fallback = Contact()
        let contact = root["contact"]
        fallback.name = contact?["name"]?.string
        fallback.phone = contact?["phone"]?.string.flatMap(PhoneNumber.init)
        fallback.email = (contact?["email"]?.string ?? root["feedback_email"]?.string).flatMap(EmailAddress.init)
        if case .success(let website) = WebAddress.parse(contact?["website"]?.string ?? "") { fallback.website = website }
        var existing: [String: (ContentKind, String)] = [:]
        for document in source.documents {
            let front = try? Yams.compose(yaml: document.frontMatter.text, .basic, .default, .utf8)
            let title = front?[document.kind == .organisation ? "name" : "title"]?.string ?? ""
            existing[document.slug] = (document.kind, title)
        }
        return .success(ImportTarget(
            directory: directory, source: source, categories: categories, councilName: council,
            fallbackContact: fallback, existing: existing.mapValues { (kind: $0.0, title: $0.1) }
        ))
    }

    public func path(_ kind: ContentKind, _ slug: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + kind.folder + "/" + slug + ".md"
    }
}
