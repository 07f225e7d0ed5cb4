import Foundation
import LocalOfferModel
import LocalOfferOutput
import LocalOfferParallel

/// The static Open Referral UK 3.0 endpoint, written into `openreferral/`: files any static web
/// host serves at the extensionless addresses the ORUK validator and the DfE's importer request.
///
/// | Address | File |
/// | --- | --- |
/// | `{base}/` | `openreferral/index.html` (JSON: version, profile, openapi_url) |
/// | `{base}/services` (any `?page=`) | `openreferral/services/index.html` (every service on one page) |
/// | `{base}/services/{id}` | `openreferral/services/{id}` (an extensionless JSON file) |
/// | `{base}/organizations`, `/taxonomies`, `/taxonomy_terms`, `/service_at_locations` | the same layout |
///
/// A list is a folder's `index.html` because its items live below it (`services/{id}`): every
/// static host serves `index.html` for a folder, answering `/services` directly or after one
/// redirect to `/services/`. Items are extensionless files, answered with no redirect.
/// The README says which Content-Type and CORS headers to set.
///
/// ```swift
/// let files = ORUKFeed(content: content, addresses: addresses).files()
/// ```
public struct ORUKFeed: Sendable {
    public static let folder = "openreferral"
    public static let version = "HSDS-UK-3.0"
    public static let profileURL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
    public static let openAPIURL = "https://openreferraluk.org/specifications/3.0/openapi.json"

    let mapping: ORUKServiceMapping

    public init(content: SiteContent, addresses: FeedAddresses) {
        mapping = ORUKServiceMapping(content: content, addresses: addresses)
    }

    /// Every file of the endpoint, sorted by path.
    public func files() -> [OutputFile] {
        var documents: [(String, JSONValue)] = [("index.html", root)]
        documents.append(("services/index.html", servicesPage))
        documents += servicesByID
        documents += organisationEndpoint
        documents += taxonomyEndpoints
        documents += serviceAtLocationEndpoint
        return documents
            .compactMap { path, json in OutputFile(path: Self.folder + "/" + path, text: json.serialized() + "\n") }
            .sorted { $0.path < $1.path }
    }

    /// The root document: without it the validator silently judges a feed by the ORUK 1.0 rules.
    public var root: JSONValue {
        .object([("version", .string(Self.version)), ("profile", .string(Self.profileURL)), ("openapi_url", .string(Self.openAPIURL))])
    }

    /// Published services in slug order: the order of the list, and of the ids in it.
    var services: [Service] { mapping.content.services }

    public var servicesPage: JSONValue { Self.page(services.map(mapping.serviceSummary)) }

    /// `/services/{id}` for every published service, fully nested; built in parallel.
    public var servicesByID: [(String, JSONValue)] {
        services.parallelMap { service in ("services/" + mapping.ids.service(service.slug), mapping.service(service)) }
    }

    /// The service document for one service, as `/services/{id}` publishes it.
    public func service(_ service: Service) -> JSONValue { mapping.service(service) }

    private var publishedOrganisations: [Organisation] {
        let used = Set(services.map(\.organisation))
        return mapping.content.organisations.filter { used.contains($0.slug) }.sorted { $0.slug < $1.slug }
    }

    private var organisationEndpoint: [(String, JSONValue)] {
        let organisations = publishedOrganisations
        var servicesByOrganisation: [String: [Service]] = [:]
        for service in services { servicesByOrganisation[service.organisation, default: []].append(service) }
        var documents: [(String, JSONValue)] = [("organizations/index.html", Self.page(organisations.map { mapping.organisation($0, nested: true) }))]
        for organisation in organisations {
            guard case .object(var members) = mapping.organisation(organisation, nested: false) else { continue }
            let owned = servicesByOrganisation[organisation.slug] ?? []
            members.append(("services", .array(owned.map { service in
                .object([("id", .string(mapping.ids.service(service.slug))), ("name", .string(service.title))])
            })))
            documents.append(("organizations/" + mapping.ids.organisation(organisation.slug), .object(members)))
        }
        return documents
    }

    private var taxonomyEndpoints: [(String, JSONValue)] {
        let taxonomies = mapping.vocabularies.all
        var documents: [(String, JSONValue)] = [("taxonomies/index.html", Self.page(taxonomies.map { taxonomy($0, withTerms: false) }))]
        for taxonomy in taxonomies {
            documents.append(("taxonomies/" + taxonomy.id, self.taxonomy(taxonomy, withTerms: true)))
        }
        let terms = taxonomies.flatMap(\.terms)
        documents.append(("taxonomy_terms/index.html", Self.page(terms.map(mapping.taxonomyTerm))))
        for term in terms {
            documents.append(("taxonomy_terms/" + term.id, mapping.taxonomyTerm(term)))
        }
        return documents
    }

    private func taxonomy(_ taxonomy: Vocabularies.Taxonomy, withTerms: Bool) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", taxonomy.id)
        object.add("name", taxonomy.name)
        object.add("description", taxonomy.description)
        if withTerms { object.add("taxonomy_terms", taxonomy.terms.map(mapping.taxonomyTerm)) }
        return object.value
    }

    private var serviceAtLocationEndpoint: [(String, JSONValue)] {
        var list: [JSONValue] = []
        var documents: [(String, JSONValue)] = []
        for service in services {
            let serviceID = mapping.ids.service(service.slug)
            for entry in mapping.serviceLocations(service) {
                list.append(.object([("id", .string(entry.id)), ("service_id", .string(serviceID)), ("location_id", .string(entry.locationID))]))
                documents.append(("service_at_locations/" + entry.id, .object([
                    ("id", .string(entry.id)), ("service_id", .string(serviceID)), ("location_id", .string(entry.locationID)),
                    ("location", entry.location),
                ])))
            }
        }
        return [("service_at_locations/index.html", Self.page(list))] + documents
    }

    /// A whole list on one page: a static host ignores `?page=`, so page 1 is the only page.
    static func page(_ contents: [JSONValue]) -> JSONValue {
        .object([
            ("total_items", .integer(contents.count)), ("total_pages", .integer(1)), ("page_number", .integer(1)),
            ("size", .integer(contents.count)), ("first_page", .bool(true)), ("last_page", .bool(true)),
            ("empty", .bool(contents.isEmpty)), ("contents", .array(contents)),
        ])
    }
}
