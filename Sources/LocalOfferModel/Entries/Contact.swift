/// How to reach a service or organisation. At least one of phone, email or website is present
/// (the validator guarantees it).
public struct Contact: Sendable, Hashable, Codable {
    /// A team or role, never a private person.
    public var name: String?
    public var phone: PhoneNumber?
    public var textphone: PhoneNumber?
    public var email: EmailAddress?
    public var website: WebAddress?
    public var address: PostalAddress?

    public init(
        name: String? = nil, phone: PhoneNumber? = nil, textphone: PhoneNumber? = nil,
        email: EmailAddress? = nil, website: WebAddress? = nil, address: PostalAddress? = nil
    ) {
        self.name = name
        self.phone = phone
        self.textphone = textphone
        self.email = email
        self.website = website
        self.address = address
    }
}

public struct PostalAddress: Sendable, Hashable, Codable {
    public var line1: String
    public var line2: String?
    public var town: String
    public var postcode: Postcode

    public init(line1: String, line2: String? = nil, town: String, postcode: Postcode) {
        self.line1 = line1
        self.line2 = line2
        self.town = town
        self.postcode = postcode
    }

    public var lines: [String] { [line1, line2, town, postcode.value].compactMap { $0 } }
    public var singleLine: String { lines.joined(separator: ", ") }
}
