import LocalOfferModel

/// A contact block: `tel:` in E.164, `mailto:`, the web address as read aloud, the address with a map link.
struct ContactView {
    struct Phone {
        let display: String
        let href: String
    }

    struct Email {
        let address: String
        let href: String
    }

    struct Website {
        let href: String
        let readable: String
    }

    struct Address {
        let lines: [String]
        let mapURL: String
    }

    let name: String?
    let phone: Phone?
    let textphone: Phone?
    let email: Email?
    let website: Website?
    let address: Address?

    init(_ contact: Contact) {
        name = contact.name
        phone = contact.phone.map { Phone(display: $0.display, href: "tel:" + $0.e164) }
        textphone = contact.textphone.map { Phone(display: $0.display, href: "tel:" + $0.e164) }
        email = contact.email.map { Email(address: $0.value, href: "mailto:" + $0.value) }
        website = contact.website.map { Website(href: $0.value, readable: $0.readable) }
        address = contact.address.map { Address(lines: $0.lines, mapURL: Self.mapURL(for: $0)) }
    }

    /// OpenStreetMap search for the address: no API key, no tracking script, works everywhere.
    static func mapURL(for address: PostalAddress) -> String {
        "https://www.openstreetmap.org/search?query=" + MailtoEncoding.encode(address.singleLine)
    }
}
