extension FieldCatalogue {
    public static let organisationFields = CatalogueMapping(
        "The YAML front matter of content/organisations/<slug>.md: a provider such as an NHS trust, council team, charity or school.", [
            CatalogueField("name", .text(length: 3...120), .required, "The organisation's name, 3 to 120 characters.",
                           example: .text("Kingsmere Community Health NHS Trust")),
            CatalogueField("type", .choice(of: OrganisationType.self), .optional, "What kind of organisation it is.",
                           example: .text(OrganisationType.nhs.rawValue)),
            CatalogueField("website", .value(.webAddress), .optional, "The organisation's website, starting https://.",
                           example: .text("https://kingsmere-health.example.org")),
            CatalogueField("contact", .mapping(contact), .required,
                           "How to contact the organisation: at least one of phone, email or website."),
        ]
    )

    public static let organisation = CatalogueKind(
        id: "organisation", title: "Local Offer organisation", description: organisationFields.description,
        files: "content/organisations/<slug>.md", root: .mapping(organisationFields)
    )

    public static let pageFields = CatalogueMapping(
        "The YAML front matter of content/pages/<slug>.md, such as asking for an EHC needs assessment.", [
            CatalogueField("title", .text(length: 3...120), .required, "The page title, 3 to 120 characters.",
                           example: .text("Asking for an EHC needs assessment")),
            CatalogueField("summary", .plainText(length: 10...300), .required,
                           "One or two plain sentences (10 to 300 characters) saying what the page explains; no Markdown.",
                           example: .text("How to ask the council to assess your child's needs.")),
            CatalogueField("order", .integer(0...10_000), .optional, "Position in lists of pages: lower comes first.",
                           example: .integer(1)),
            CatalogueField("last_reviewed", .pastDate, .required, "When the page was last checked, YYYY-MM-DD, not in the future.",
                           example: .text("2026-09-01")),
        ]
    )

    public static let page = CatalogueKind(
        id: "page", title: "Local Offer information page", description: pageFields.description,
        files: "content/pages/<slug>.md", root: .mapping(pageFields)
    )

    public static let glossaryEntry = CatalogueMapping("One term.", [
        CatalogueField("term", .text(length: 1...80), .required, "The term as families meet it, such as EHC plan.",
                       example: .text("EHC plan")),
        CatalogueField("meaning", .plainText(length: 5...600), .required, "What it means, in plain English.",
                       example: .text("An education, health and care plan: a legal document describing a child's needs and the help they must get.")),
        CatalogueField("aliases", .list(of: .text(length: 1...120), item: "Another way of writing the term, such as EHCP."), .optional,
                       "Acronyms and other spellings of the term.", example: .list([.text("EHCP")])),
    ])

    public static let glossary = CatalogueKind(
        id: "glossary", title: "Local Offer glossary",
        description: "content/glossary.yml: SEND terms and their plain-English meanings (the jargon buster). Terms are unique ignoring case (checked by `localoffer check`).",
        files: "content/glossary.yml", root: .list(of: .mapping(glossaryEntry), item: "One term.")
    )

    public static let synonyms = CatalogueKind(
        id: "synonyms", title: "Local Offer search synonyms",
        description: "content/synonyms.yml: groups of words and phrases that mean the same to a family searching.",
        files: "content/synonyms.yml",
        root: .list(of: .list(of: .text(length: 1...80), item: "A word or phrase, such as short breaks.", minItems: 2,
                              example: .list([.text("respite"), .text("short breaks")])),
                    item: "A group of at least two words or phrases that mean the same.")
    )
}
