import Foundation
import LocalOfferModel

/// Writes an imported service or organisation as a content file, in the layout of
/// `docs/content-format.md`. An entry that lacks what a published entry needs is written as
/// `status: draft`, with a comment at its top naming each missing field: `localoffer check` reports
/// the same fields as warnings (LO115), and `build` does not publish it until they are filled in.
public struct EntryWriter: Sendable {
    /// Where the entry came from and when, for the comment at the top.
    public let provenance: String

    public init(provenance: String) {
        self.provenance = provenance
    }

    /// The fields a published service needs that this one lacks, named as `localoffer check` names them.
    public static func missingFields(_ service: ImportedService) -> [String] {
        var missing: [String] = []
        if service.summary == nil { missing.append("summary") }
        if service.organisation == nil { missing.append("organisation") }
        if service.categories.isEmpty { missing.append("categories") }
        if service.age == nil { missing.append("eligibility.age") }
        if service.ehcPlan == nil { missing.append("eligibility.ehc_plan") }
        if service.referral.isEmpty { missing.append("eligibility.referral") }
        if service.criteria == nil, service.level == .specialist || service.ehcPlan == .required {
            missing.append("eligibility.criteria")
        }
        if !service.hasContactMethod { missing.append("contact") }
        if service.lastReviewed == nil { missing.append("last_reviewed") }
        if service.body.allSatisfy(\.isWhitespace) { missing.append("description") }
        return missing
    }

    /// The file's text, and whether it is a draft.
    public func service(_ service: ImportedService, organisationSlug: String?) -> (text: String, isDraft: Bool, missing: [String]) {
        let missing = Self.missingFields(service)
        let isDraft = !missing.isEmpty || service.withdrawnReason != nil
        var lines = ["---", "# Imported from \(provenance)."]
        if let original = service.renamedFrom {
            lines.append("# Renamed from \(YAMLText.quoted(original)): another service has that name. Give it a name families can tell apart.")
        }
        if let reason = service.withdrawnReason {
            lines.append("# The source marks this service \(reason), so it is a draft and is not published.")
        }
        if !missing.isEmpty {
            lines.append("# Draft: not published until these are filled in: \(missing.joined(separator: ", ")).")
            lines.append("# Then remove 'status: draft' and run `localoffer check`.")
        }
        lines.append("title: " + YAMLText.scalar(service.title))
        if let summary = service.summary { lines.append("summary: " + YAMLText.scalar(summary)) }
        if let organisationSlug { lines.append("organisation: " + YAMLText.scalar(organisationSlug)) }
        if !service.categories.isEmpty { lines.append("categories: " + YAMLText.flowList(service.categories)) }
        if let level = service.level { lines.append("level: " + level.rawValue) }
        lines += eligibility(service)
        lines += contact(service.contact, key: "contact")
        switch service.cost {
        case .free?: lines.append("cost: free")
        case .charged(let options)?:
            lines.append("cost:")
            for option in options {
                lines.append("  - " + YAMLText.flowMapping([
                    ("amount", Self.amount(option.amountInPence)), ("per", option.per.rawValue),
                    ("description", YAMLText.flowScalar(option.description)),
                ]))
            }
        case nil: break
        }
        if service.personalBudget { lines.append("personal_budget: true") }
        if !service.commissionedBy.isEmpty { lines.append("commissioned_by: " + YAMLText.flowList(service.commissionedBy.map(\.rawValue))) }
        if !service.locations.isEmpty {
            lines.append("locations:")
            for location in service.locations {
                lines.append("  - name: " + YAMLText.scalar(location.name))
                lines.append("    address: " + Self.address(location.address))
                if !location.accessibility.isEmpty {
                    lines.append("    accessibility: " + YAMLText.flowList(location.accessibility.map(\.rawValue)))
                }
            }
        }
        if !service.schedule.isEmpty {
            lines.append("schedule:")
            for hours in service.schedule {
                lines.append("  - " + YAMLText.flowMapping([
                    ("days", YAMLText.flowList(hours.days.map(\.rawValue))),
                    ("opens", YAMLText.quoted(hours.opens.description)), ("closes", YAMLText.quoted(hours.closes.description)),
                ]))
            }
        }
        if !service.languages.isEmpty { lines.append("languages: " + YAMLText.flowList(service.languages.map(\.value))) }
        if let waiting = service.waitingTime {
            lines.append("waiting_time: " + YAMLText.flowMapping([("weeks", String(waiting.weeks)), ("as_of", waiting.asOf.description)]))
        }
        if let lastReviewed = service.lastReviewed { lines.append("last_reviewed: \(lastReviewed)") }
        if let reviewBy = service.reviewBy { lines.append("review_by: \(reviewBy)") }
        if isDraft { lines.append("status: draft") }
        if !service.tags.isEmpty { lines.append("tags: " + YAMLText.flowList(service.tags)) }
        lines.append("---")
        let body = service.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return (lines.joined(separator: "\n") + "\n" + (body.isEmpty ? "" : body + "\n"), isDraft, missing)
    }

    private func eligibility(_ service: ImportedService) -> [String] {
        var lines: [String] = []
        if let age = service.age { lines.append("  age: " + YAMLText.flowMapping([("min", String(age.min)), ("max", String(age.max))])) }
        if let plan = service.ehcPlan { lines.append("  ehc_plan: " + plan.rawValue) }
        if !service.needs.isEmpty { lines.append("  needs: " + YAMLText.flowList(service.needs.map(\.rawValue))) }
        if service.diagnosisRequired { lines.append("  diagnosis_required: true") }
        if let residence = service.residence { lines.append("  residence: " + residence.rawValue) }
        if !service.referral.isEmpty { lines.append("  referral: " + YAMLText.flowList(service.referral.map(\.rawValue))) }
        if let criteria = service.criteria { lines.append("  criteria: " + YAMLText.scalar(criteria)) }
        return lines.isEmpty ? [] : ["eligibility:"] + lines
    }

    private func contact(_ contact: Contact, key: String) -> [String] {
        var lines: [String] = []
        if let name = contact.name { lines.append("  name: " + YAMLText.scalar(name)) }
        if let phone = contact.phone { lines.append("  phone: " + YAMLText.scalar(phone.display)) }
        if let textphone = contact.textphone { lines.append("  textphone: " + YAMLText.scalar(textphone.display)) }
        if let email = contact.email { lines.append("  email: " + YAMLText.scalar(email.value)) }
        if let website = contact.website { lines.append("  website: " + YAMLText.scalar(website.value)) }
        if let address = contact.address { lines.append("  address: " + Self.address(address)) }
        return lines.isEmpty ? [] : ["\(key):"] + lines
    }

    static func address(_ address: PostalAddress) -> String {
        var pairs = [("line1", YAMLText.flowScalar(address.line1))]
        if let line2 = address.line2 { pairs.append(("line2", YAMLText.flowScalar(line2))) }
        pairs += [("town", YAMLText.flowScalar(address.town)), ("postcode", YAMLText.flowScalar(address.postcode.value))]
        return YAMLText.flowMapping(pairs)
    }

    /// 1250 → "12.50", 1200 → "12".
    static func amount(_ pence: Int) -> String {
        let fraction = pence % 100
        return fraction == 0 ? String(pence / 100) : "\(pence / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An organisation's file. `fallbackNote` explains contact details that are not the organisation's own.
    public func organisation(_ organisation: ImportedOrganisation, contact: Contact, fallbackNote: String?) -> String {
        var lines = ["---", "# Imported from \(provenance)."]
        if let fallbackNote { lines.append("# " + fallbackNote) }
        lines.append("name: " + YAMLText.scalar(organisation.name))
        if let type = organisation.type { lines.append("type: " + type.rawValue) }
        if let website = organisation.website { lines.append("website: " + YAMLText.scalar(website.value)) }
        lines += self.contact(contact, key: "contact")
        lines.append("---")
        let body = organisation.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return lines.joined(separator: "\n") + "\n" + (body.isEmpty ? "" : body + "\n")
    }
}
