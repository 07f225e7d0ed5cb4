import LocalOfferDiagnostics
import Yams

extension DecodingContext {
    func contact(_ field: Field) -> Contact? {
        guard let fields = mapping(field, of: FieldCatalogue.contact) else { return nil }
        var contact = Contact()
        contact.name = fields.optional("name").flatMap(boundedText)
        contact.phone = fields.optional("phone").flatMap(self.phone)
        contact.textphone = fields.optional("textphone").flatMap(self.phone)
        contact.email = fields.optional("email").flatMap(self.email)
        contact.website = fields.optional("website").flatMap(self.website)
        contact.address = fields.optional("address").flatMap(self.address)
        if !fields.has("phone") && !fields.has("email") && !fields.has("website") {
            missing(.noContactMethod, "'\(field.name)' has no phone, email or website", at: fields.anchorNode,
                  hint: "add at least one of 'phone', 'email' or 'website' so families can get in touch")
        }
        return contact
    }

    func phone(_ field: Field) -> PhoneNumber? {
        guard let raw = text(field) else { return nil }
        guard let number = PhoneNumber(raw) else {
            error(.invalidPhone, "'\(field.name)' is '\(raw)', which is not a UK phone number", at: field.node,
                  hint: "write a full number with its area code, for example 020 7946 0000 or +44 20 7946 0000")
            return nil
        }
        return number
    }

    func email(_ field: Field) -> EmailAddress? {
        guard let raw = text(field) else { return nil }
        guard let address = EmailAddress(raw) else {
            error(.invalidEmail, "'\(field.name)' is '\(raw)', which is not an email address", at: field.node,
                  hint: "write it as name@example.org, with no spaces")
            return nil
        }
        return address
    }

    func website(_ field: Field) -> WebAddress? {
        guard let raw = text(field) else { return nil }
        switch WebAddress.parse(raw) {
        case .success(let address):
            if !address.isSecure {
                warning(.insecureWebsite, "'\(field.name)' uses http://, which is not secure", at: field.node,
                        hint: "use https:// if the site supports it")
            }
            return address
        case .failure(.schemeNotAllowed(let scheme)):
            error(.unsafeWebsite, "'\(field.name)' uses '\(scheme):', which is not allowed", at: field.node,
                  hint: "only https:// web addresses are published")
            return nil
        case .failure(.notAbsolute):
            error(.unsafeWebsite, "'\(field.name)' is '\(raw)', which is not a full web address", at: field.node,
                  hint: "write the whole address, starting with https://")
            return nil
        }
    }

    func address(_ field: Field) -> PostalAddress? {
        guard let fields = mapping(field, of: FieldCatalogue.address) else { return nil }
        let line1 = fields.required("line1").flatMap(boundedText)
        let line2 = fields.optional("line2").flatMap(boundedText)
        let town = fields.required("town").flatMap(boundedText)
        let postcode = fields.required("postcode").flatMap(self.postcode)
        guard let line1, let town, let postcode else { return nil }
        return PostalAddress(line1: line1, line2: line2, town: town, postcode: postcode)
    }

    func postcode(_ field: Field) -> Postcode? {
        guard let raw = text(field) else { return nil }
        guard let postcode = Postcode(raw) else {
            error(.invalidPostcode, "'\(field.name)' is '\(raw)', which is not a UK postcode", at: field.node,
                  hint: "write it like N22 8HQ or SW1A 1AA")
            return nil
        }
        return postcode
    }
}
