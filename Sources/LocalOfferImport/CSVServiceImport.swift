import Foundation
import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferText

/// Reads a services spreadsheet saved as CSV: one row per service, columns as `CSVColumn` and
/// `docs/import.md` describe. The spreadsheet is the council's own, so every value that is not valid
/// is an error at its row and column (LO703), and that row is not imported: fix the cell and run the
/// import again. Empty cells are fine: an entry that lacks what the schema requires becomes a draft.
public struct CSVServiceImport: Sendable {
    public let categories: [LocalOfferModel.Category]
    public let today: LocalDate

    public init(categories: [LocalOfferModel.Category], today: LocalDate) {
        self.categories = categories
        self.today = today
    }

    public func read(_ path: String) -> (services: [ImportedService], problems: [ImportProblem], recordsRead: Int) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [.error(.importUnreadable, "the file could not be read", at: .file(path))], 0)
        }
        return read(data, file: path)
    }

    public func read(_ data: Data, file: String) -> (services: [ImportedService], problems: [ImportProblem], recordsRead: Int) {
        let table: CSVReader.Table
        switch CSVReader.read(data) {
        case .success(let parsed): table = parsed
        case .failure(let problem):
            return ([], [.error(.importUnreadable, problem.message, at: .cell(file: file, row: problem.row, column: problem.column, name: ""))], 0)
        }
        var problems: [ImportProblem] = []
        var columns: [CSVColumn: Int] = [:]
        for (index, header) in table.header.enumerated() {
            guard let column = CSVColumn.matching(header) else {
                if !header.isEmpty {
                    problems.append(.warning(.importUnknownColumn, "the column '\(header)' is not one localoffer knows; it is ignored",
                                             at: .cell(file: file, row: 1, column: index + 1, name: header),
                                             hint: "the columns are listed in docs/import.md"))
                }
                continue
            }
            if columns[column] != nil {
                problems.append(.error(.importUnreadable, "the column '\(header)' is a second '\(column.rawValue)' column",
                                       at: .cell(file: file, row: 1, column: index + 1, name: header)))
            } else {
                columns[column] = index
            }
        }
        guard columns[.name] != nil else {
            problems.append(.error(.importUnreadable, "there is no 'name' column: every service needs a name",
                                   at: .row(file: file, row: 1), hint: "the first row must name the columns; see docs/import.md"))
            return ([], problems, table.rows.count)
        }
        var services: [ImportedService] = []
        for row in table.rows {
            var reader = RowReader(row: row, columns: columns, header: table.header, file: file, categories: categories, today: today)
            let service = reader.service()
            problems += reader.problems
            if let service, !reader.problems.contains(where: \.isError) { services.append(service) }
        }
        return (services, problems, table.rows.count)
    }
}

/// One row: each column read into the service, each bad cell reported where it is.
struct RowReader {
    let row: CSVReader.Row
    let columns: [CSVColumn: Int]
    let header: [String]
    let file: String
    let categories: [LocalOfferModel.Category]
    let today: LocalDate
    var problems: [ImportProblem] = []

    init(row: CSVReader.Row, columns: [CSVColumn: Int], header: [String], file: String, categories: [LocalOfferModel.Category], today: LocalDate) {
        self.row = row
        self.columns = columns
        self.header = header
        self.file = file
        self.categories = categories
        self.today = today
    }

    func place(_ column: CSVColumn) -> ImportPlace {
        let index = columns[column] ?? 0
        return .cell(file: file, row: row.number, column: index + 1, name: header.indices.contains(index) ? header[index] : column.rawValue)
    }

    func cell(_ column: CSVColumn) -> String? {
        guard let index = columns[column] else { return nil }
        let value = row.cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    mutating func fail(_ column: CSVColumn, _ value: String, _ problem: ValueProblem, hint: String? = nil) {
        let shown = value.count > 60 ? String(value.prefix(57)) + "..." : value
        problems.append(.error(.importInvalidValue, "'\(column.rawValue)' is '\(shown.replacingOccurrences(of: "\n", with: " "))', which \(problem)",
                               at: place(column), hint: hint))
    }

    /// Reads a cell with a check; reports the cell when the check fails.
    mutating func value<Value>(_ column: CSVColumn, hint: String? = nil, _ check: (String) -> Result<Value, ValueProblem>) -> Value? {
        guard let raw = cell(column) else { return nil }
        switch check(raw) {
        case .success(let value): return value
        case .failure(let problem):
            fail(column, raw, problem, hint: hint)
            return nil
        }
    }

    /// A list cell: items separated by semicolons (or commas, when there is no semicolon).
    func items(_ raw: String) -> [String] {
        let separator: Character = raw.contains(";") ? ";" : ","
        return raw.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A list of closed-vocabulary values, each matched by its value, its title or a known word.
    /// `wholeFirst`: the whole cell may be one value with commas in it ("Information, advice and support").
    mutating func choices<Value: Equatable>(_ column: CSVColumn, allowed: String, wholeFirst: Bool = false,
                                            match: (String) -> Value?) -> [Value] {
        guard let raw = cell(column) else { return [] }
        if wholeFirst, !raw.contains(";"), let whole = match(raw) { return [whole] }
        var values: [Value] = []
        for item in items(raw) {
            guard let value = match(item) else {
                fail(column, item, "is not allowed", hint: "use \(allowed), separated by semicolons")
                continue
            }
            if !values.contains(value) { values.append(value) }
        }
        return values
    }

    mutating func service() -> ImportedService? {
        guard cell(.name) != nil else {
            problems.append(.error(.importRecordUnusable, "the row has no name, so it cannot be imported", at: place(.name),
                                   hint: "every service needs a name"))
            return nil
        }
        guard let title = value(.name, { ImportValues.text($0, length: ImportValues.titleLength) }) else { return nil }
        var service = ImportedService(place: .row(file: file, row: row.number), title: title)
        service.summary = value(.summary, hint: "write one or two plain sentences, without formatting") {
            ImportValues.text($0, length: ImportValues.summaryLength).flatMap { text in
                ImportValues.plainText(text, length: ImportValues.summaryLength).flatMap { $0 == text ? .success($0) : .failure("has formatting (Markdown or HTML) in it") }
            }
        }
        if let description = cell(.description) { service.body = HTMLToMarkdown.convert(description) }
        if service.summary == nil, !service.body.isEmpty, let first = HTMLToMarkdown.blocks(service.body).first {
            service.summary = ImportValues.summary(fromFirstParagraph: first.plain)
        }
        service.organisation = organisation()
        let categories = self.categories
        let today = self.today
        service.categories = choices(.categories, allowed: "the category ids of site.yml (\(categories.map(\.id).joined(separator: ", ")))", wholeFirst: true) { item in
            let key = Slug.make(from: item.replacingOccurrences(of: "&", with: " and "))
            return categories.first { $0.id == item || $0.id == key || Slug.make(from: $0.title.replacingOccurrences(of: "&", with: " and ")) == key }?.id
        }
        service.level = choices(.level, allowed: ImportValues.allowed(ServiceLevel.self)) { ServiceLevel(rawValue: $0.lowercased()) }.first
        readEligibility(into: &service)
        readContact(into: &service)
        readCost(into: &service)
        service.personalBudget = value(.personalBudget, Self.boolean) ?? false
        service.commissionedBy = choices(.commissionedBy, allowed: ImportValues.allowed(Commissioner.self)) { item in
            let word = item.lowercased()
            if word.contains("joint") || word.contains("and") && word.contains("nhs") { return Commissioner.joint }
            if word.contains("nhs") || word.contains("icb") || word.contains("health") { return .nhs }
            if word.contains("school") { return .schools }
            if word.contains("council") || word.contains("local authority") { return .council }
            return nil
        }
        readLocation(into: &service)
        if let raw = cell(.openingHours) {
            switch OpeningHoursText.parse(raw) {
            case .success(let hours): service.schedule = hours
            case .failure(let problem): fail(.openingHours, raw, problem, hint: "write days and times, for example: Mon-Fri 09:00-17:00; Sat 10:00-12:00")
            }
        }
        service.languages = choices(.languages, allowed: "language tags such as en, so, pl, bfi, or English names such as Somali") {
            try? ImportValues.language($0).get()
        }
        let weeksAllowed = ImportValues.waitingWeeks
        if let weeks = value(.waitingWeeks, { raw in
            Int(raw).flatMap { weeksAllowed.contains($0) ? $0 : nil }.map { .success($0) }
                ?? .failure("is not a number of weeks from \(weeksAllowed.lowerBound) to \(weeksAllowed.upperBound)")
        }) {
            if let asOf = value(.waitingAsOf, { ImportValues.pastDate($0, today: today) }) {
                service.waitingTime = WaitingTime(weeks: weeks, asOf: asOf)
            } else if cell(.waitingAsOf) == nil {
                fail(.waitingWeeks, String(weeks), "has no 'waiting_as_of' date beside it", hint: "say when the waiting time was measured, as YYYY-MM-DD")
            }
        }
        service.lastReviewed = value(.lastReviewed) { ImportValues.pastDate($0, today: today) }
        service.reviewBy = value(.reviewBy, ImportValues.date)
        if let status = cell(.status) {
            switch status.lowercased() {
            case "active", "published": break
            case "draft": service.withdrawnReason = "'draft'"
            default: fail(.status, status, "is not allowed", hint: "use \(ImportValues.allowed(PublicationStatus.self))")
            }
        }
        service.tags = cell(.tags).map { items($0).filter { ImportValues.tagLength.contains($0.count) } } ?? []
        return service
    }

    private mutating func organisation() -> ImportedOrganisation? {
        guard let name = value(.organisation, { ImportValues.text($0, length: ImportValues.organisationNameLength) }) else { return nil }
        var organisation = ImportedOrganisation(name: name)
        organisation.type = choices(.organisationType, allowed: ImportValues.allowed(OrganisationType.self)) { OrganisationType(rawValue: $0.lowercased()) }.first
        organisation.website = value(.organisationWebsite, ImportValues.website)
        organisation.contact.email = value(.organisationEmail, ImportValues.email)
        organisation.contact.phone = value(.organisationPhone, ImportValues.phone)
        return organisation
    }

    private mutating func readEligibility(into service: inout ImportedService) {
        let ages = ImportValues.ageRange
        let age: (String) -> Result<Int, ValueProblem> = { raw in
            Int(raw).flatMap { ages.contains($0) ? $0 : nil }.map { .success($0) }
                ?? .failure("is not a whole number of years from \(ages.lowerBound) to \(ages.upperBound)")
        }
        let minimum = value(.ageMin, age)
        let maximum = value(.ageMax, age)
        switch (minimum, maximum) {
        case let (low?, high?):
            if low <= high { service.age = AgeRange(min: low, max: high) } else {
                fail(.ageMin, String(low), "is more than age_max (\(high))", hint: "the youngest age goes in age_min, the oldest in age_max")
            }
        case (nil, nil): break
        default:
            if cell(.ageMin) != nil && cell(.ageMax) != nil { break }  // one of them was reported already
            let column: CSVColumn = minimum == nil ? .ageMin : .ageMax
            problems.append(.error(.importInvalidValue, "'\(column.rawValue)' is empty, but '\(column == .ageMin ? "age_max" : "age_min")' is not",
                                   at: place(column), hint: "give both ages, in whole years"))
        }
        if let raw = cell(.ehcPlan) {
            switch raw.lowercased() {
            case "required", "yes", "y", "true", "needed": service.ehcPlan = .required
            case "not-required", "not required", "no", "n", "false", "not needed": service.ehcPlan = .notRequired
            default: fail(.ehcPlan, raw, "is not allowed", hint: "use \(ImportValues.allowed(EHCPlanRequirement.self)) (yes or no)")
            }
        }
        service.needs = choices(.needs, allowed: AreaOfNeed.allCases.map(\.rawValue).joined(separator: ", "), wholeFirst: true) { item in
            let key = Slug.make(from: item.replacingOccurrences(of: "&", with: " and "))
            return AreaOfNeed.allCases.first { $0.rawValue == key || Slug.make(from: $0.title) == key }
        }
        service.diagnosisRequired = value(.diagnosisRequired, Self.boolean) ?? false
        service.residence = choices(.residence, allowed: ImportValues.allowed(Residence.self)) { Residence(rawValue: $0.lowercased()) }.first
        service.referral = choices(.referral, allowed: ReferralRoute.allCases.map(\.rawValue).joined(separator: ", ")) { item in
            let key = Slug.make(from: item)
            if let exact = ReferralRoute(rawValue: key) { return exact }
            let words: [(String, ReferralRoute)] = [
                ("self", .self), ("young-person", .self), ("parent", .parentCarer), ("carer", .parentCarer), ("family", .parentCarer),
                ("gp", .gp), ("doctor", .gp), ("health", .healthProfessional), ("school", .school), ("college", .school),
                ("nursery", .school), ("social", .socialWorker), ("council", .localAuthority), ("local-authority", .localAuthority),
            ]
            return words.first { key.contains($0.0) }?.1
        }
        service.criteria = value(.criteria, hint: "write plain sentences, without formatting") {
            ImportValues.text($0, length: ImportValues.criteriaLength).flatMap { text in
                ImportValues.plainText(text, length: ImportValues.criteriaLength).flatMap { $0 == text ? .success($0) : .failure("has formatting (Markdown or HTML) in it") }
            }
        }
    }

    private mutating func readContact(into service: inout ImportedService) {
        service.contact.name = value(.contactName) { ImportValues.text($0, length: ImportValues.nameLength) }
        service.contact.phone = value(.phone, hint: "write a full UK number, such as 020 7946 0000", ImportValues.phone)
        service.contact.textphone = value(.textphone, hint: "write a full UK number, such as 18001 020 7946 0000", ImportValues.phone)
        service.contact.email = value(.email, hint: "write it as name@example.org", ImportValues.email)
        service.contact.website = value(.website, hint: "write the whole address, starting with https://", ImportValues.website)
        service.contact.address = address(.addressLine1, .addressLine2, .addressTown, .addressPostcode)
    }

    private mutating func address(_ line1Column: CSVColumn, _ line2Column: CSVColumn, _ townColumn: CSVColumn, _ postcodeColumn: CSVColumn) -> PostalAddress? {
        guard [line1Column, line2Column, townColumn, postcodeColumn].contains(where: { cell($0) != nil }) else { return nil }
        let line1 = value(line1Column) { ImportValues.text($0, length: ImportValues.addressLineLength) }
        let line2 = value(line2Column) { ImportValues.text($0, length: 1...120) }
        let town = value(townColumn) { ImportValues.text($0, length: ImportValues.townLength) }
        let postcode = value(postcodeColumn, hint: "write it like N22 8HQ", ImportValues.postcode)
        for (column, found) in [(line1Column, line1 != nil), (townColumn, town != nil), (postcodeColumn, postcode != nil)]
        where !found && cell(column) == nil {
            problems.append(.error(.importInvalidValue, "'\(column.rawValue)' is empty, but the address has other parts",
                                   at: place(column), hint: "an address needs its first line, town and postcode"))
        }
        guard let line1, let town, let postcode else { return nil }
        return PostalAddress(line1: line1, line2: line2, town: town, postcode: postcode)
    }

    private mutating func readLocation(into service: inout ImportedService) {
        let columns: [CSVColumn] = [.locationName, .locationLine1, .locationLine2, .locationTown, .locationPostcode, .locationAccessibility]
        guard columns.contains(where: { cell($0) != nil }) else { return }
        let address = address(.locationLine1, .locationLine2, .locationTown, .locationPostcode)
        if address == nil, cell(.locationLine1) == nil, cell(.locationTown) == nil, cell(.locationPostcode) == nil {
            problems.append(.error(.importInvalidValue, "the location has no address", at: place(.locationLine1),
                                   hint: "give location_line1, location_town and location_postcode"))
        }
        let name = value(.locationName) { ImportValues.text($0, length: ImportValues.nameLength) }
        let accessibility = choices(.locationAccessibility, allowed: AccessibilityFeature.allCases.map(\.rawValue).joined(separator: ", "),
                                    match: ImportValues.accessibilityFeature)
        if let address {
            service.locations = [Location(name: name ?? address.line1, address: address, accessibility: accessibility)]
        }
    }

    private mutating func readCost(into service: inout ImportedService) {
        guard let raw = cell(.cost) else { return }
        switch CostText.parse(raw) {
        case .success(let cost): service.cost = cost
        case .failure(let problem):
            fail(.cost, raw, problem, hint: "write free, or amounts such as: 12.50 per session: After-school club; 3 per visit: Swimming")
        }
    }

    static func boolean(_ raw: String) -> Result<Bool, ValueProblem> {
        switch raw.lowercased() {
        case "true", "yes", "y", "1": .success(true)
        case "false", "no", "n", "0": .success(false)
        default: .failure("is not yes or no")
        }
    }
}

/// Opening hours written in a cell: `Mon-Fri 09:00-17:00; Sat 10:00-12:00`, `Tue, Thu 9:30-15:00`.
enum OpeningHoursText {
    static func parse(_ text: String) -> Result<[OpeningHours], ValueProblem> {
        var result: [OpeningHours] = []
        let several = text.contains(";")
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            // The times are the last word: "09:00-17:00" (or "09:00 to 17:00").
            let normalised = part.replacingOccurrences(of: " to ", with: "-").replacingOccurrences(of: "–", with: "-")
            guard let space = normalised.lastIndex(of: " ") else { return .failure("has no days before the times\(several ? " in '\(part)'" : "")") }
            let daysText = String(normalised[..<space])
            let times = normalised[normalised.index(after: space)...].split(separator: "-")
            guard times.count == 2, case .success(let opens) = ImportValues.time(String(times[0])),
                  case .success(let closes) = ImportValues.time(String(times[1])) else {
                return .failure("has no times such as 09:00-17:00\(several ? " in '\(part)'" : "")")
            }
            guard opens < closes else { return .failure("closes before it opens\(several ? " in '\(part)'" : "")") }
            var days: [Weekday] = []
            for range in daysText.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "&" }) where !range.isEmpty && range.lowercased() != "and" {
                let ends = range.split(separator: "-").map { String($0) }
                let found = ends.compactMap { end in Weekday.allCases.first { day in
                    let word = end.lowercased()
                    return word.count >= 2 && (day.rawValue.hasPrefix(word) || day.title.lowercased().hasPrefix(word))
                } }
                guard found.count == ends.count, let first = found.first, let last = found.last,
                      let start = Weekday.allCases.firstIndex(of: first), let end = Weekday.allCases.firstIndex(of: last), start <= end else {
                    return .failure("has days that are not days of the week\(several ? " in '\(part)'" : "")")
                }
                for day in Weekday.allCases[start...end] where !days.contains(day) { days.append(day) }
            }
            guard !days.isEmpty else { return .failure("has no days\(several ? " in '\(part)'" : "")") }
            result.append(OpeningHours(days: days.sorted(), opens: opens, closes: closes))
        }
        return result.isEmpty ? .failure("has no opening hours") : .success(result)
    }
}

/// A cost written in a cell: `free`, or `12.50 per session: After-school club; 3 per visit: Swimming`.
enum CostText {
    static func parse(_ text: String) -> Result<Cost, ValueProblem> {
        let several = text.contains(";")
        if ["free", "no charge", "0", "£0"].contains(text.lowercased()) { return .success(.free) }
        var options: [CostOption] = []
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let (price, label) = part.firstIndex(of: ":").map { (String(part[..<$0]), String(part[part.index(after: $0)...]).trimmingCharacters(in: .whitespaces)) } ?? (part, "")
            let words = price.split(separator: " ").map(String.init)
            guard let amountText = words.first, case .success(let pence) = ImportValues.amount(amountText) else {
                return .failure("has no amount in pounds such as 12.50\(several ? " in '\(part)'" : "")")
            }
            guard let per = ImportValues.billingPeriod(words.dropFirst().joined(separator: " ")) else {
                return .failure("does not say what '\(amountText)' is per (session, hour, day, week, month, year, course or visit)")
            }
            let description = label.isEmpty ? "Charge per \(per.rawValue)" : label
            guard case .success(let clean) = ImportValues.plainText(description, length: ImportValues.costDescriptionLength) else {
                return .failure("has a description that is not 3 to 200 characters of plain text\(several ? " in '\(part)'" : "")")
            }
            options.append(CostOption(amountInPence: pence, per: per, description: clean))
        }
        return options.isEmpty ? .failure("is not free or a list of amounts") : .success(.charged(options))
    }
}
