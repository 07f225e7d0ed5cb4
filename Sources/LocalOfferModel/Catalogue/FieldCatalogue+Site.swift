extension FieldCatalogue {
    public static let category = CatalogueMapping("One category.", [
        CatalogueField("id", .value(.slug), .required, "The category id services use in their categories list.",
                       example: .text("health")),
        CatalogueField("title", .text(length: 3...80), .required, "The category's title.", example: .text("Health")),
        CatalogueField("description", .plainText(length: 10...300), .required, "One plain sentence describing the category.",
                       example: .text("Therapies, nursing and other health services.")),
    ])

    public static let accessibilityStatement = CatalogueMapping("Data for the accessibility statement page.", [
        CatalogueField("standard", .text(length: 3...60), .required, "The standard tested against, such as WCAG 2.2 AA.",
                       example: .text("WCAG 2.2 AA")),
        CatalogueField("status", .choice(of: ComplianceStatus.self), .required, "How far the site meets the standard.",
                       example: .text(ComplianceStatus.partiallyCompliant.rawValue)),
        CatalogueField("known_issues", .list(of: .plainText(length: 5...500), item: "One known problem and what to do instead."), .optional,
                       "Known accessibility problems, in plain sentences (may be empty).",
                       example: .list([.text("Some older PDF documents are not fully accessible.")])),
        CatalogueField("tested_on", .pastDate, .required, "When the site was last tested, YYYY-MM-DD.", example: .text("2026-10-01")),
        CatalogueField("tested_by", .text(length: 2...200), .optional, "Who tested the site.", example: .text("The council's digital team")),
        CatalogueField("prepared_on", .pastDate, .required, "When the statement was prepared, YYYY-MM-DD.", example: .text("2026-10-05")),
        CatalogueField("last_reviewed", .pastDate, .required, "When the statement was last reviewed, YYYY-MM-DD.",
                       example: .text("2026-10-05")),
        CatalogueField("response_days", .integer(1...60), .optional(defaultValue: .integer(10)),
                       "Working days to answer an accessibility request. Default 10.", example: .integer(10)),
    ])

    public static let searchSettings = CatalogueMapping("How search reads families' queries. Optional: built-in defaults apply without it.", [
        CatalogueField("ignore_words", .list(of: .word(length: 1...30), item: "A single word: letters and digits, no spaces or punctuation.", unique: true),
                       .optional,
                       "Words families type that say nothing about the service they want (\"mum\", \"please\"). Search ignores them unless they are part of a known phrase. Added to the built-in list (see docs/content-format.md).",
                       example: .list([.text("mum"), .text("dad")])),
        CatalogueField("default_ignore_words", .boolean, .optional(defaultValue: .boolean(true)),
                       "false leaves out the built-in list of ignored words (\"my\", \"child\", \"help\"…), so that only ignore_words apply. Default true.",
                       example: .boolean(true)),
    ])

    public static let siteFields = CatalogueMapping(
        "content/site.yml: the site's names and addresses, categories and accessibility statement data.", [
            CatalogueField("name", .text(length: 3...80), .required, "The site's name, shown in the header and page titles.",
                           example: .text("Kingsmere Local Offer")),
            CatalogueField("council", .text(length: 3...120), .required, "The council that publishes the Local Offer.",
                           example: .text("London Borough of Kingsmere")),
            CatalogueField("base_url", .value(.webAddress), .required,
                           "The site's canonical public address, used in the sitemap and structured data.",
                           example: .text("https://localoffer.kingsmere.example.org/")),
            CatalogueField("language", .value(.languageTag), .required, "The site's language, en-GB for British English.",
                           example: .text("en-GB")),
            CatalogueField("feedback_email", .value(.email), .required, "Where 'Report a problem with this page' messages go.",
                           example: .text("localoffer@kingsmere.example.org")),
            CatalogueField("contact", .mapping(contact), .optional, "The Local Offer team's contact details."),
            CatalogueField("categories", .list(of: .mapping(category), item: "One category.", minItems: 1), .required,
                           "The categories services are grouped in; ids are unique slugs."),
            CatalogueField("accessibility", .mapping(accessibilityStatement), .optional, "Data for the accessibility statement page."),
            CatalogueField("report_in_navigation", .boolean, .optional(defaultValue: .boolean(false)),
                           "true to link the commissioners' report (/reports/) from every page's footer; by default it is published but not linked from the families' navigation.",
                           example: .boolean(false)),
            CatalogueField("search", .mapping(searchSettings), .optional,
                           "How search reads families' queries. Optional: built-in defaults apply without it."),
        ]
    )

    public static let site = CatalogueKind(
        id: "site", title: "Local Offer site", description: siteFields.description, files: "content/site.yml", root: .mapping(siteFields)
    )
}
