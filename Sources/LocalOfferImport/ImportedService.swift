import LocalOfferModel

/// A service read from a feed or a spreadsheet, before it becomes a file: every value already
/// checked by the model's own value types, anything unknown left empty. Empty required fields make
/// the entry a draft (`EntryWriter`).
public struct ImportedService: Sendable {
    public var place: ImportPlace
    /// The slug to use when the source names one (a feed written by localoffer does, in its page address).
    public var preferredSlug: String?
    public var title: String
    public var summary: String?
    /// Markdown.
    public var body: String = ""
    public var organisation: ImportedOrganisation?
    public var categories: [String] = []
    public var level: ServiceLevel?
    public var age: AgeRange?
    public var ehcPlan: EHCPlanRequirement?
    public var needs: [AreaOfNeed] = []
    public var diagnosisRequired = false
    public var residence: Residence?
    public var referral: [ReferralRoute] = []
    public var criteria: String?
    public var contact = Contact()
    /// Nil: the source says nothing about cost (the entry then leaves `cost` out, which means free).
    public var cost: Cost?
    public var personalBudget = false
    public var commissionedBy: [Commissioner] = []
    public var locations: [Location] = []
    public var schedule: [OpeningHours] = []
    public var languages: [LanguageTag] = []
    public var waitingTime: WaitingTime?
    public var lastReviewed: LocalDate?
    public var reviewBy: LocalDate?
    public var tags: [String] = []
    /// Why the source says the service should not be published (`defunct`), if it does.
    public var withdrawnReason: String?
    /// The name the source gave, when the import had to change it to keep titles unique.
    public var renamedFrom: String?

    public init(place: ImportPlace, title: String) {
        self.place = place
        self.title = title
    }

    public var hasContactMethod: Bool { contact.phone != nil || contact.email != nil || contact.website != nil }
}

/// An organisation read from a feed or a spreadsheet.
public struct ImportedOrganisation: Sendable, Hashable {
    /// The source's own id, when it has one: organisations are matched on it first, then on name.
    public var sourceID: String?
    public var preferredSlug: String?
    public var name: String
    /// Markdown.
    public var body: String = ""
    public var type: OrganisationType?
    public var website: WebAddress?
    public var contact = Contact()

    public init(sourceID: String? = nil, name: String) {
        self.sourceID = sourceID
        self.name = name
    }
}
