import Foundation
import LocalOfferModel
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
/// | `{base}/v1/services`, `{base}/v1/services/{id}` | the same services in the ORUK 1.0 shape |
///
/// A list is a folder's `index.html` because its items live below it (`services/{id}`): every
/// static host serves `index.html` for a folder, answering `/services` directly or after one
/// redirect to `/services/`. Items are extensionless files, answered with no redirect.
/// The README says which Content-Type and CORS headers to set.
///
/// ```swift
/// let feed = ORUKFeed(site: site, services: services, organisations: organisations, addresses: addresses)
/// for document in feed.documents() { write(document.path, document.make()) }
/// ```
public struct ORUKFeed: Sendable {
    /// One file of the endpoint, made on demand. `service` names the service a `/services/{id}`
    /// document is made from (so a build can keep it while that service is unchanged); nil for the
    /// lists and the other endpoints, which are made from everything.
    public struct Document: Sendable {
        public let path: String
        public let service: String?
        /// The file's bytes: compact JSON and a line break.
        public let make: @Sendable () -> [UInt8]
    }

    public static let folder = "openreferral"
    public static let version = "HSDS-UK-3.0"
    public static let profileURL = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
    public static let openAPIURL = "https://openreferraluk.org/specifications/3.0/openapi.json"

    let mapping: ORUKServiceMapping

    public init(site: Site, services: [Service], organisations: [Organisation], addresses: FeedAddresses) {
        mapping = ORUKServiceMapping(site: site, services: services.sorted { $0.slug < $1.slug },
                                     organisations: organisations, addresses: addresses)
    }

    public init(content: SiteContent, addresses: FeedAddresses) {
        self.init(site: content.site, services: content.services, organisations: content.organisations, addresses: addresses)
    }

    /// Every file of the endpoint, sorted by path, each made when asked for.
    public func documents() -> [Document] {
        let mapping = self.mapping
        func document(_ path: String, service: String? = nil, _ json: @escaping @Sendable () -> JSONValue) -> Document {
            Document(path: Self.folder + "/" + path, service: service) { json().serializedBytes() + [0x0A] }
        }
        var documents = [document("index.html") { Self.rootDocument }, document("services/index.html") { self.servicesPage }]
        for service in services {
            documents.append(document("services/" + mapping.ids.service(service.slug), service: service.slug) { mapping.service(service) })
        }
        // ORUK 1.0, under v1/: the list and one file per service.
        let v1 = ORUK1Mapping(v3: mapping)
        documents.append(document("v1/services/index.html") { ORUK1Mapping.page(self.services.map(v1.serviceSummary)) })
        for service in services {
            documents.append(document("v1/services/" + mapping.ids.service(service.slug), service: service.slug) { v1.service(service) })
        }
        let organisations = organisationEndpoint, taxonomies = taxonomyEndpoints, places = serviceAtLocationEndpoint
        documents += (organisations + taxonomies + places).map { path, json in document(path, json) }
        return documents.sorted { $0.path < $1.path }
    }

    /// Every file, made: path → text.
    public func files() -> [(path: String, text: String)] {
        documents().parallelMap { ($0.path, String(decoding: $0.make(), as: UTF8.self)) }
    }

    /// The root document: without it the validator silently judges a feed by the ORUK 1.0 rules.
    /// Made when asked for, not kept in a global: LeakSanitizer cannot see the pointer inside a
    /// stored multi-payload enum (Swift keeps its case in the pointer's spare bits) and reported it.
    public static var rootDocument: JSONValue {
        .object([
            ("version", .string(version)), ("profile", .string(profileURL)), ("openapi_url", .string(openAPIURL)),
        ])
    }

    /// Published services in slug order: the order of the list, and of the ids in it.
    var services: [Service] { mapping.services }

    public var servicesPage: JSONValue { Self.page(services.map(mapping.serviceSummary)) }

    /// The service document for one service, as `/services/{id}` publishes it.
    public func service(_ service: Service) -> JSONValue { mapping.service(service) }

    private var publishedOrganisations: [Organisation] {
        let used = Set(services.map(\.organisation))
        return mapping.organisations.filter { used.contains($0.slug) }.sorted { $0.slug < $1.slug }
    }

    /// Each document's JSON is made only when its file is made (a build keeps unchanged files).
    private typealias LazyDocument = (path: String, json: @Sendable () -> JSONValue)

    private var organisationEndpoint: [LazyDocument] {
        let organisations = publishedOrganisations
        let mapping = self.mapping
        var servicesByOrganisation: [String: [Service]] = [:]
        for service in services { servicesByOrganisation[service.organisation, default: []].append(service) }
        var documents: [LazyDocument] = [("organizations/index.html", { Self.page(organisations.map { mapping.organisation($0, nested: true) }) })]
        for organisation in organisations {
            let owned = servicesByOrganisation[organisation.slug] ?? []
            documents.append(("organizations/" + mapping.ids.organisation(organisation.slug), {
                guard case .object(var members) = mapping.organisation(organisation, nested: false) else { return .object([]) }
                members.append(("services", .array(owned.map { service in
                    .object([("id", .string(mapping.ids.service(service.slug))), ("name", .string(service.title))])
                })))
                return .object(members)
            }))
        }
        return documents
    }

    private var taxonomyEndpoints: [LazyDocument] {
        let taxonomies = mapping.vocabularies.all
        let mapping = self.mapping
        var documents: [LazyDocument] = [("taxonomies/index.html", { Self.page(taxonomies.map { Self.taxonomy($0, withTerms: false, mapping: mapping) }) })]
        for taxonomy in taxonomies {
            documents.append(("taxonomies/" + taxonomy.id, { Self.taxonomy(taxonomy, withTerms: true, mapping: mapping) }))
        }
        let terms = taxonomies.flatMap(\.terms)
        documents.append(("taxonomy_terms/index.html", { Self.page(terms.map(mapping.taxonomyTerm)) }))
        for term in terms {
            documents.append(("taxonomy_terms/" + term.id, { mapping.taxonomyTerm(term) }))
        }
        return documents
    }

    private static func taxonomy(_ taxonomy: Vocabularies.Taxonomy, withTerms: Bool, mapping: ORUKServiceMapping) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", taxonomy.id)
        object.add("name", taxonomy.name)
        object.add("description", taxonomy.description)
        if withTerms { object.add("taxonomy_terms", taxonomy.terms.map(mapping.taxonomyTerm)) }
        return object.value
    }

    /// Service at locations: the places of every service, worked out in parallel.
    private var serviceAtLocationEndpoint: [LazyDocument] {
        let mapping = self.mapping
        let perService = services.parallelMap { service -> [(summary: JSONValue, path: String, document: JSONValue)] in
            let serviceID = mapping.ids.service(service.slug)
            return mapping.serviceLocations(service).map { entry in
                let link: [(key: String, value: JSONValue)] = [
                    ("id", .string(entry.id)), ("service_id", .string(serviceID)), ("location_id", .string(entry.locationID)),
                ]
                return (.object(link), "service_at_locations/" + entry.id, .object(link + [("location", entry.location)]))
            }
        }.flatMap { $0 }
        let list = perService.map(\.summary)
        let listDocument: LazyDocument = ("service_at_locations/index.html", { @Sendable in Self.page(list) })
        return [listDocument] + perService.map { entry -> LazyDocument in
            let document = entry.document
            return (entry.path, { @Sendable in document })
        }
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
