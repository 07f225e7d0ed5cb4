import Foundation
import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferText

/// One file an import will write.
public struct PlannedEntry: Sendable, Hashable {
    public let kind: ContentKind
    public let slug: String
    public let path: String
    public let text: String
    /// The record it came from (organisations: the first record that named them).
    public let place: ImportPlace
    public let isDraft: Bool
    public let missing: [String]
    /// True when it replaces an existing file (only with --force).
    public let replaces: Bool
}

/// What an import would do: the files, the problems, and the numbers for the summary.
public struct ImportPlan: Sendable {
    public var entries: [PlannedEntry]
    public var problems: [ImportProblem]
    /// Records read from the source (services), whether or not they can be written.
    public var recordsRead: Int
    /// Entries that show as free because the source said nothing about cost.
    public var costAssumedFree: Int
    public let partial: Bool

    public var errors: [ImportProblem] { problems.filter(\.isError) }
    public var warnings: [ImportProblem] { problems.filter { !$0.isError } }
    /// Nothing is written unless the whole import is clean, or --partial was given.
    public var canWrite: Bool { errors.isEmpty || partial }

    public var services: [PlannedEntry] { entries.filter { $0.kind == .service } }
    public var drafts: Int { services.filter(\.isDraft).count }

    /// The fields most often missing, most frequent first (ties by name).
    public var commonMissingFields: [(field: String, count: Int)] {
        var counts: [String: Int] = [:]
        for entry in services { for field in entry.missing { counts[field, default: 0] += 1 } }
        return counts.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }.map { ($0.key, $0.value) }
    }

    /// The summary printed after an import (or instead of it, when nothing could be written).
    public func summary(written: Bool) -> String {
        let services = self.services
        let organisations = entries.filter { $0.kind == .organisation }.count
        var lines: [String] = []
        let verb = written ? "Wrote" : "Would write"
        let skipped = recordsRead - services.count
        lines.append("\(verb) \(services.count) service\(services.count == 1 ? "" : "s") (\(drafts) as draft\(drafts == 1 ? "" : "s")) and \(organisations) organisation\(organisations == 1 ? "" : "s") from \(recordsRead) record\(recordsRead == 1 ? "" : "s")"
                     + (skipped > 0 ? "; \(skipped) could not be imported." : "."))
        let missing = commonMissingFields.prefix(6)
        if !missing.isEmpty {
            lines.append("Most common missing fields: " + missing.map { "\($0.field) (\($0.count))" }.joined(separator: ", ") + ".")
        }
        if costAssumedFree > 0 {
            lines.append("\(costAssumedFree) entr\(costAssumedFree == 1 ? "y shows" : "ies show") as free because the source says nothing about cost: check them.")
        }
        lines.append("\(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings.count) warning\(warnings.count == 1 ? "" : "s").")
        if !written, !errors.isEmpty {
            lines.append(partial ? "" : "Nothing was written: fix the errors above, or give --partial to write the records that are clean.")
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// Turns imported records into files for a content folder: chooses slugs, keeps titles and
/// organisation names unique, matches organisations to existing ones by name, writes drafts for
/// incomplete records, and checks the result with the real validator before anything is written.
public struct ImportPlanner: Sendable {
    public let target: ImportTarget
    public let force: Bool
    public let partial: Bool
    public let today: LocalDate

    public init(target: ImportTarget, force: Bool, partial: Bool, today: LocalDate) {
        self.target = target
        self.force = force
        self.partial = partial
        self.today = today
    }

    public func plan(_ services: [ImportedService], problems initialProblems: [ImportProblem], recordsRead: Int) -> ImportPlan {
        var problems = initialProblems
        var taken = Set(target.existing.keys)
        var entries: [PlannedEntry] = []

        // Organisations: matched on their source id, then on their name; existing ones are reused.
        var organisationSlugs: [String: String] = [:]
        var organisationOrder: [(key: String, organisation: ImportedOrganisation, place: ImportPlace)] = []
        let existingOrganisations = Dictionary(
            target.existing.filter { $0.value.kind == .organisation }.map { (Self.nameKey($0.value.title), $0.key) },
            uniquingKeysWith: { first, _ in first })
        var keyByName: [String: String] = [:]
        for service in services {
            guard let organisation = service.organisation else { continue }
            let nameKey = Self.nameKey(organisation.name)
            let key = organisation.sourceID.map { "id:" + $0 } ?? "name:" + nameKey
            if organisationSlugs[key] != nil { continue }
            if let sameName = keyByName[nameKey], let slug = organisationSlugs[sameName] {
                organisationSlugs[key] = slug
                continue
            }
            keyByName[nameKey] = key
            if let existing = existingOrganisations[nameKey] {
                organisationSlugs[key] = existing
                continue
            }
            let preferred = organisation.preferredSlug.flatMap { Slug.isValid($0) ? $0 : nil }
            let slug = Self.unique(preferred ?? Self.slug(organisation.name, fallback: "organisation"), in: &taken)
            organisationSlugs[key] = slug
            organisationOrder.append((key, organisation, service.place))
        }
        func organisationSlug(_ organisation: ImportedOrganisation?) -> String? {
            guard let organisation else { return nil }
            return organisationSlugs[organisation.sourceID.map { "id:" + $0 } ?? "name:" + Self.nameKey(organisation.name)]
        }

        // Services.
        var titles = Set(target.existing.filter { $0.value.kind == .service }.map { $0.value.title.lowercased() })
        var firstContact: [String: (Contact, String)] = [:]
        var costAssumedFree = 0
        // An existing service of the same title is the same listing: importing it again replaces it (with --force).
        let existingServiceByTitle = Dictionary(
            target.existing.filter { $0.value.kind == .service }.map { ($0.value.title.lowercased(), $0.key) },
            uniquingKeysWith: { first, _ in first })
        for var service in services {
            let preferred = service.preferredSlug.flatMap { Slug.isValid($0) ? $0 : nil }
            var slug = preferred ?? existingServiceByTitle[service.title.lowercased()] ?? Self.slug(service.title, fallback: "service")
            var replaces = false
            if let existing = target.existing[slug] {
                if existing.kind == .service, !taken.contains(slug + "#new") {
                    guard force else {
                        problems.append(.error(.importWouldOverwrite, "\(target.path(.service, slug)) already exists",
                                               at: service.place, hint: "give --force to replace it with the imported entry"))
                        continue
                    }
                    replaces = true
                    titles.remove(existing.title.lowercased())
                } else {
                    slug = Self.unique(slug, in: &taken)
                }
            }
            if titles.contains(service.title.lowercased()) {
                // Two services of the same name (often from different providers): families must tell them apart.
                let owner = service.organisation?.name
                var title = owner.map { "\(service.title) (\($0))" } ?? service.title
                if title.count > 120 || titles.contains(title.lowercased()) { title = service.title }
                var number = 2
                while titles.contains(title.lowercased()) {
                    title = "\(service.title) (\(number))"
                    number += 1
                }
                service.renamedFrom = service.title
                service.title = title
                if !replaces, preferred == nil { slug = Self.slug(title, fallback: "service") }
            }
            if !replaces { slug = Self.unique(slug, in: &taken) }
            taken.insert(slug + "#new")
            titles.insert(service.title.lowercased())
            if service.cost == nil { costAssumedFree += 1 }

            let orgSlug = organisationSlug(service.organisation)
            if let orgSlug, service.hasContactMethod, firstContact[orgSlug] == nil {
                var methods = Contact()
                methods.phone = service.contact.phone
                methods.email = service.contact.email
                methods.website = service.contact.website
                firstContact[orgSlug] = (methods, service.title)
            }
            let writer = EntryWriter(provenance: "\(service.place) on \(today)")
            let written = writer.service(service, organisationSlug: orgSlug)
            entries.append(PlannedEntry(kind: .service, slug: slug, path: target.path(.service, slug), text: written.text,
                                        place: service.place, isDraft: written.isDraft, missing: written.missing, replaces: replaces))
        }

        // Organisation files, for those not already in the folder.
        for (_, organisation, place) in organisationOrder {
            guard let slug = organisationSlug(organisation) else { continue }
            var contact = organisation.contact
            var note: String?
            if contact.phone == nil && contact.email == nil && contact.website == nil {
                if let website = organisation.website {
                    contact.website = website
                } else if let (methods, title) = firstContact[slug] {
                    contact = methods
                    note = "The source gives no contact details for this organisation: these are its service \(title)'s. Check them."
                } else {
                    contact = target.fallbackContact
                    note = "The source gives no contact details for this organisation: these are the Local Offer team's. Replace them."
                }
            }
            let text = EntryWriter(provenance: "\(place) on \(today)").organisation(organisation, contact: contact, fallbackNote: note)
            entries.append(PlannedEntry(kind: .organisation, slug: slug, path: target.path(.organisation, slug), text: text,
                                        place: place, isDraft: false, missing: [], replaces: false))
        }

        var plan = ImportPlan(entries: entries, problems: problems, recordsRead: recordsRead,
                              costAssumedFree: costAssumedFree, partial: partial)
        check(&plan)
        plan.problems.sort()
        return plan
    }

    /// Runs the real validator over the folder as it would be after the import: an entry it would
    /// reject is an error at the record it came from (LO707), and with --partial it is left out.
    private func check(_ plan: inout ImportPlan) {
        let planned = Dictionary(plan.entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var documents = target.source.documents.filter { planned[$0.path] == nil }
        for entry in plan.entries {
            if case .success(let document) = ContentDocument.split(entry.text, path: entry.path, kind: entry.kind, slug: entry.slug) {
                documents.append(document)
            }
        }
        documents.sort { $0.path < $1.path }
        let before = Set(ContentValidator(today: today).validate(target.source).diagnostics.filter(\.isError).map(Self.identity))
        var source = target.source
        source.documents = documents
        let after = ContentValidator(today: today).validate(source).diagnostics.filter(\.isError)
        var rejected = Set<String>()
        for diagnostic in after {
            if let path = diagnostic.location?.path, let entry = planned[path] {
                plan.problems.append(.error(
                    .importEntryInvalid, "\(entry.kind.folder)/\(entry.slug).md would not pass check: \(diagnostic.message) [\(diagnostic.code.rawValue)]",
                    at: entry.place, hint: diagnostic.hint))
                rejected.insert(path)
            } else if !before.contains(Self.identity(diagnostic)) {
                plan.problems.append(.error(.importEntryInvalid, "the import would cause: \(diagnostic.message) [\(diagnostic.code.rawValue)]",
                                            at: .file(diagnostic.location?.description ?? target.directory), hint: diagnostic.hint))
            }
        }
        if partial { plan.entries.removeAll { rejected.contains($0.path) } }
    }

    private static func identity(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location?.description ?? "")|\(diagnostic.code.rawValue)|\(diagnostic.message)"
    }

    static func nameKey(_ name: String) -> String {
        Slug.make(from: name.replacingOccurrences(of: "&", with: " and "))
    }

    static func slug(_ text: String, fallback: String) -> String {
        var slug = Slug.make(from: text)
        if slug.count > 80 {
            slug = String(slug.prefix(80))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? fallback : slug
    }

    /// `slug`, or `slug-2`, `slug-3`... whichever is free; marks it taken.
    static func unique(_ slug: String, in taken: inout Set<String>) -> String {
        var candidate = slug
        var number = 2
        while taken.contains(candidate) || taken.contains(candidate + "#new") {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }
}

/// Writes a plan's files. Each file is written beside its final name and renamed into place, so a
/// file is never left half-written.
public enum ImportWriter {
    public static func write(_ plan: ImportPlan) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        let fileManager = FileManager.default
        for entry in plan.entries {
            let url = URL(fileURLWithPath: entry.path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(entry.text.utf8).write(to: url, options: .atomic)
            } catch {
                problems.append(.error(.outputFailure, "could not write \(entry.path): \(error.localizedDescription)", at: .file(entry.path)))
            }
        }
        return problems
    }
}
