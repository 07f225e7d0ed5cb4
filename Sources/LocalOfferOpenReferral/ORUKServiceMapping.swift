import Foundation
import LocalOfferMarkdown
import LocalOfferModel
import LocalOfferText

/// How a service and its organisation are written in Open Referral UK 3.0 (HSDS 3.0 with the UK
/// profile). The one home of the export mapping; `ORUKRecordReader` reads the same fields back.
///
/// Fields the UK profile leaves out but HSDS 3.0 defines and the DfE's importer reads are written
/// too (`phones` and `email` on contacts, `name` and `code` on languages, `code` on taxonomy terms,
/// `link_entity` on attributes, `address_2`): the validator allows extra fields.
///
/// | Content | ORUK 3.0 |
/// | --- | --- |
/// | title | `name` |
/// | summary, then the Markdown body | `description` (summary, a blank line, the body; links between entries made absolute) |
/// | the service's page on the site | `url` |
/// | contact.email | `email` and `contacts[].email` |
/// | contact.name, phone, textphone | `contacts[]` with `phones[]` (`voice`, `textphone`) |
/// | contact.website | a `virtual` location with `url` |
/// | contact.address | a `postal` location |
/// | locations | `physical` locations with `addresses` and `accessibility` |
/// | eligibility.age | `minimum_age`, `maximum_age` (whole numbers) |
/// | eligibility.criteria | `eligibility_description` |
/// | eligibility.residence | `service_areas` (the council, or "No restriction") |
/// | categories, needs, level, ehc_plan, referral, commissioned_by, personal_budget, diagnosis_required | `attributes` with taxonomy terms (`Vocabularies`) |
/// | cost | `cost_options` (free: one option of amount 0) and `fees_description` |
/// | schedule | `schedules` (`WEEKLY`, `byday`, `opens_at`/`closes_at` as HH:MM:SS) |
/// | languages | `languages` (`code`, `name`) |
/// | waiting_time | `wait_time` ("About 6 weeks (as of 31 October 2026)") |
/// | last_reviewed | `assured_date`, and `last_modified` at midnight UTC |
struct ORUKServiceMapping: Sendable {
    let site: Site
    /// Published services, in slug order.
    let services: [Service]
    let organisations: [Organisation]
    let addresses: FeedAddresses
    let ids: StableID
    let vocabularies: Vocabularies
    let organisationsBySlug: [String: Organisation]
    private let links: MarkdownLinkRewriter
    /// Each organisation's description, made once: every one of its services nests it (3.0 and 1.0).
    private(set) var organisationDescriptions: [String: String] = [:]
    /// Each organisation as a service nests it, made once rather than once per service.
    private var nestedOrganisations: [String: JSONValue] = [:]

    init(site: Site, services: [Service], organisations: [Organisation], addresses: FeedAddresses) {
        self.site = site
        self.services = services
        self.organisations = organisations
        self.addresses = addresses
        ids = StableID(site: site.baseURL.value)
        vocabularies = Vocabularies(site: site, ids: ids)
        organisationsBySlug = Dictionary(organisations.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        links = MarkdownLinkRewriter(table: addresses.contentLinks)
        for organisation in organisations where organisationDescriptions[organisation.slug] == nil {
            let body = description(summary: nil, body: organisation.body.text, folder: "organisations")
            organisationDescriptions[organisation.slug] = body.isEmpty ? organisation.name : body
        }
        for organisation in organisations where nestedOrganisations[organisation.slug] == nil {
            nestedOrganisations[organisation.slug] = self.organisation(organisation, nested: true)
        }
    }

    // MARK: Services

    /// The one-to-one fields of a service and its organisation: an item of the `/services` list.
    /// Its description is the summary only, and the organisation is named by `organization_id`: the
    /// list is an index (the DfE's importer reads only the ids), and the full text is in
    /// `/services/{id}`. So the list stays small however many services there are.
    func serviceSummary(_ service: Service) -> JSONValue {
        oneToOneFields(service, description: service.summary).value
    }

    /// A service with everything it links to: `/services/{id}`.
    func service(_ service: Service) -> JSONValue {
        let serviceID = ids.service(service.slug)
        var object = oneToOneFields(service)
        object.add("fees_description", feesDescription(service.cost))
        object.add("eligibility_description", service.eligibility.criteria)
        object.add("application_process", applicationProcess(service.eligibility.referral))
        object.add("wait_time", service.waitingTime.map(Self.waitTimeText))
        if let organisation = nestedOrganisations[service.organisation] {
            object.add("organization", organisation)
        }
        object.add("contacts", contacts(service, serviceID: serviceID))
        object.add("schedules", service.schedule.enumerated().map { index, hours in
            schedule(hours, id: ids.make("service/\(service.slug)/schedule/\(index + 1)"), serviceID: serviceID)
        })
        object.add("service_areas", [serviceArea(service.eligibility.residence, service: service, serviceID: serviceID)])
        object.add("service_at_locations", serviceAtLocations(service))
        object.add("languages", service.languages.map { language in
            var item = JSONObjectBuilder()
            item.add("id", ids.make("service/\(service.slug)/language/\(language.value)"))
            item.add("service_id", serviceID)
            item.add("name", language.englishName)
            item.add("code", language.value)
            return item.value
        })
        object.add("cost_options", costOptions(service, serviceID: serviceID))
        object.add("attributes", attributes(service, serviceID: serviceID))
        return object.value
    }

    private func oneToOneFields(_ service: Service, description: String? = nil) -> JSONObjectBuilder {
        var object = JSONObjectBuilder()
        object.add("id", ids.service(service.slug))
        object.add("organization_id", ids.organisation(service.organisation))
        object.add("name", service.title)
        object.add("description", description ?? self.description(summary: service.summary, body: service.body.text, folder: "services"))
        object.add("url", addresses.service(service.slug))
        object.add("email", service.contact.email?.value)
        object.add("status", "active")
        object.add("minimum_age", service.eligibility.age.min)
        object.add("maximum_age", service.eligibility.age.max)
        object.add("assured_date", service.lastReviewed.description)
        object.add("assurer_email", site.feedbackEmail.value)
        object.add("last_modified", "\(service.lastReviewed)T00:00:00Z")
        return object
    }

    /// The summary, a blank line, then the body: the import splits them again at the first blank line.
    func description(summary: String?, body: String, folder: String) -> String {
        let markdown = links.rewrite(body, folder: folder).trimmingWhitespace()
        guard let summary else { return markdown }
        return markdown.isEmpty ? summary : summary + "\n\n" + markdown
    }

    private func feesDescription(_ cost: Cost) -> String {
        switch cost {
        case .free: "Free"
        case .charged(let options):
            options.map { "\($0.formattedAmount) per \($0.per.rawValue): \($0.description)" }.joined(separator: "; ")
        }
    }

    private func applicationProcess(_ referral: [ReferralRoute]) -> String {
        let who = referral.map(\.title)
        guard let last = who.last else { return "" }
        let list = who.count == 1 ? last : who.dropLast().joined(separator: ", ") + " or " + last
        return "The service can be asked for by \(list)."
    }

    static func waitTimeText(_ waiting: WaitingTime) -> String {
        "About \(waiting.weeks) week\(waiting.weeks == 1 ? "" : "s") (as of \(waiting.asOf.longForm))"
    }

    private func contacts(_ service: Service, serviceID: String) -> [JSONValue] {
        let contact = service.contact
        var phones: [JSONValue] = []
        let base = "service/\(service.slug)/contact"
        for (kind, number) in [("voice", contact.phone), ("textphone", contact.textphone)] {
            guard let number else { continue }
            var phone = JSONObjectBuilder()
            phone.add("id", ids.make("\(base)/phone/\(kind)"))
            phone.add("number", number.display)
            phone.add("type", kind)
            phones.append(phone.value)
        }
        guard contact.name != nil || contact.email != nil || !phones.isEmpty else { return [] }
        var object = JSONObjectBuilder()
        object.add("id", ids.make(base))
        object.add("service_id", serviceID)
        object.add("name", contact.name)
        object.add("email", contact.email?.value)
        object.add("phones", phones)
        return [object.value]
    }

    private func schedule(_ hours: OpeningHours, id: String, serviceID: String) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", id)
        object.add("service_id", serviceID)
        object.add("freq", "WEEKLY")
        object.add("byday", hours.days.sorted().map(Self.rruleDay).joined(separator: ","))
        object.add("opens_at", "\(hours.opens):00")
        object.add("closes_at", "\(hours.closes):00")
        object.add("description", "\(hours.daysDescription), \(hours.opens.spoken) to \(hours.closes.spoken)")
        return object.value
    }

    static func rruleDay(_ day: Weekday) -> String {
        String(day.rawValue.prefix(2)).uppercased()
    }

    static let anywhereAreaName = "No restriction"

    private func serviceArea(_ residence: Residence, service: Service, serviceID: String) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", ids.make("service/\(service.slug)/service-area"))
        object.add("service_id", serviceID)
        switch residence {
        case .local:
            object.add("name", site.council)
            object.add("description", "For children and young people who live in \(site.council) or are registered with a GP there.")
        case .any:
            object.add("name", Self.anywhereAreaName)
            object.add("description", "For children and young people wherever they live.")
        }
        return object.value
    }

    private func serviceAtLocations(_ service: Service) -> [JSONValue] {
        serviceLocations(service).map { entry in
            var object = JSONObjectBuilder()
            object.add("id", entry.id)
            object.add("service_id", ids.service(service.slug))
            object.add("location_id", entry.locationID)
            object.add("location", entry.location)
            return object.value
        }
    }

    /// A service's places, in a fixed order: its locations, then the contact's postal address, then its website.
    func serviceLocations(_ service: Service) -> [(id: String, locationID: String, location: JSONValue)] {
        var result: [(String, String, JSONValue)] = []
        let base = "service/\(service.slug)"
        for (index, place) in service.locations.enumerated() {
            let key = "\(base)/location/\(index + 1)"
            let locationID = ids.make(key)
            var location = JSONObjectBuilder()
            location.add("id", locationID)
            location.add("location_type", "physical")
            location.add("name", place.name)
            location.add("addresses", [address(place.address, id: ids.make("\(key)/address"), locationID: locationID, type: "physical")])
            location.add("accessibility", place.accessibility.map { feature in
                var item = JSONObjectBuilder()
                item.add("id", ids.make("\(key)/accessibility/\(feature.rawValue)"))
                item.add("location_id", locationID)
                item.add("description", feature.title)
                return item.value
            })
            result.append((ids.make("\(key)/service-at-location"), locationID, location.value))
        }
        if let postal = service.contact.address {
            let key = "\(base)/contact/address"
            let locationID = ids.make(key)
            var location = JSONObjectBuilder()
            location.add("id", locationID)
            location.add("location_type", "postal")
            location.add("name", service.contact.name ?? "Postal address")
            location.add("addresses", [address(postal, id: ids.make("\(key)/address"), locationID: locationID, type: "postal")])
            result.append((ids.make("\(key)/service-at-location"), locationID, location.value))
        }
        if let website = service.contact.website {
            let key = "\(base)/contact/website"
            let locationID = ids.make(key)
            var location = JSONObjectBuilder()
            location.add("id", locationID)
            location.add("location_type", "virtual")
            location.add("name", "Website")
            location.add("url", website.value)
            result.append((ids.make("\(key)/service-at-location"), locationID, location.value))
        }
        return result
    }

    private func address(_ address: PostalAddress, id: String, locationID: String, type: String) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", id)
        object.add("location_id", locationID)
        object.add("address_1", address.line1)
        object.add("address_2", address.line2)
        object.add("city", address.town)
        // UK addresses have no state; the town is the nearest thing the content holds.
        object.add("state_province", address.town)
        object.add("postal_code", address.postcode.value)
        object.add("country", "GB")
        object.add("address_type", type)
        return object.value
    }

    private func costOptions(_ service: Service, serviceID: String) -> [JSONValue] {
        let base = "service/\(service.slug)/cost"
        switch service.cost {
        case .free:
            var object = JSONObjectBuilder()
            object.add("id", ids.make("\(base)/free"))
            object.add("service_id", serviceID)
            object.add("option", "Free")
            object.add("amount", JSONValue.integer(0))
            object.add("currency", "GBP")
            return [object.value]
        case .charged(let options):
            return options.enumerated().map { index, option in
                var object = JSONObjectBuilder()
                object.add("id", ids.make("\(base)/\(index + 1)"))
                object.add("service_id", serviceID)
                object.add("option", option.description)
                object.add("amount", JSONValue.number(Self.pounds(option.amountInPence)))
                object.add("currency", "GBP")
                object.add("amount_description", "per \(option.per.rawValue)")
                return object.value
            }
        }
    }

    /// 1250 → "12.5", 1200 → "12", 1205 → "12.05": a JSON number, exact.
    static func pounds(_ pence: Int) -> String {
        let whole = pence / 100
        let fraction = pence % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private func attributes(_ service: Service, serviceID: String) -> [JSONValue] {
        terms(service).map { attribute($0, linkID: serviceID, linkEntity: "service", idBase: "service/\(service.slug)") }
    }

    /// The taxonomy terms that classify a service: its topics, areas of need, level, EHC plan, who can
    /// refer, commissioners and conditions.
    func terms(_ service: Service) -> [Vocabularies.Term] {
        var terms: [Vocabularies.Term] = service.categories.compactMap { vocabularies.term(vocabularies.topics, code: $0) }
        terms += service.eligibility.needs.compactMap { vocabularies.term(Vocabularies.areasOfNeed, code: $0.rawValue) }
        terms += [vocabularies.term(Vocabularies.serviceLevel, code: service.level.rawValue)].compactMap { $0 }
        terms += [vocabularies.term(Vocabularies.ehcPlan, code: service.eligibility.ehcPlan.rawValue)].compactMap { $0 }
        terms += service.eligibility.referral.compactMap { vocabularies.term(Vocabularies.referral, code: $0.rawValue) }
        terms += service.commissionedBy.compactMap { vocabularies.term(Vocabularies.commissioners, code: $0.rawValue) }
        if service.personalBudget { terms += [vocabularies.term(Vocabularies.conditions, code: "personal-budget")].compactMap { $0 } }
        if service.eligibility.diagnosisRequired {
            terms += [vocabularies.term(Vocabularies.conditions, code: "diagnosis-required")].compactMap { $0 }
        }
        return terms
    }

    func attribute(_ term: Vocabularies.Term, linkID: String, linkEntity: String, idBase: String) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", ids.make("\(idBase)/attribute/\(term.taxonomyKey)/\(term.code)"))
        object.add("link_id", linkID)
        object.add("taxonomy_term_id", term.id)
        object.add("link_type", linkEntity)
        object.add("link_entity", linkEntity)
        object.add("taxonomy_term", taxonomyTerm(term))
        return object.value
    }

    func taxonomyTerm(_ term: Vocabularies.Term) -> JSONValue {
        let taxonomy = vocabularies.all.first { $0.key == term.taxonomyKey }
        var object = JSONObjectBuilder()
        object.add("id", term.id)
        object.add("code", term.code)
        object.add("name", term.name)
        object.add("description", term.description)
        object.add("taxonomy", taxonomy?.name)
        object.add("taxonomy_id", taxonomy?.id)
        return object.value
    }

    // MARK: Organisations

    func organisation(_ organisation: Organisation, nested: Bool) -> JSONValue {
        let organisationID = ids.organisation(organisation.slug)
        var object = JSONObjectBuilder()
        object.add("id", organisationID)
        object.add("name", organisation.name)
        object.add("description", organisationDescriptions[organisation.slug] ?? organisation.name)
        object.add("email", organisation.contact.email?.value)
        object.add("website", (organisation.website ?? organisation.contact.website)?.value)
        object.add("uri", addresses.organisation(organisation.slug))
        if let number = organisation.contact.phone {
            var phone = JSONObjectBuilder()
            phone.add("id", ids.make("organisation/\(organisation.slug)/phone"))
            phone.add("organization_id", organisationID)
            phone.add("number", number.display)
            phone.add("type", "voice")
            object.add("phones", [phone.value])
        }
        if let type = organisation.type, let term = vocabularies.term(Vocabularies.organisationTypes, code: type.rawValue) {
            object.add("attributes", [attribute(term, linkID: organisationID, linkEntity: "organization",
                                                idBase: "organisation/\(organisation.slug)")])
        }
        return object.value
    }
}
