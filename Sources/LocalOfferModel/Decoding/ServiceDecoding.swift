import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferText
import Yams

extension DecodingContext {
    /// Decodes a service's front matter. Returns nil when any required part is unusable; every
    /// problem found on the way is in `diagnostics`.
    func service(_ root: Field, document: ContentDocument) -> Service? {
        let errorsBefore = diagnostics.errorCount
        guard let fields = mapping(root, of: FieldCatalogue.serviceFields) else { return nil }
        // A draft may be unfinished: what it lacks is reported as warnings (see `missing`).
        isDraft = fields.optional("status").flatMap { field -> Bool? in
            guard case .scalar(let scalar) = field.node else { return nil }
            return scalar.string.trimmingWhitespace() == PublicationStatus.draft.rawValue
        } ?? false
        let title = fields.required("title").flatMap(boundedText)
        let summary = fields.required("summary").flatMap(boundedText)
        let organisation = fields.required("organisation").flatMap(text)
        let categories = fields.required("categories").flatMap(categoryIDs)
        let level = fields.optional("level").flatMap { choice($0, of: ServiceLevel.self) } ?? .targeted
        let eligibility = fields.required("eligibility").flatMap { self.eligibility($0, level: level) }
        let contact = fields.required("contact").flatMap(self.contact)
        let cost = fields.optional("cost").flatMap(self.cost) ?? .free
        let personalBudget = fields.optional("personal_budget").flatMap(boolean) ?? false
        let commissionedBy = fields.optional("commissioned_by").flatMap { choices($0, of: Commissioner.self) } ?? []
        if commissionedBy.contains(.joint), let other = commissionedBy.first(where: { $0 == .council || $0 == .nhs }) {
            warning(.overlappingCommissioners, "'commissioned_by' lists 'joint' and '\(other.rawValue)'; 'joint' already means the council and the NHS together",
                    at: fields.optional("commissioned_by")?.node,
                    hint: "write [joint] for a service the council and the NHS pay for together, or [\(other.rawValue)] if only one pays")
        }
        let locations = fields.optional("locations").flatMap(self.locations) ?? []
        let schedule = fields.optional("schedule").flatMap(self.schedule) ?? []
        let languages = fields.optional("languages").flatMap(self.languages) ?? []
        let waitingTime = fields.optional("waiting_time").flatMap(self.waitingTime)
        let lastReviewed = fields.required("last_reviewed").flatMap(pastDate)
        let reviewBy = fields.optional("review_by").flatMap(date)
        let status = fields.optional("status").flatMap { choice($0, of: PublicationStatus.self) } ?? .active
        let tags = fields.optional("tags").flatMap(self.tags) ?? []

        if isDraft, document.body.text.allSatisfy(\.isWhitespace) {
            report(.warning(.draftMissingField, "draft: the service has no description",
                            at: SourceLocation(path: path, line: max(1, document.body.firstLine - 1)),
                            hint: "below the closing '---', describe what the service does and how to get it"))
        }
        if let lastReviewed {
            let due = reviewBy ?? lastReviewed.adding(months: 12)
            if due < today {
                let node = fields.optional("review_by")?.node ?? fields.optional("last_reviewed")?.node
                warning(.reviewOverdue, "review overdue since \(due.longForm)", at: node,
                        hint: "check the details with the provider, then update 'last_reviewed'")
            } else if today.days(until: due) <= ReviewSchedule.warningDays {
                let node = fields.optional("review_by")?.node ?? fields.optional("last_reviewed")?.node
                warning(.reviewDueSoon, "review due on \(due.longForm), \(ReviewSchedule.describe(daysUntil: today.days(until: due)))", at: node,
                        hint: "check the details with the provider; 'localoffer review' lists every review falling due")
            }
        }

        guard diagnostics.errorCount == errorsBefore, let title, let summary, let organisation, let categories,
              let eligibility, let contact, let lastReviewed else { return nil }
        var service = Service(
            slug: document.slug, sourcePath: document.path, title: title, summary: summary,
            organisation: organisation, categories: categories, level: level, eligibility: eligibility,
            contact: contact, cost: cost, personalBudget: personalBudget, commissionedBy: commissionedBy,
            locations: locations, schedule: schedule, languages: languages, waitingTime: waitingTime,
            lastReviewed: lastReviewed, reviewBy: reviewBy ?? lastReviewed.adding(months: 12),
            status: status, tags: tags,
            body: MarkdownSource(text: document.body.text, firstLine: document.body.firstLine)
        )
        service.fieldLocations = FieldLocations(fieldLocations)
        return service
    }

    private func categoryIDs(_ field: Field) -> [String]? {
        guard let items = list(field) else { return nil }
        let ids = items.compactMap(text)
        return ids.count == items.count ? ids : nil
    }

    private func eligibility(_ field: Field, level: ServiceLevel) -> Eligibility? {
        guard let fields = mapping(field, of: FieldCatalogue.eligibility) else { return nil }
        let age = fields.required("age").flatMap(ageRange)
        let plan = fields.required("ehc_plan").flatMap { ehcPlan($0, ages: age) }
        let needs = fields.optional("needs").flatMap { choices($0, of: AreaOfNeed.self) } ?? AreaOfNeed.allCases
        let diagnosisRequired = fields.optional("diagnosis_required").flatMap(boolean) ?? false
        let residence = fields.optional("residence").flatMap { choice($0, of: Residence.self) } ?? .local
        let referral = fields.required("referral").flatMap { choices($0, of: ReferralRoute.self) }
        let criteria = fields.optional("criteria").flatMap(boundedText)
        let audience = fields.optional("audience").flatMap { choices($0, of: Audience.self) } ?? [.youngPeople]

        if !fields.has("criteria"), level == .specialist || plan?.requirement == .required || plan?.fromAge != nil {
            let reason = level == .specialist ? "specialist services" : "services that need an EHC plan"
            missing(.criteriaRequired, "'\(field.name)' needs 'criteria': \(reason) must say who qualifies",
                  at: fields.anchorNode, hint: "add criteria: with a plain sentence such as 'Your child must have ...'")
            return nil
        }
        guard let age, let plan, let referral else { return nil }
        return Eligibility(
            age: age, ehcPlan: plan.requirement, needs: needs, diagnosisRequired: diagnosisRequired,
            residence: residence, referral: referral, criteria: criteria, ehcPlanFromAge: plan.fromAge, audience: audience
        )
    }

    /// `required`, `not-required`, or `{from_age: 19}`: needed from that age, not before.
    private func ehcPlan(_ field: Field, ages: AgeRange?) -> (requirement: EHCPlanRequirement, fromAge: Int?)? {
        if case .scalar = field.node {
            return choice(field, of: EHCPlanRequirement.self).map { ($0, nil) }
        }
        guard let fields = mapping(field, of: FieldCatalogue.ehcPlanFromAge) else { return nil }
        guard let from = fields.required("from_age", hint: "write the age from which an EHC plan is needed, for example {from_age: 19}")
            .flatMap({ boundedInteger($0) }) else { return nil }
        if let ages {
            guard from > ages.min else {
                error(.numberOutOfRange, "'\(field.name).from_age' is \(from), but the service starts at age \(ages.min): an EHC plan is needed at every age",
                      at: fields.optional("from_age")?.node, hint: "write 'ehc_plan: required' instead")
                return nil
            }
            guard from <= ages.max else {
                error(.numberOutOfRange, "'\(field.name).from_age' is \(from), but the service ends at age \(ages.max): an EHC plan is never needed",
                      at: fields.optional("from_age")?.node, hint: "write 'ehc_plan: not-required' instead")
                return nil
            }
        }
        return (.notRequired, from)
    }

    private func ageRange(_ field: Field) -> AgeRange? {
        guard let fields = mapping(field, of: FieldCatalogue.ageRange) else { return nil }
        let min = fields.required("min").flatMap(boundedInteger)
        let max = fields.required("max").flatMap(boundedInteger)
        guard let min, let max else { return nil }
        guard min <= max else {
            error(.ageRangeInverted, "'\(field.name).min' (\(min)) is more than '\(field.name).max' (\(max))",
                  at: fields.optional("min")?.node, hint: "the youngest age goes in min, the oldest in max")
            return nil
        }
        return AgeRange(min: min, max: max)
    }

    private func cost(_ field: Field) -> Cost? {
        if case .scalar = field.node {
            guard let raw = text(field) else { return nil }
            guard raw == "free" else {
                error(.valueNotAllowed, "'\(field.name)' is '\(raw)', which is not allowed", at: field.node,
                      hint: "write 'free', or a list of {amount, per, description}")
                return nil
            }
            return .free
        }
        guard let items = list(field) else { return nil }
        let options = items.compactMap(costOption)
        return options.count == items.count ? .charged(options) : nil
    }

    private func costOption(_ field: Field) -> CostOption? {
        guard let fields = mapping(field, of: FieldCatalogue.costOption) else { return nil }
        let amount = fields.required("amount").flatMap(amountInPence)
        let per = fields.required("per").flatMap { choice($0, of: BillingPeriod.self) }
        let description = fields.required("description").flatMap(boundedText)
        guard let amount, let per, let description else { return nil }
        return CostOption(amountInPence: amount, per: per, description: description)
    }

    private func amountInPence(_ field: Field) -> Int? {
        guard let raw = text(field) else { return nil }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
        guard wellFormed, let pounds = Int(parts[0]), pounds < field.shape?.amountLimit ?? 0 else {
            let negative = raw.hasPrefix("-")
            error(.invalidAmount, "'\(field.name)' is '\(raw)'; \(negative ? "an amount cannot be negative" : "it must be an amount in pounds")",
                  at: field.node, hint: "write pounds and pence as a number, for example 12.50 (no £ sign)")
            return nil
        }
        guard parts.count == 1 || parts[1].count <= 2 else {
            error(.invalidAmount, "'\(field.name)' is '\(raw)', which has more than two decimal places", at: field.node,
                  hint: "write pounds and pence, for example 12.50")
            return nil
        }
        let pence = parts.count == 2 ? (Int(parts[1]) ?? 0) * (parts[1].count == 1 ? 10 : 1) : 0
        return pounds * 100 + pence
    }

    private func locations(_ field: Field) -> [Location]? {
        guard let items = list(field) else { return nil }
        let locations = items.compactMap { item -> Location? in
            guard let fields = mapping(item, of: FieldCatalogue.location) else { return nil }
            let name = fields.required("name").flatMap(boundedText)
            let address = fields.required("address").flatMap(self.address)
            let accessibility = fields.optional("accessibility").map { choices($0, of: AccessibilityFeature.self) } ?? []
            guard let name, let address, let accessibility else { return nil }
            return Location(name: name, address: address, accessibility: accessibility)
        }
        return locations.count == items.count ? locations : nil
    }

    private func schedule(_ field: Field) -> [OpeningHours]? {
        guard let items = list(field) else { return nil }
        let hours = items.compactMap { item -> OpeningHours? in
            guard let fields = mapping(item, of: FieldCatalogue.openingHours) else { return nil }
            let days = fields.required("days").flatMap { choices($0, of: Weekday.self) }
            let opens = fields.required("opens").flatMap(time)
            let closes = fields.required("closes").flatMap(time)
            guard let days, let opens, let closes else { return nil }
            guard opens < closes else {
                error(.closesBeforeOpens, "'\(item.name)' closes at \(closes) but opens at \(opens)",
                      at: fields.optional("closes")?.node, hint: "the closing time must be later than the opening time")
                return nil
            }
            return OpeningHours(days: days, opens: opens, closes: closes)
        }
        return hours.count == items.count ? hours : nil
    }

    private func time(_ field: Field) -> TimeOfDay? {
        guard let raw = text(field) else { return nil }
        guard let time = TimeOfDay(raw) else {
            error(.invalidTime, "'\(field.name)' is '\(raw)', which is not a time", at: field.node,
                  hint: "write times as \"HH:MM\" on the 24-hour clock, in quotes, for example \"09:30\"")
            return nil
        }
        return time
    }

    private func languages(_ field: Field) -> [LanguageTag]? {
        guard let items = list(field) else { return nil }
        let tags = items.compactMap { item -> LanguageTag? in
            guard let raw = text(item) else { return nil }
            guard let tag = LanguageTag(raw) else {
                error(.invalidLanguageTag, "'\(item.name)' is '\(raw)', which is not a language tag", at: item.node,
                      hint: "use a BCP 47 tag such as en, tr, so, pl or bfi (British Sign Language)")
                return nil
            }
            return tag
        }
        return tags.count == items.count ? tags : nil
    }

    private func waitingTime(_ field: Field) -> WaitingTime? {
        guard let fields = mapping(field, of: FieldCatalogue.waitingTime) else { return nil }
        let weeks = fields.required("weeks").flatMap(boundedInteger)
        let asOf = fields.required("as_of").flatMap(pastDate)
        guard let weeks, let asOf else { return nil }
        return WaitingTime(weeks: weeks, asOf: asOf)
    }

    private func tags(_ field: Field) -> [String]? {
        guard let items = list(field) else { return nil }
        let tags = items.compactMap(boundedText)
        return tags.count == items.count ? tags : nil
    }
}
