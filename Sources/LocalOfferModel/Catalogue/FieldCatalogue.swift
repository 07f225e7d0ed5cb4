/// Every field of every kind of content file, in one place. The decoder takes each mapping's
/// allowed keys from here; `localoffer schema` writes schema/*.schema.json and the field tables of
/// docs/content-format.md from here; and the catalogue tests hold the decoder to what is written
/// here (every example decodes, every bound and vocabulary is the one the decoder enforces).
///
/// To change a field: change it here and in the decoder, then run `make schema`.
public enum FieldCatalogue {
    /// The kinds, in the order of the docs: one schema file each.
    public static let kinds: [CatalogueKind] = [service, organisation, page, site, glossary, synonyms]

    public static func kind(_ id: String) -> CatalogueKind? {
        kinds.first { $0.id == id }
    }

    // MARK: Shared by several kinds

    public static let address = CatalogueMapping(definition: "address", "A postal address.", [
        CatalogueField("line1", .text(length: 2...120), .required, "First line of the address: building or street.",
                       example: .text("12 Elm Road")),
        CatalogueField("line2", .text(length: 1...120), .optional, "Optional second line of the address.",
                       example: .text("Kingsmere Park")),
        CatalogueField("town", .text(length: 2...60), .required, "Town or city.", example: .text("London")),
        CatalogueField("postcode", .value(.postcode), .required, "Postcode, such as KM2 3CD.", example: .text("KM2 3CD")),
    ])

    public static let contact = CatalogueMapping(
        definition: "contact", "How to get in touch: at least one of phone, email or website.",
        atLeastOneOf: ["phone", "email", "website"], [
            CatalogueField("name", .text(length: 2...120), .optional,
                           "A team or role, such as Children's Therapy Service; never a private person.",
                           example: .text("Children's Therapy Service")),
            CatalogueField("phone", .value(.phone), .optional, "Phone number, a UK number such as 020 7946 0123.",
                           example: .text("020 7946 0123")),
            CatalogueField("textphone", .value(.phone), .optional, "Textphone number, such as 18001 020 7946 0123 (Relay UK).",
                           example: .text("18001 020 7946 0123")),
            CatalogueField("email", .value(.email), .optional, "Email address of the team.",
                           example: .text("therapies@kingsmere.example.org")),
            CatalogueField("website", .value(.webAddress), .optional, "Web page about the service or team, starting https://.",
                           example: .text("https://kingsmere.example.org/therapies")),
            CatalogueField("address", .mapping(address), .optional, "Postal address for letters or visits."),
        ]
    )
}

extension FieldCatalogue {
    /// The mappings every schema that uses them holds in its `$defs`, in the order written there.
    static let sharedMappings: [CatalogueMapping] = [address, contact]
}
