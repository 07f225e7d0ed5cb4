import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferText
import Yams

/// What the rules between entries need to know of one entry file, read from its YAML whether or not
/// the entry as a whole is valid. A service with an age of 30 still names its organisation and its
/// categories, and an organisation with a bad e-mail address still exists: the rules that refer to
/// them run on these facts, so one mistake neither hides another nor makes up a third.
///
/// Each fact is the value as written (trimmed), or nil when it is missing, not a single value, or a
/// placeholder; a placeholder is reported as one (LO801), never also as a name that does not exist.
struct EntryFacts: Sendable {
    struct Located: Sendable, Equatable {
        var value: String
        var location: SourceLocation
    }

    var kind: ContentKind
    var slug: String
    var path: String
    /// Whether the front matter could be read as YAML at all: when it could not, nothing below is known.
    var isReadable: Bool
    /// `title` of a service or page, `name` of an organisation.
    var title: Located?
    /// The title as the rule that titles are distinct compares them: ignoring case.
    var titleKey: String?
    /// The organisation a service names.
    var organisation: Located?
    /// The categories a service names; nil when the list itself could not be read.
    var categories: [Located]?
    /// `status: draft` as written; an unreadable status counts as published, the stricter reading.
    var isDraft: Bool
    var body: SourceText
    /// Whether the body is empty or only white space.
    var bodyIsBlank: Bool

    /// The file's path under `content/`, as links between entries name it: `services/portage.md`.
    var contentPath: String { kind.contentPath(slug) }

    init(document: ContentDocument, root: Node?, isReadable: Bool) {
        kind = document.kind
        slug = document.slug
        path = document.path
        body = document.body
        bodyIsBlank = document.body.text.allSatisfy(\.isWhitespace)
        self.isReadable = isReadable
        isDraft = false
        guard isReadable, case .mapping(let mapping)? = root else { return }
        let firstLine = document.frontMatter.firstLine
        func located(_ node: Node) -> Located? {
            guard case .scalar(let scalar) = node else { return nil }
            let value = scalar.string.trimmingWhitespace()
            if scalar.style == .plain, Field.nullSpellings.contains(value) { return nil }
            if value.isEmpty || Placeholders.contains(value) { return nil }
            let mark = node.mark
            let location = SourceLocation(
                path: document.path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1
            )
            return Located(value: value, location: location)
        }
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "title" where document.kind != .organisation, "name" where document.kind == .organisation:
                title = located(value)
                titleKey = title?.value.lowercased()
            case "organisation" where document.kind == .service:
                organisation = located(value)
            case "categories" where document.kind == .service:
                if case .sequence(let items) = value { categories = items.compactMap(located) }
            case "status" where document.kind == .service:
                isDraft = located(value)?.value == PublicationStatus.draft.rawValue
            default:
                continue
            }
        }
    }
}

extension EntryFacts {
    /// Everything the rules between entries read of one entry (`CrossEntryRules`): while no entry's
    /// key changes, neither do the rules' findings, whatever else was edited.
    struct RuleKey: Equatable {
        let kind: ContentKind
        let slug: String
        let path: String
        let isReadable: Bool
        let title: Located?
        let organisation: Located?
        let categories: [Located]?
        let isDraft: Bool
        let bodyIsBlank: Bool
        let bodyFirstLine: Int
    }

    var ruleKey: RuleKey {
        RuleKey(
            kind: kind, slug: slug, path: path, isReadable: isReadable, title: title, organisation: organisation,
            categories: categories, isDraft: isDraft, bodyIsBlank: bodyIsBlank, bodyFirstLine: body.firstLine
        )
    }
}
