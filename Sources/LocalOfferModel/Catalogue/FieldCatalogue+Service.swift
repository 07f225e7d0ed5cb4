extension FieldCatalogue {
    public static let ageRange = CatalogueMapping("Ages in whole years, from min to max (0 to 25).", [
        CatalogueField("min", .integer(0...25), .required, "Youngest age in whole years, 0 to 25.", example: .integer(0)),
        CatalogueField("max", .integer(0...25), .required, "Oldest age in whole years, 0 to 25, not less than min.",
                       example: .integer(25)),
    ])

    public static let ehcPlanFromAge = CatalogueMapping("An EHC plan is needed from an age, not before.", [
        CatalogueField("from_age", .integer(1...25), .required,
                       "The age from which an EHC plan is needed; younger children and young people do not need one. Must be above age.min and at most age.max.",
                       example: .integer(19)),
    ])

    public static let eligibility = CatalogueMapping("Who can use the service and how to be referred.", [
        CatalogueField("age", .mapping(ageRange), .requiredToPublish, "Ages in whole years, from min to max (0 to 25)."),
        CatalogueField("ehc_plan", .either([
            Alternative(.choice(of: EHCPlanRequirement.self), "Needed at every age, or not at all."),
            Alternative(.mapping(ehcPlanFromAge), "Needed only from an age: {from_age: 19}."),
        ]), .requiredToPublish,
        "Whether the child must have an EHC plan: required, not-required, or {from_age: 19} when a plan is needed only from an age (these need criteria).",
        example: .text(EHCPlanRequirement.notRequired.rawValue)),
        CatalogueField("needs", .list(of: .choice(of: AreaOfNeed.self), item: "An area of need.", minItems: 1, unique: true),
                       .optional(defaultValue: .list(AreaOfNeed.allCases.map { .text($0.rawValue) })),
                       "The SEND Code of Practice areas of need the service supports; leave out for all four.",
                       example: .list([.text(AreaOfNeed.communicationAndInteraction.rawValue)])),
        CatalogueField("diagnosis_required", .boolean, .optional(defaultValue: .boolean(false)),
                       "true if a diagnosis is needed before referral. Default false.", example: .boolean(false)),
        CatalogueField("residence", .choice(of: Residence.self), .optional(defaultValue: .text(Residence.local.rawValue)),
                       "local: lives in the borough or has a local GP; any: anyone. Default local.",
                       example: .text(Residence.local.rawValue)),
        CatalogueField("referral", .list(of: .choice(of: ReferralRoute.self), item: "A referral route.", minItems: 1, unique: true),
                       .requiredToPublish, "Who can ask for the service, at least one.",
                       example: .list([.text(ReferralRoute.parentCarer.rawValue), .text(ReferralRoute.gp.rawValue)])),
        CatalogueField("criteria", .plainText(length: 10...1000), .optional,
                       "Plain sentences saying who qualifies (10 to 1000 characters). Required when level is specialist or an EHC plan is required (at every age or from an age).",
                       example: .text("Your child must live in Kingsmere and have a speech, language or communication need.")),
        CatalogueField("audience", .list(of: .choice(of: Audience.self), item: "Who uses the service.", minItems: 1, unique: true),
                       .optional(defaultValue: .list([.text(Audience.youngPeople.rawValue)])),
                       "Who uses the service: young-people (the child or young person, the default) or parents-and-carers (a support group, a parent carer needs assessment). It decides how the page says who can ask for it.",
                       example: .list([.text(Audience.youngPeople.rawValue)])),
    ])

    public static let costOption = CatalogueMapping("One price.", [
        CatalogueField("amount", .amount(below: 1_000_000), .required,
                       "Pounds and pence as a number, such as 12.50 (no £ sign, at most two decimal places).",
                       example: .decimal("12.50"),
                       note: "Two decimal places cannot be checked reliably on a YAML number; the validator checks them (LO210)."),
        CatalogueField("per", .choice(of: BillingPeriod.self), .required, "What the amount pays for.",
                       example: .text(BillingPeriod.session.rawValue)),
        CatalogueField("description", .plainText(length: 3...200), .required,
                       "What this price is for, such as After-school club session.", example: .text("After-school club session")),
    ])

    public static let location = CatalogueMapping("One place.", [
        CatalogueField("name", .text(length: 2...120), .required, "The place's name, such as Kingsmere Child Development Centre.",
                       example: .text("Kingsmere Child Development Centre")),
        CatalogueField("address", .mapping(address), .required, "The place's address."),
        CatalogueField("accessibility", .list(of: .choice(of: AccessibilityFeature.self), item: "An access feature.", unique: true),
                       .optional, "Access features of the place.",
                       example: .list([.text(AccessibilityFeature.stepFree.rawValue), .text(AccessibilityFeature.accessibleToilet.rawValue)])),
    ])

    public static let openingHours = CatalogueMapping("Days with the same opening hours.", [
        CatalogueField("days", .list(of: .choice(of: Weekday.self), item: "A day: mon, tue, wed, thu, fri, sat or sun.", minItems: 1, unique: true),
                       .required, "The days, at least one.",
                       example: .list([Weekday.mon, .tue, .wed, .thu, .fri].map { .text($0.rawValue) })),
        CatalogueField("opens", .value(.time), .required, "Opening time, \"HH:MM\" in quotes.", example: .text("09:00")),
        CatalogueField("closes", .value(.time), .required, "Closing time, \"HH:MM\" in quotes, later than opens.",
                       example: .text("17:00")),
    ])

    public static let waitingTime = CatalogueMapping("How long families currently wait, and when that was measured.", [
        CatalogueField("weeks", .integer(0...520), .required, "Typical wait in whole weeks, 0 to 520.", example: .integer(14)),
        CatalogueField("as_of", .pastDate, .required, "The date the wait was measured, YYYY-MM-DD, not in the future.",
                       example: .text("2026-09-30")),
    ])

    public static let serviceFields = CatalogueMapping(
        "The YAML front matter of content/services/<slug>.md (see docs/content-format.md). Rules that need other files or today's date (organisation and category exist, dates not in the future, review overdue, age min <= max, opens before closes) are checked by `localoffer check`, not here. A draft (status: draft) may leave out the required fields and eligibility's age, ehc_plan and referral: `localoffer check` lists what it lacks as warnings (LO115). Objects a draft does have (an address, a contact) must still be complete.",
        [
            CatalogueField("title", .text(length: 3...120), .requiredToPublish,
                           "The service's name as families would say it, 3 to 120 characters.",
                           example: .text("Speech and language therapy for children")),
            CatalogueField("summary", .plainText(length: 10...300), .requiredToPublish,
                           "One or two plain sentences (10 to 300 characters) saying what the service does and who it is for. Shown in search results; no Markdown.",
                           example: .text("Assessment and therapy for children who find talking or understanding hard.")),
            CatalogueField("organisation", .reference(.organisation), .requiredToPublish,
                           "Who provides the service: the file name (without .md) of an organisation in content/organisations/.",
                           example: .text("kingsmere-community-health")),
            CatalogueField("categories", .list(of: .reference(.category), item: "A category id declared in site.yml, such as health.", minItems: 1),
                           .requiredToPublish, "Category ids from site.yml, at least one.", example: .list([.text("health")])),
            CatalogueField("level", .choice(of: ServiceLevel.self), .optional(defaultValue: .text(ServiceLevel.targeted.rawValue)),
                           "universal: open to everyone; targeted: for some children with SEND; specialist: for children with complex needs (needs eligibility.criteria). Default targeted.",
                           example: .text(ServiceLevel.targeted.rawValue)),
            CatalogueField("eligibility", .mapping(eligibility), .requiredToPublish, "Who can use the service and how to be referred."),
            CatalogueField("contact", .mapping(contact), .requiredToPublish,
                           "How families contact the service: at least one of phone, email or website."),
            CatalogueField("cost", .either([
                Alternative(.constant("free"), "The service is free."),
                Alternative(.list(of: .mapping(costOption), item: "One price.", minItems: 1), "What the service costs, one item per price."),
            ]), .optional(defaultValue: .text("free")), "free, or a list of prices. Default free.", example: .text("free")),
            CatalogueField("personal_budget", .boolean, .optional(defaultValue: .boolean(false)),
                           "true if a personal budget or direct payment can pay for it. Default false.", example: .boolean(false)),
            CatalogueField("commissioned_by",
                           .list(of: .choice(of: Commissioner.self), item: "council, nhs, schools or joint (council and NHS together).", unique: true),
                           .optional,
                           "Who pays for the service to exist. joint means the council and the NHS together: do not list council or nhs beside it.",
                           example: .list([.text(Commissioner.nhs.rawValue)])),
            CatalogueField("locations", .list(of: .mapping(location), item: "One place."), .optional,
                           "Places where the service is delivered."),
            CatalogueField("schedule", .list(of: .mapping(openingHours), item: "Days with the same opening hours."), .optional,
                           "Opening hours, one item per set of days."),
            CatalogueField("languages", .list(of: .value(.languageTag), item: "A language tag such as en, tr or bfi."), .optional,
                           "Languages the service works in, as BCP 47 tags (bfi is British Sign Language).",
                           example: .list([.text("en"), .text("bfi")])),
            CatalogueField("waiting_time", .mapping(waitingTime), .optional, "How long families currently wait, and when that was measured."),
            CatalogueField("last_reviewed", .pastDate, .requiredToPublish,
                           "When the details were last checked with the provider, YYYY-MM-DD, not in the future.",
                           example: .text("2026-09-14")),
            CatalogueField("review_by", .value(.date), .optional,
                           "When the details must be checked again, YYYY-MM-DD. Default: 12 months after last_reviewed.",
                           example: .text("2027-09-14")),
            CatalogueField("status", .choice(of: PublicationStatus.self), .optional(defaultValue: .text(PublicationStatus.active.rawValue)),
                           "active is published; draft is checked but not published. Default active.",
                           example: .text(PublicationStatus.active.rawValue)),
            CatalogueField("tags", .list(of: .text(length: 1...60), item: "A search keyword or phrase, 1 to 60 characters."), .optional,
                           "Extra words families might search for.", example: .list([.text("speech"), .text("talking")])),
        ]
    )

    public static let service = CatalogueKind(
        id: "service", title: "Local Offer service", description: serviceFields.description,
        files: "content/services/<slug>.md", root: .mapping(serviceFields),
        rules: [
            RequiredWhen(["eligibility", "criteria"], when: ["eligibility", "ehc_plan"],
                         matches: [.equals(EHCPlanRequirement.required.rawValue), .isMapping],
                         "Services that need an EHC plan (at every age or from an age) must state their eligibility criteria."),
            RequiredWhen(["eligibility", "criteria"], when: ["level"], matches: [.equals(ServiceLevel.specialist.rawValue)],
                         "Specialist services must state their eligibility criteria."),
        ],
        draft: (field: "status", value: PublicationStatus.draft.rawValue),
        draftDescription: "Everything but a draft needs every required field; a draft is checked but never published."
    )
}
