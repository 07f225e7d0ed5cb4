import LocalOfferModel
import LocalOfferText

/// schema.org JSON-LD, so search engines can show a service's contact details and audience.
/// Written by hand (members sorted by name), which is many times faster than a JSON encoder per page.
enum StructuredData {
    static func service(_ service: Service, organisationName: String, url: String, council: String) -> String {
        var provider: [(String, String)] = [("@type", JSONText.string("Organization"))]
        if let email = service.contact.email { provider.append(("email", JSONText.string(email.value))) }
        provider.append(("name", JSONText.string(organisationName)))
        if let phone = service.contact.phone { provider.append(("telephone", JSONText.string(phone.e164))) }

        var members: [(String, String)] = [
            ("@context", JSONText.string("https://schema.org")),
            ("@type", JSONText.string("Service")),
            ("areaServed", JSONText.string(council)),
            ("audience", JSONText.object([
                ("@type", JSONText.string("PeopleAudience")),
                ("suggestedMaxAge", String(service.eligibility.age.max)),
                ("suggestedMinAge", String(service.eligibility.age.min)),
            ])),
        ]
        if let website = service.contact.website {
            members.append(("availableChannel", JSONText.object([
                ("@type", JSONText.string("ServiceChannel")), ("serviceUrl", JSONText.string(website.value)),
            ])))
        }
        members.append(("description", JSONText.string(service.summary)))
        members.append(("name", JSONText.string(service.title)))
        if service.cost.isFree {
            members.append(("offers", JSONText.object([
                ("@type", JSONText.string("Offer")), ("price", JSONText.string("0")), ("priceCurrency", JSONText.string("GBP")),
            ])))
        }
        members.append(("provider", JSONText.object(provider)))
        members.append(("url", JSONText.string(url)))
        return JSONText.object(members)
    }
}
