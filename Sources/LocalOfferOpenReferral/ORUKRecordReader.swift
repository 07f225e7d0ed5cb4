import Foundation
import LocalOfferDiagnostics
import LocalOfferImport
import LocalOfferModel
import LocalOfferText

/// Reads one service record of an Open Referral feed, ORUK 1.0 or 3.0 (or a mix, as real feeds are),
/// into an `ImportedService`. The reverse of `ORUKServiceMapping` for feeds written by localoffer, so
/// that export, import and export again give the same feed; for other feeds, what can be recognised.
///
/// A value that is not valid (a phone number that is not a UK number, a postcode, a web address
/// without `https://`) is left out with a warning (LO706): the feed belongs to someone else, so the
/// import keeps what it can and the entry says what it lacks. A record with no name is not imported (LO702).
struct ORUKRecordReader {
    let categories: [LocalOfferModel.Category]
    let today: LocalDate

    /// A taxonomy term as a feed gives it, in either version.
    struct Term {
        var id: String?
        var code: String?
        var name: String
        var taxonomy: String?
        var taxonomyID: String?
    }

    func read(_ record: JSONValue, place: ImportPlace) -> (ImportedService?, [ImportProblem]) {
        var problems: [ImportProblem] = []
        func drop(_ what: String, _ raw: String, _ problem: ValueProblem) {
            problems.append(.warning(.importValueDropped, "\(what) '\(raw.prefix(80))' \(problem); it is left out", at: place))
        }
        guard record.isObject else {
            return (nil, [.error(.importRecordUnusable, "the record is not a service (a JSON object with a name)", at: place)])
        }
        let rawName = HTMLToMarkdown.plainLine(text(record["name"]) ?? "")
        guard !rawName.isEmpty else {
            return (nil, [.error(.importRecordUnusable, "the service has no name, so it cannot be imported", at: place,
                                 hint: "every service needs a name; add one in the source and import again")])
        }
        guard rawName.count >= ImportValues.titleLength.lowerBound else {
            return (nil, [.error(.importRecordUnusable, "the service's name '\(rawName)' is too short to be a title (at least 3 characters)",
                                 at: place, hint: "give it a name families would recognise in the source")])
        }
        var title = rawName
        if title.count > ImportValues.titleLength.upperBound {
            title = Self.shorten(title, to: ImportValues.titleLength.upperBound)
            problems.append(.warning(.importValueDropped, "the name is longer than 120 characters; it is shortened to '\(title)'", at: place))
        }
        var service = ImportedService(place: place, title: title)

        // Classification first: a feed written by localoffer carries its own vocabularies.
        let terms = self.terms(record)
        let isLocalOffer = terms.contains { $0.id.map { Vocabularies.sharedTermsByID[$0] != nil } ?? false }
        classify(terms, into: &service)

        // Description: a summary (the first paragraph) and the body.
        if let description = text(record["description"]) {
            let (summary, body) = Self.summaryAndBody(description)
            service.summary = summary
            service.body = body
        }

        // Web address: a localoffer feed's url is the service's page (whose file name is its slug).
        let url = text(record["url"])
        var virtualWebsite: String?
        if isLocalOffer, let url, let slug = Self.slug(fromPath: url, folder: "services") {
            service.preferredSlug = slug
        } else if let url {
            switch ImportValues.website(url) {
            case .success(let website): service.contact.website = website
            case .failure(let problem): drop("the url", url, problem)
            }
        }

        // Contacts and phones.
        let contacts = objects(record["contacts"])
        if let first = contacts.first, let name = text(first["name"]) ?? text(first["title"]) {
            if case .success(let clean) = ImportValues.text(name, length: ImportValues.nameLength) { service.contact.name = clean }
        }
        if let raw = text(record["email"]) ?? contacts.lazy.compactMap({ self.text($0["email"]) }).first {
            switch ImportValues.email(raw) {
            case .success(let email): service.contact.email = email
            case .failure(let problem): drop("the email address", raw, problem)
            }
        }
        let phones = objects(record["phones"]) + contacts.flatMap { objects($0["phones"]) }
        for phone in phones {
            guard let raw = text(phone["number"]) else { continue }
            let isTextphone = text(phone["type"])?.lowercased() == "textphone" || raw.hasPrefix("18001")
            if isTextphone ? service.contact.textphone != nil : service.contact.phone != nil { continue }
            switch ImportValues.phone(raw) {
            case .success(let number):
                if isTextphone { service.contact.textphone = number } else { service.contact.phone = number }
            case .failure(let problem): drop("the phone number", raw, problem)
            }
        }

        // Ages: 3.0 on the service, 1.0 in eligibilitys.
        let eligibilities = objects(record["eligibilitys"]) + objects(record["eligibilities"])
        let minimums = ([record["minimum_age"]] + eligibilities.map { $0["minimum_age"] }).compactMap { $0?.stringValue }
        let maximums = ([record["maximum_age"]] + eligibilities.map { $0["maximum_age"] }).compactMap { $0?.stringValue }
        let minimum = minimums.compactMap { try? ImportValues.age($0).get() }.min()
        let maximum = maximums.compactMap { try? ImportValues.age($0).get() }.max()
        if minimum != nil || maximum != nil {
            let low = minimum ?? 0
            var high = maximum ?? 25
            if high > 25 {
                problems.append(.warning(.importValueDropped, "the maximum age \(high) is above 25, the oldest a Local Offer covers; 25 is used", at: place))
                high = 25
            }
            if low <= high { service.age = AgeRange(min: low, max: high) } else {
                problems.append(.warning(.importValueDropped, "the minimum age \(low) is above the maximum age \(high); the ages are left out", at: place))
            }
        }
        // 3.0 (HSDS) has eligibility_description; 1.0 the text of an eligibility ("the rule or description").
        let describedCriteria = text(record["eligibility_description"])
            ?? eligibilities.lazy.compactMap { self.text($0["eligibility"]) }.first { $0.count >= ImportValues.criteriaLength.lowerBound }
        if let criteria = describedCriteria {
            switch ImportValues.plainText(criteria, length: ImportValues.criteriaLength) {
            case .success(let clean): service.criteria = clean
            case .failure(let problem): drop("the eligibility description", criteria, problem)
            }
        }

        readPlaces(record, isLocalOffer: isLocalOffer, into: &service, virtualWebsite: &virtualWebsite, drop: drop)
        if service.contact.website == nil, let virtualWebsite {
            switch ImportValues.website(virtualWebsite) {
            case .success(let website): service.contact.website = website
            case .failure(let problem): drop("the website", virtualWebsite, problem)
            }
        }
        readSchedules(record, into: &service, drop: drop)
        readLanguages(record, into: &service, drop: drop)
        readCost(record, into: &service, place: place, problems: &problems)

        // Where families must live.
        let areas = objects(record["service_areas"]).compactMap { text($0["name"]) ?? text($0["service_area"]) }
        if !areas.isEmpty {
            let anywhere = areas.contains { area in
                area == ORUKServiceMapping.anywhereAreaName
                    || ["anywhere", "national", "no restriction", "england", "uk-wide", "united kingdom"].contains { area.lowercased().contains($0) }
            }
            service.residence = anywhere ? .any : .local
        }
        if let wait = text(record["wait_time"]) { service.waitingTime = Self.waitingTime(wait, reviewed: nil) }

        if let raw = text(record["assured_date"]) {
            switch ImportValues.pastDate(raw, today: today) {
            case .success(let date): service.lastReviewed = date
            case .failure(let problem): drop("the assured date", raw, problem)
            }
        }
        if service.waitingTime == nil, let wait = text(record["wait_time"]), let reviewed = service.lastReviewed {
            service.waitingTime = Self.waitingTime(wait, reviewed: reviewed)
        }
        if let status = text(record["status"])?.lowercased(), status != "active" {
            service.withdrawnReason = "'\(status)'"
        }
        if service.referral.isEmpty, text(record["attending_access"])?.lowercased() == "drop-in" {
            service.referral = [.self, .parentCarer]
        }
        service.organisation = organisation(record["organization"], terms: terms, drop: drop)
        return (service, problems)
    }

    // MARK: Terms

    private func terms(_ record: JSONValue) -> [Term] {
        var terms: [Term] = []
        for attribute in objects(record["attributes"]) {
            guard let term = attribute["taxonomy_term"], let name = text(term["name"]) ?? text(term["term"]) else { continue }
            terms.append(Term(id: text(term["id"]) ?? text(attribute["taxonomy_term_id"]), code: text(term["code"]), name: name,
                              taxonomy: text(term["taxonomy"]), taxonomyID: text(term["taxonomy_id"])))
        }
        for link in objects(record["service_taxonomys"]) + objects(record["taxonomy_terms"]) {
            let term = link["taxonomy"]?.isObject == true ? link["taxonomy"] : link
            guard let term, let name = text(term["name"]) else { continue }
            terms.append(Term(id: text(term["id"]), code: text(term["code"]), name: name,
                              taxonomy: text(term["vocabulary"]) ?? text(term["taxonomy"]), taxonomyID: nil))
        }
        return terms
    }

    private func classify(_ terms: [Term], into service: inout ImportedService) {
        var tags: [String] = []
        for term in terms {
            if let id = term.id, let known = Vocabularies.sharedTermsByID[id] {
                apply(known, to: &service)
                continue
            }
            if let category = category(for: term) {
                if !service.categories.contains(category) { service.categories.append(category) }
                continue
            }
            // Terms of other feeds: the SEND words councils' feeds commonly use.
            let name = term.name.lowercased()
            var recognised = false
            for (need, words) in Self.needWords where words.contains(where: { name.contains($0) }) {
                if !service.needs.contains(need) { service.needs.append(need) }
                recognised = true
            }
            if name.contains("ehc") || name.contains("education, health and care") {
                let negative = ["no ehc", "not need", "without", "not required", "no need"].contains { name.contains($0) }
                service.ehcPlan = negative ? .notRequired : .required
                recognised = true
            }
            if name.contains("self-referral") || name.contains("self referral") || name.contains("drop-in") || name.contains("drop in") {
                for route in [ReferralRoute.`self`, .parentCarer] where !service.referral.contains(route) { service.referral.append(route) }
                recognised = true
            }
            if !recognised, case .success(let tag) = ImportValues.text(term.name, length: ImportValues.tagLength),
               !tags.contains(tag), tags.count < 10 {
                tags.append(tag)
            }
        }
        service.tags = tags
    }

    private func apply(_ term: Vocabularies.Term, to service: inout ImportedService) {
        switch term.taxonomyKey {
        case Vocabularies.areasOfNeed.key:
            if let need = AreaOfNeed(rawValue: term.code), !service.needs.contains(need) { service.needs.append(need) }
        case Vocabularies.serviceLevel.key: service.level = ServiceLevel(rawValue: term.code)
        case Vocabularies.ehcPlan.key: service.ehcPlan = EHCPlanRequirement(rawValue: term.code)
        case Vocabularies.referral.key:
            if let route = ReferralRoute(rawValue: term.code), !service.referral.contains(route) { service.referral.append(route) }
        case Vocabularies.commissioners.key:
            if let commissioner = Commissioner(rawValue: term.code), !service.commissionedBy.contains(commissioner) {
                service.commissionedBy.append(commissioner)
            }
        case Vocabularies.conditions.key:
            if term.code == "personal-budget" { service.personalBudget = true }
            if term.code == "diagnosis-required" { service.diagnosisRequired = true }
        default: break
        }
    }

    /// A site category named by a term: by its id (`health`), its title, or its title's slug.
    private func category(for term: Term) -> String? {
        let key = Slug.make(from: term.name.replacingOccurrences(of: "&", with: " and "))
        return categories.first { category in
            term.code == category.id || key == category.id || key == Slug.make(from: category.title.replacingOccurrences(of: "&", with: " and "))
        }?.id
    }

    static let needWords: [(AreaOfNeed, [String])] = [
        (.communicationAndInteraction, ["autis", "asd", "asc", "speech", "language", "communication", "social interaction", "slcn"]),
        (.cognitionAndLearning, ["learning disab", "learning difficult", "dyslexi", "dyspraxi", "cognition", "mld", "pmld", "down syndrome"]),
        (.socialEmotionalAndMentalHealth, ["mental health", "emotional", "behaviour", "semh", "anxiety", "adhd", "wellbeing"]),
        (.sensoryAndPhysical, ["sensory", "hearing", "deaf", "visual", "vision", "blind", "physical", "mobility", "wheelchair", "medical"]),
    ]

    // MARK: Places

    private func readPlaces(_ record: JSONValue, isLocalOffer: Bool, into service: inout ImportedService,
                            virtualWebsite: inout String?, drop: (String, String, ValueProblem) -> Void) {
        var locations = objects(record["service_at_locations"]).compactMap { $0["location"] }
        locations += objects(record["locations"])
        for location in locations {
            let type = text(location["location_type"])?.lowercased()
            if type == "virtual" {
                if virtualWebsite == nil { virtualWebsite = text(location["url"]) }
                continue
            }
            let physicalAddresses = objects(location["addresses"]).filter { text($0["address_type"])?.lowercased() != "postal" }
                + objects(location["physical_addresses"])
            let postalAddresses = objects(location["addresses"]).filter { text($0["address_type"])?.lowercased() == "postal" }
                + objects(location["postal_addresses"])
            if type == "postal" || (physicalAddresses.isEmpty && !postalAddresses.isEmpty) {
                if service.contact.address == nil, let address = (postalAddresses + physicalAddresses).first {
                    service.contact.address = postalAddress(address, drop: drop)
                }
                continue
            }
            guard let addressRecord = physicalAddresses.first, let address = postalAddress(addressRecord, drop: drop) else { continue }
            let rawName = text(location["name"]).map(HTMLToMarkdown.plainLine)
            let name = rawName.flatMap { try? ImportValues.text($0, length: ImportValues.nameLength).get() } ?? address.line1
            var features: [AccessibilityFeature] = []
            for item in objects(location["accessibility"]) + objects(location["accessibility_for_disabilities"]) {
                let description = [text(item["description"]), text(item["accessibility"]), text(item["details"])].compactMap { $0 }.joined(separator: " ")
                if let feature = ImportValues.accessibilityFeature(description), !features.contains(feature) { features.append(feature) }
            }
            let place = Location(name: name, address: address, accessibility: features)
            if !service.locations.contains(place) { service.locations.append(place) }
        }
    }

    private func postalAddress(_ address: JSONValue, drop: (String, String, ValueProblem) -> Void) -> PostalAddress? {
        let line1 = text(address["address_1"]).map(HTMLToMarkdown.plainLine)
        let extra = ["address_2", "address_3", "address_4"].compactMap { text(address[$0]).map(HTMLToMarkdown.plainLine) }
        let town = [text(address["city"]), text(address["region"]), text(address["state_province"])].compactMap { $0 }.first
        let rawPostcode = text(address["postal_code"]) ?? ""
        guard let line1, case .success(let first) = ImportValues.text(line1, length: ImportValues.addressLineLength),
              let town, case .success(let townName) = ImportValues.text(town, length: ImportValues.townLength) else {
            drop("the address", [line1, town, rawPostcode].compactMap { $0 }.joined(separator: ", "), "has no first line or town")
            return nil
        }
        guard case .success(let postcode) = ImportValues.postcode(rawPostcode) else {
            drop("the address", "\(first), \(townName), \(rawPostcode)", "has no valid UK postcode")
            return nil
        }
        let second = extra.isEmpty ? nil : try? ImportValues.text(extra.joined(separator: ", "), length: 1...120).get()
        return PostalAddress(line1: first, line2: second, town: townName, postcode: postcode)
    }

    // MARK: Times, languages, cost

    private func readSchedules(_ record: JSONValue, into service: inout ImportedService, drop: (String, String, ValueProblem) -> Void) {
        var schedules = objects(record["schedules"]) + objects(record["regular_schedules"])
        for place in objects(record["service_at_locations"]) {
            schedules += objects(place["regular_schedules"]) + objects(place["schedules"])
        }
        var groups: [(opens: TimeOfDay, closes: TimeOfDay, days: [Weekday])] = []
        for schedule in schedules {
            guard let opensRaw = text(schedule["opens_at"]), let closesRaw = text(schedule["closes_at"]) else { continue }
            let days = Self.weekdays(text(schedule["byday"]) ?? text(schedule["weekday"]) ?? "")
            guard !days.isEmpty else { continue }
            guard case .success(let opens) = ImportValues.time(opensRaw), case .success(let closes) = ImportValues.time(closesRaw) else {
                drop("the opening hours", "\(opensRaw) to \(closesRaw)", "are not times such as 09:30")
                continue
            }
            guard opens < closes else {
                drop("the opening hours", "\(opensRaw) to \(closesRaw)", "close before they open")
                continue
            }
            if let index = groups.firstIndex(where: { $0.opens == opens && $0.closes == closes }) {
                for day in days where !groups[index].days.contains(day) { groups[index].days.append(day) }
            } else {
                groups.append((opens, closes, days))
            }
        }
        service.schedule = groups.map { OpeningHours(days: $0.days.sorted(), opens: $0.opens, closes: $0.closes) }
    }

    /// `MO,TU,WE` (RFC 5545), `Monday`, `mon`, or ORUK 1.0's day numbers (1 = Monday).
    static func weekdays(_ text: String) -> [Weekday] {
        var days: [Weekday] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            let word = part.lowercased().filter(\.isLetter)
            let number = Int(part.filter(\.isNumber))
            let day = Weekday.allCases.first { day in
                word.count >= 2 && (day.rawValue.hasPrefix(word) || day.title.lowercased().hasPrefix(word))
            } ?? number.flatMap { (1...7).contains($0) ? Weekday.allCases[$0 - 1] : nil }
            if let day, !days.contains(day) { days.append(day) }
        }
        return days
    }

    private func readLanguages(_ record: JSONValue, into service: inout ImportedService, drop: (String, String, ValueProblem) -> Void) {
        for language in objects(record["languages"]) {
            guard let raw = text(language["code"]) ?? text(language["name"]) ?? text(language["language"]) else { continue }
            switch ImportValues.language(raw) {
            case .success(let tag): if !service.languages.contains(tag) { service.languages.append(tag) }
            case .failure(let problem): drop("the language", raw, problem)
            }
        }
    }

    private func readCost(_ record: JSONValue, into service: inout ImportedService, place: ImportPlace, problems: inout [ImportProblem]) {
        var options: [CostOption] = []
        var free = false
        for option in objects(record["cost_options"]) {
            let label = text(option["option"]).map(HTMLToMarkdown.plainLine)
            let period = text(option["amount_description"]).map(HTMLToMarkdown.plainLine)
            let amount = option["amount"]?.stringValue.flatMap { try? ImportValues.amount($0).get() }
            if amount == 0 || label?.lowercased() == "free" || (amount == nil && label?.lowercased().contains("free") == true) {
                free = true
                continue
            }
            guard let amount else { continue }
            var per = period.flatMap(ImportValues.billingPeriod) ?? label.flatMap(ImportValues.billingPeriod)
            if per == nil {
                problems.append(.warning(.importValueDropped, "a charge of £\(EntryWriterAmount.text(amount)) does not say what it is per; 'per session' is assumed", at: place))
                per = .session
            }
            let description = [label, period].compactMap { $0 }.first { (try? ImportValues.plainText($0, length: ImportValues.costDescriptionLength).get()) != nil }
                .flatMap { try? ImportValues.plainText($0, length: ImportValues.costDescriptionLength).get() } ?? "Charge"
            let cost = CostOption(amountInPence: amount, per: per ?? .session, description: description)
            if !options.contains(cost) { options.append(cost) }
        }
        if !options.isEmpty {
            service.cost = .charged(options)
        } else if free || text(record["fees"])?.lowercased().contains("free") == true || text(record["fees_description"])?.lowercased() == "free" {
            service.cost = .free
        }
    }

    // MARK: Organisation

    private func organisation(_ value: JSONValue?, terms: [Term], drop: (String, String, ValueProblem) -> Void) -> ImportedOrganisation? {
        guard let value, value.isObject, let rawName = text(value["name"]) else { return nil }
        guard case .success(let name) = ImportValues.text(rawName, length: ImportValues.organisationNameLength) else {
            drop("the organisation name", rawName, "is not 3 to 120 characters")
            return nil
        }
        var organisation = ImportedOrganisation(sourceID: text(value["id"]), name: name)
        if let uri = text(value["uri"]) { organisation.preferredSlug = Self.slug(fromPath: uri, folder: "organisations") }
        if let description = text(value["description"]) {
            let body = HTMLToMarkdown.convert(description)
            organisation.body = body == name ? "" : body
        }
        if let raw = text(value["website"]) ?? text(value["url"]) {
            switch ImportValues.website(raw) {
            case .success(let website): organisation.website = website
            case .failure(let problem): drop("the organisation's website", raw, problem)
            }
        }
        if let raw = text(value["email"]) {
            switch ImportValues.email(raw) {
            case .success(let email): organisation.contact.email = email
            case .failure(let problem): drop("the organisation's email address", raw, problem)
            }
        }
        if let raw = objects(value["phones"]).lazy.compactMap({ self.text($0["number"]) }).first {
            switch ImportValues.phone(raw) {
            case .success(let number): organisation.contact.phone = number
            case .failure(let problem): drop("the organisation's phone number", raw, problem)
            }
        }
        for attribute in objects(value["attributes"]) {
            if let id = text(attribute["taxonomy_term"]?["id"]) ?? text(attribute["taxonomy_term_id"]),
               let term = Vocabularies.sharedTermsByID[id], term.taxonomyKey == Vocabularies.organisationTypes.key {
                organisation.type = OrganisationType(rawValue: term.code)
            }
        }
        if organisation.type == nil { organisation.type = Self.organisationType(name) }
        return organisation
    }

    static func organisationType(_ name: String) -> OrganisationType? {
        let words = name.lowercased()
        if ["nhs", "trust", "integrated care", "clinical commissioning", "hospital"].contains(where: words.contains) { return .nhs }
        if ["council", "borough of", "county of", "city of"].contains(where: words.contains) { return .council }
        if ["school", "academy", "college", "nursery"].contains(where: words.contains) { return .school }
        return nil
    }

    // MARK: Helpers

    /// `https://x/services/portage/` → `portage`, when it is a valid slug under that folder.
    static func slug(fromPath url: String, folder: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(of: folder), index + 1 < parts.count, index + 2 == parts.count else { return nil }
        return Slug.isValid(parts[index + 1]) ? parts[index + 1] : nil
    }

    /// Splits a description into a summary and a body. Text that is not HTML (such as the Markdown a
    /// localoffer feed carries) is split at its first blank line and otherwise kept exactly as written.
    static func summaryAndBody(_ description: String) -> (String?, String) {
        let normalised = description.replacingOccurrences(of: "\r\n", with: "\n")
        if !HTMLToMarkdown.looksLikeHTML(normalised) {
            let decoded = normalised.contains("&") ? HTMLEntities.decodeText(normalised) : normalised
            let trimmed = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let gap = trimmed.range(of: "\n\n") ?? trimmed.range(of: "\n \n") else {
                return (ImportValues.summary(fromFirstParagraph: trimmed), trimmed)
            }
            let first = String(trimmed[..<gap.lowerBound])
            let rest = trimmed[gap.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            if case .success(let summary) = ImportValues.plainText(first, length: ImportValues.summaryLength), summary == first {
                return (summary, rest)
            }
            return (ImportValues.summary(fromFirstParagraph: first), trimmed)
        }
        let blocks = HTMLToMarkdown.blocks(normalised)
        guard let first = blocks.first else { return (nil, "") }
        let all = blocks.map(\.markdown).joined(separator: "\n\n")
        if first.kind == .paragraph, case .success(let summary) = ImportValues.plainText(first.plain, length: ImportValues.summaryLength) {
            return (summary, blocks.count > 1 ? blocks.dropFirst().map(\.markdown).joined(separator: "\n\n") : all)
        }
        return (ImportValues.summary(fromFirstParagraph: first.plain), all)
    }

    /// "About 6 weeks (as of 31 October 2026)", "6-8 weeks", "3 weeks from referral".
    static func waitingTime(_ text: String, reviewed: LocalDate?) -> WaitingTime? {
        let lower = text.lowercased()
        guard let range = lower.range(of: #"\d+(\s*(-|to)\s*\d+)?\s*weeks?"#, options: .regularExpression) else { return nil }
        let numbers = lower[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard let weeks = numbers.max(), weeks <= 520 else { return nil }
        var asOf = reviewed
        if let dateRange = lower.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) {
            asOf = LocalDate(iso: String(lower[dateRange])) ?? asOf
        } else if let dateRange = lower.range(of: #"\d{1,2} [a-z]+ \d{4}"#, options: .regularExpression) {
            asOf = LocalDate(longForm: String(lower[dateRange])) ?? asOf
        }
        return asOf.map { WaitingTime(weeks: weeks, asOf: $0) }
    }

    static func shorten(_ text: String, to length: Int) -> String {
        var result = ""
        for word in text.split(separator: " ") {
            if result.count + word.count + 1 > length - 1 { break }
            result += (result.isEmpty ? "" : " ") + word
        }
        return result.isEmpty ? String(text.prefix(length)) : result
    }

    func text(_ value: JSONValue?) -> String? {
        guard let raw = value?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return raw
    }

    func objects(_ value: JSONValue?) -> [JSONValue] {
        guard let value else { return [] }
        if value.isObject { return [value] }
        return value.arrayValue?.filter(\.isObject) ?? []
    }
}

enum EntryWriterAmount {
    static func text(_ pence: Int) -> String {
        let fraction = pence % 100
        return fraction == 0 ? String(pence / 100) : "\(pence / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension LocalDate {
    /// "31 October 2026", as `longForm` writes it.
    init?(longForm text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
              let month = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                           "november", "december"].firstIndex(of: parts[1].lowercased()) else { return nil }
        self.init(year: year, month: month + 1, day: day)
    }
}
