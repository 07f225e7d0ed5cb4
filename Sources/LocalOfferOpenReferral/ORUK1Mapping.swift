import Foundation
import LocalOfferModel

/// The same services in the shape of Open Referral UK 1.0, which most UK feeds and readers still
/// use: `eligibilitys`, `regular_schedules` by weekday, `physical_addresses`, `service_taxonomys`,
/// and the paged `{content, totalElements, ...}` list. Ids are those of the 3.0 feed wherever the
/// object is the same (service, organisation, contact, phone, location, address, cost option), so
/// a reader of both sees one set of services.
struct ORUK1Mapping: Sendable {
    let v3: ORUKServiceMapping
    /// Each organisation as an item of the 1.0 list nests it, made once rather than once per service.
    private let listedOrganisations: [String: JSONValue]

    init(v3: ORUKServiceMapping) {
        self.v3 = v3
        listedOrganisations = v3.organisationsBySlug.mapValues { organisation in
            let firstParagraph = organisation.body.text.trimmingCharacters(in: .whitespacesAndNewlines)
                .components(separatedBy: "\n\n").first ?? ""
            return .object([
                ("id", .string(v3.ids.organisation(organisation.slug))), ("name", .string(organisation.name)),
                ("description", .string(firstParagraph.isEmpty ? organisation.name : firstParagraph)),
            ])
        }
    }

    var ids: StableID { v3.ids }

    /// An item of the 1.0 list: the core fields, with the summary as its description and the
    /// organisation's id, name and first paragraph; the full service is at `/v1/services/{id}`.
    func serviceSummary(_ service: Service) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", ids.service(service.slug))
        object.add("name", service.title)
        object.add("description", service.summary)
        object.add("url", v3.addresses.service(service.slug))
        object.add("email", service.contact.email?.value)
        object.add("status", "active")
        object.add("assured_date", service.lastReviewed.description)
        if let organisation = listedOrganisations[service.organisation] {
            object.add("organization", organisation)
        }
        return object.value
    }

    func service(_ service: Service) -> JSONValue {
        let serviceID = ids.service(service.slug)
        let base = "service/\(service.slug)"
        var object = JSONObjectBuilder()
        object.add("id", serviceID)
        object.add("name", service.title)
        object.add("description", v3.description(summary: service.summary, body: service.body.text, folder: "services"))
        object.add("url", v3.addresses.service(service.slug))
        object.add("email", service.contact.email?.value)
        object.add("status", "active")
        object.add("fees", service.cost.isFree ? "Free" : costText(service.cost))
        object.add("assured_date", service.lastReviewed.description)
        if let organisation = v3.organisationsBySlug[service.organisation] {
            object.add("organization", self.organisation(organisation))
        }
        var contacts: [JSONValue] = []
        let phones = [service.contact.phone, service.contact.textphone].enumerated().compactMap { index, number -> JSONValue? in
            guard let number else { return nil }
            return .object([("id", .string(ids.make("\(base)/contact/phone/\(index == 0 ? "voice" : "textphone")"))),
                            ("number", .string(number.display))])
        }
        if service.contact.name != nil || !phones.isEmpty {
            var contact = JSONObjectBuilder()
            contact.add("id", ids.make("\(base)/contact"))
            contact.add("name", service.contact.name)
            contact.add("phones", phones)
            contacts.append(contact.value)
        }
        object.add("contacts", contacts)
        object.add("cost_options", costOptions(service))
        var eligibility = JSONObjectBuilder()
        eligibility.add("id", ids.make("\(base)/eligibility"))
        // 1.0's eligibility text is "the rule or description of the eligibility requirement": the criteria.
        eligibility.add("eligibility", service.eligibility.criteria)
        eligibility.add("minimum_age", service.eligibility.age.min)
        eligibility.add("maximum_age", service.eligibility.age.max)
        object.add("eligibilitys", [eligibility.value])
        object.add("languages", service.languages.map { language in
            .object([("id", .string(ids.make("\(base)/language/\(language.value)"))), ("language", .string(language.englishName))])
        })
        object.add("regular_schedules", service.schedule.enumerated().flatMap { index, hours in
            hours.days.sorted().map { day in
                JSONValue.object([
                    ("id", .string(ids.make("\(base)/schedule/\(index + 1)/\(day.rawValue)"))), ("service_id", .string(serviceID)),
                    ("weekday", .string(day.title)), ("opens_at", .string("\(hours.opens):00")), ("closes_at", .string("\(hours.closes):00")),
                ])
            }
        })
        object.add("service_areas", [.object([
            ("id", .string(ids.make("\(base)/service-area"))),
            ("service_area", .string(service.eligibility.residence == .local ? v3.site.council : ORUKServiceMapping.anywhereAreaName)),
        ])])
        object.add("service_at_locations", service.locations.enumerated().map { index, place in
            let key = "\(base)/location/\(index + 1)"
            var address = JSONObjectBuilder()
            address.add("id", ids.make("\(key)/address"))
            address.add("address_1", place.address.line1)
            address.add("address_2", place.address.line2)
            address.add("city", place.address.town)
            address.add("state_province", place.address.town)
            address.add("postal_code", place.address.postcode.value)
            address.add("country", "GB")
            var location = JSONObjectBuilder()
            location.add("id", ids.make(key))
            location.add("name", place.name)
            location.add("physical_addresses", [address.value])
            location.add("accessibility_for_disabilities", place.accessibility.map { feature in
                .object([("id", .string(ids.make("\(key)/accessibility/\(feature.rawValue)"))), ("accessibility", .string(feature.title))])
            })
            return .object([("id", .string(ids.make("\(key)/service-at-location"))), ("location", location.value)])
        })
        object.add("service_taxonomys", v3.terms(service).map { term in
            let taxonomy = v3.vocabularies.all.first { $0.key == term.taxonomyKey }
            var item = JSONObjectBuilder()
            item.add("id", term.id)
            item.add("name", term.name)
            item.add("vocabulary", taxonomy?.name)
            return .object([("id", .string(ids.make("\(base)/attribute/\(term.taxonomyKey)/\(term.code)"))), ("taxonomy", item.value)])
        })
        return object.value
    }

    private func organisation(_ organisation: Organisation) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", ids.organisation(organisation.slug))
        object.add("name", organisation.name)
        object.add("description", v3.organisationDescriptions[organisation.slug] ?? organisation.name)
        object.add("email", organisation.contact.email?.value)
        object.add("url", (organisation.website ?? organisation.contact.website)?.value)
        object.add("uri", v3.addresses.organisation(organisation.slug))
        return object.value
    }

    private func costText(_ cost: Cost) -> String {
        guard case .charged(let options) = cost else { return "Free" }
        return options.map { "\($0.formattedAmount) per \($0.per.rawValue): \($0.description)" }.joined(separator: "; ")
    }

    private func costOptions(_ service: Service) -> [JSONValue] {
        let base = "service/\(service.slug)/cost"
        switch service.cost {
        case .free:
            return [.object([("id", .string(ids.make("\(base)/free"))), ("option", .string("Free")), ("amount", .integer(0))])]
        case .charged(let options):
            return options.enumerated().map { index, option in
                .object([
                    ("id", .string(ids.make("\(base)/\(index + 1)"))), ("option", .string(option.description)),
                    ("amount", .number(ORUKServiceMapping.pounds(option.amountInPence))),
                    ("amount_description", .string("per \(option.per.rawValue)")),
                ])
            }
        }
    }

    /// The ORUK 1.0 list: every service on one page, in the paged shape 1.0 readers expect.
    static func page(_ contents: [JSONValue]) -> JSONValue {
        .object([
            ("totalElements", .integer(contents.count)), ("totalPages", .integer(1)), ("number", .integer(1)),
            ("size", .integer(contents.count)), ("first", .bool(true)), ("last", .bool(true)), ("empty", .bool(contents.isEmpty)),
            ("content", .array(contents)),
        ])
    }
}
