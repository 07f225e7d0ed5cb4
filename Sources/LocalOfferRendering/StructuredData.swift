import Foundation
import LocalOfferModel

/// schema.org JSON-LD, so search engines can show a service's contact details and audience.
enum StructuredData {
    static func service(_ service: Service, organisationName: String, url: String, council: String) -> String {
        var provider: [String: Any] = ["@type": "Organization", "name": organisationName]
        if let phone = service.contact.phone { provider["telephone"] = phone.e164 }
        if let email = service.contact.email { provider["email"] = email.value }
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Service",
            "name": service.title,
            "description": service.summary,
            "url": url,
            "provider": provider,
            "areaServed": council,
            "audience": [
                "@type": "PeopleAudience",
                "suggestedMinAge": service.eligibility.age.min,
                "suggestedMaxAge": service.eligibility.age.max,
            ] as [String: Any],
        ]
        if let website = service.contact.website {
            object["availableChannel"] = ["@type": "ServiceChannel", "serviceUrl": website.value]
        }
        if service.cost.isFree {
            object["offers"] = ["@type": "Offer", "price": "0", "priceCurrency": "GBP"]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let json = String(data: data, encoding: .utf8) else { return "{}" }
        return scriptSafe(json)
    }

    /// JSON inside `<script>` must not contain `</script>` or `<!--`; escaping `<`, `>` and `&`
    /// as Unicode escapes keeps it valid JSON and inert HTML.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
