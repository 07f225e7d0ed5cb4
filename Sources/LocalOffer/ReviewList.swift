import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel

/// `localoffer review`: every published entry whose review is overdue or falls due within a window,
/// grouped by the organisation to write to, with its contact e-mail, so that the Local Offer team
/// can send reminders. Information pages belong to the Local Offer team itself (site.yml's contact).
///
/// It lists what can be read: an entry with an error is left out and counted in `unreadableEntries`
/// (`localoffer check` says what is wrong with it).
///
/// ```swift
/// let list = ReviewList.make(contentDirectory: "content", today: today, within: 60)
/// print(list.text)
/// ```
public struct ReviewList: Sendable {
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable { case service, page }
        public var kind: Kind
        public var title: String
        public var path: String
        public var lastReviewed: LocalDate
        public var due: LocalDate
        /// Negative once overdue.
        public var daysUntilDue: Int

        public var isOverdue: Bool { daysUntilDue < 0 }
    }

    /// The people to write to about some entries.
    public struct Group: Sendable {
        /// The organisation's file name; nil for the Local Offer team's own pages.
        public var organisation: String?
        public var name: String
        public var email: String?
        /// When there is no e-mail address: a phone number or website, so someone can still be reached.
        public var otherContact: String?
        public var entries: [Entry]
    }

    public var today: LocalDate
    public var within: Int
    public var groups: [Group]
    /// Service and page files left out because they have errors.
    public var unreadableEntries: Int
    /// Problems that stop the list being made at all (no content folder).
    public var problems: [Diagnostic]

    public var lastDay: LocalDate { today.adding(days: within) }
    public var entryCount: Int { groups.reduce(0) { $0 + $1.entries.count } }

    public static func make(contentDirectory: String, today: LocalDate, within: Int = ReviewSchedule.reviewWindowDays) -> ReviewList {
        let (source, loadProblems) = ContentLoader().load(from: contentDirectory)
        let validation = ContentValidator(today: today).validation(of: source)
        var list = make(validation, documents: source.documents, today: today, within: within)
        list.problems = loadProblems.filter { $0.isError && $0.location == nil }
        return list
    }

    public static func make(_ validation: ContentValidation, documents: [ContentDocument], today: LocalDate, within: Int) -> ReviewList {
        let lastDay = today.adding(days: within)
        func entry(_ kind: Entry.Kind, title: String, path: String, lastReviewed: LocalDate, due: LocalDate) -> Entry? {
            guard due <= lastDay else { return nil }
            return Entry(kind: kind, title: title, path: path, lastReviewed: lastReviewed, due: due, daysUntilDue: today.days(until: due))
        }

        var byOrganisation: [String: [Entry]] = [:]
        for service in validation.services where service.status == .active {
            if let due = entry(.service, title: service.title, path: service.sourcePath, lastReviewed: service.lastReviewed, due: service.reviewBy) {
                byOrganisation[service.organisation, default: []].append(due)
            }
        }
        let organisations = Dictionary(validation.organisations.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var groups = byOrganisation.map { slug, entries -> Group in
            let organisation = organisations[slug]
            let contact = organisation?.contact
            return Group(
                organisation: slug,
                name: organisation?.name ?? "\(slug) (its file has errors: run localoffer check)",
                email: contact?.email?.value,
                otherContact: contact?.email == nil ? (contact?.phone?.display ?? contact?.website?.value) : nil,
                entries: entries.sorted(by: Self.byDueDate)
            )
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }

        let pages = validation.pages.compactMap { page in
            entry(.page, title: page.title, path: page.sourcePath, lastReviewed: page.lastReviewed, due: ReviewSchedule.due(for: page))
        }
        if !pages.isEmpty {
            let team = validation.site?.contact
            groups.append(Group(
                organisation: nil,
                name: (team?.name ?? "Local Offer team") + " (information pages)",
                email: team?.email?.value ?? validation.site?.feedbackEmail.value,
                otherContact: nil,
                entries: pages.sorted(by: Self.byDueDate)
            ))
        }

        let listed = validation.services.count + validation.pages.count
        let entryFiles = documents.filter { $0.kind == .service || $0.kind == .page }.count
        return ReviewList(today: today, within: within, groups: groups, unreadableEntries: max(0, entryFiles - listed), problems: [])
    }

    private static func byDueDate(_ left: Entry, _ right: Entry) -> Bool {
        left.due == right.due ? left.title < right.title : left.due < right.due
    }

    // MARK: Output

    /// For people: one block per organisation, overdue entries first.
    public var text: String {
        var lines: [String] = []
        let window = "due by \(lastDay.longForm) (within \(within) days of \(today.longForm))"
        if groups.isEmpty {
            lines.append("No reviews are overdue or \(window).")
        } else {
            let organisations = groups.count == 1 ? "1 group" : "\(groups.count) groups"
            let entries = entryCount == 1 ? "1 entry" : "\(entryCount) entries"
            lines.append("Reviews overdue or \(window): \(entries), \(organisations) to write to.")
            for group in groups {
                lines.append("")
                let contact = group.email.map { " <\($0)>" } ?? group.otherContact.map { " (no e-mail address: \($0))" } ?? " (no contact details)"
                lines.append(group.name + contact)
                let titleWidth = min(60, group.entries.map(\.title.count).max() ?? 0)
                for entry in group.entries {
                    let state = entry.isOverdue ? "overdue" : "due    "
                    let when = "\(entry.due.longForm) (\(ReviewSchedule.describe(daysUntil: entry.daysUntilDue)))"
                    let title = entry.title.count > titleWidth ? String(entry.title.prefix(titleWidth - 1)) + "…" : entry.title
                    lines.append("  \(state)  \(when.padding(to: 34))  \(title.padding(to: titleWidth))  \(entry.path)")
                }
            }
        }
        if unreadableEntries > 0 {
            lines.append("")
            lines.append("\(unreadableEntries) entr\(unreadableEntries == 1 ? "y has errors and is" : "ies have errors and are") not listed: run localoffer check.")
        }
        return lines.joined(separator: "\n")
    }

    /// For mail merge and spreadsheets: RFC 4180, one row per entry.
    public var csv: String {
        var rows = [["organisation", "organisation_name", "contact_email", "entry_type", "title", "file", "last_reviewed",
                     "review_due", "days_until_due", "status"]]
        for group in groups {
            for entry in group.entries {
                rows.append([
                    group.organisation ?? "", group.name, group.email ?? "", entry.kind.rawValue, entry.title, entry.path,
                    entry.lastReviewed.description, entry.due.description, String(entry.daysUntilDue), entry.isOverdue ? "overdue" : "due",
                ])
            }
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    public static func csvField(_ value: String) -> String {
        // A field a spreadsheet would run as a formula is prefixed, as OWASP advises for CSV exports.
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Int(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
