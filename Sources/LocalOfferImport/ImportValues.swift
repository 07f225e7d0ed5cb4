import Foundation
import LocalOfferModel

/// The checks a value must pass to be written into an entry, shared by the feed and spreadsheet
/// readers. Each returns the value, or why it cannot be used (for the message). The value types
/// themselves (`PhoneNumber`, `Postcode`...) are the model's: one home for what a phone number is.
///
/// Lengths and ranges are the field catalogue's (`FieldCatalogue`), as the validator's are; the
/// import is checked by the real validator too before anything is written.
public enum ImportValues {
    public static let titleLength = FieldCatalogue.serviceFields.length(at: "title")
    public static let summaryLength = FieldCatalogue.serviceFields.length(at: "summary")
    public static let nameLength = FieldCatalogue.contact.length(at: "name")
    public static let organisationNameLength = FieldCatalogue.organisationFields.length(at: "name")
    public static let addressLineLength = FieldCatalogue.address.length(at: "line1")
    public static let townLength = FieldCatalogue.address.length(at: "town")
    public static let criteriaLength = FieldCatalogue.serviceFields.length(at: "eligibility.criteria")
    public static let costDescriptionLength = FieldCatalogue.serviceFields.length(at: "cost.description")
    public static let tagLength = FieldCatalogue.serviceFields.length(at: "tags")
    public static let ageRange = FieldCatalogue.ageRange.range(at: "min")
    public static let waitingWeeks = FieldCatalogue.waitingTime.range(at: "weeks")

    /// A vocabulary in words, for messages: `universal, targeted or specialist`.
    static func allowed<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) -> String where Value.RawValue == String {
        let words = Value.allCases.map(\.rawValue)
        guard words.count > 1, let last = words.last else { return words.joined() }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }

    public static func text(_ raw: String, length: ClosedRange<Int>) -> Result<String, ValueProblem> {
        let value = HTMLToMarkdown.plainLine(raw)
        guard length.contains(value.count) else {
            return .failure(value.count < length.lowerBound
                ? "is too short (\(value.count) character\(value.count == 1 ? "" : "s"); at least \(length.lowerBound))"
                : "is too long (\(value.count) characters; at most \(length.upperBound))")
        }
        return .success(value)
    }

    /// Plain text for a summary or criteria: one line, and nothing Markdown would read as formatting.
    public static func plainText(_ raw: String, length: ClosedRange<Int>) -> Result<String, ValueProblem> {
        text(raw, length: length).flatMap { value in
            var cleaned = value.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
                .replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "](", with: "] (")
            while let first = cleaned.first, "#>".contains(first) || cleaned.hasPrefix("- ") || cleaned.hasPrefix("* ") {
                cleaned = String(cleaned.dropFirst(first == "-" || first == "*" ? 2 : 1)).trimmingCharacters(in: .whitespaces)
            }
            if cleaned.contains("<") && cleaned.contains(">") {
                cleaned = cleaned.replacingOccurrences(of: "<", with: "‹").replacingOccurrences(of: ">", with: "›")
            }
            return length.contains(cleaned.count) ? .success(cleaned) : .failure("has too little text once its formatting is removed")
        }
    }

    /// A summary from the first paragraph of a description: the whole paragraph when it fits,
    /// otherwise its first sentences, cut at a sentence (or a word) before 300 characters.
    public static func summary(fromFirstParagraph paragraph: String) -> String? {
        if case .success(let whole) = plainText(paragraph, length: summaryLength) { return whole }
        let plain = HTMLToMarkdown.collapseWhitespace(paragraph)
        guard plain.count > summaryLength.upperBound else { return nil }
        var cut = ""
        var sentence = ""
        for character in plain {
            sentence.append(character)
            if ".!?".contains(character) {
                if (cut + sentence).count > summaryLength.upperBound { break }
                cut += sentence
                sentence = ""
            }
        }
        var result = cut.trimmingCharacters(in: .whitespaces)
        if result.count < summaryLength.lowerBound {
            let words = plain.split(separator: " ")
            result = ""
            for word in words {
                if result.count + word.count + 2 > summaryLength.upperBound { break }
                result += (result.isEmpty ? "" : " ") + word
            }
            result += "…"
        }
        if case .success(let clean) = plainText(result, length: summaryLength) { return clean }
        return nil
    }

    public static func phone(_ raw: String) -> Result<PhoneNumber, ValueProblem> {
        PhoneNumber(raw.trimmingCharacters(in: .whitespaces)).map { .success($0) } ?? .failure("is not a UK phone number")
    }

    public static func email(_ raw: String) -> Result<EmailAddress, ValueProblem> {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let address = trimmed.lowercased().hasPrefix("mailto:") ? String(trimmed.dropFirst(7)) : trimmed
        return EmailAddress(address).map { .success($0) } ?? .failure("is not an email address")
    }

    /// A web address; `www.example.org` (as feeds often write it) becomes `https://www.example.org`.
    public static func website(_ raw: String) -> Result<WebAddress, ValueProblem> {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if !text.contains("://"), text.lowercased().hasPrefix("www.") { text = "https://" + text }
        switch WebAddress.parse(text) {
        case .success(let address): return .success(address)
        case .failure(.schemeNotAllowed(let scheme)): return .failure("is a '\(scheme):' address; only https:// web addresses are published")
        case .failure(.notAbsolute): return .failure("is not a full web address starting with https://")
        }
    }

    public static func postcode(_ raw: String) -> Result<Postcode, ValueProblem> {
        Postcode(raw).map { .success($0) } ?? .failure("is not a UK postcode")
    }

    /// `2026-09-14`, or the date part of `2026-09-14T10:30:00Z`; never in the future.
    public static func pastDate(_ raw: String, today: LocalDate) -> Result<LocalDate, ValueProblem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let date = LocalDate(iso: String(text.prefix(10))), text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " " else {
            return .failure("is not a date written YYYY-MM-DD")
        }
        return date <= today ? .success(date) : .failure("is in the future")
    }

    public static func date(_ raw: String) -> Result<LocalDate, ValueProblem> {
        LocalDate(iso: raw.trimmingCharacters(in: .whitespaces)).map { .success($0) } ?? .failure("is not a date written YYYY-MM-DD")
    }

    /// `09:00`, `9:00`, `09:00:00`, `9am`, `5.30pm`.
    public static func time(_ raw: String) -> Result<TimeOfDay, ValueProblem> {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        var offset = 0
        if text.hasSuffix("am") || text.hasSuffix("pm") {
            offset = text.hasSuffix("pm") ? 12 : 0
            text = String(text.dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        guard (1...3).contains(parts.count), let hour = Int(parts[0]), parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else {
            return .failure("is not a time such as 09:30")
        }
        let minute = parts.count > 1 ? Int(parts[1]) ?? -1 : 0
        var hour24 = hour
        if offset == 12, hour < 12 { hour24 += 12 }
        if offset == 0, raw.lowercased().hasSuffix("am"), hour == 12 { hour24 = 0 }
        guard let time = TimeOfDay(String(hour24).leftPadded(to: 2) + ":" + String(minute).leftPadded(to: 2)) else {
            return .failure("is not a time such as 09:30")
        }
        return .success(time)
    }

    /// A language from a BCP 47 tag (`so`) or its English name (`Somali`).
    public static func language(_ raw: String) -> Result<LanguageTag, ValueProblem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let byName = languageTags[text.lowercased()], let tag = LanguageTag(byName) { return .success(tag) }
        if text.count <= 8, let tag = LanguageTag(text.lowercased() == text ? text : text.prefix(while: { $0 != "-" }).lowercased() + text.drop(while: { $0 != "-" })) {
            return .success(tag)
        }
        return .failure("is not a language tag (such as so) or the English name of a language")
    }

    private static let languageTags: [String: String] = {
        let tags = ["en", "bfi", "tr", "so", "pl", "bn", "ur", "pa", "gu", "ar", "fr", "es", "pt", "ro", "lt", "ti", "am",
                    "fa", "ps", "ku", "yo", "tw", "zh", "yue", "cmn", "ta", "sq", "el", "it", "bg", "hi", "cy", "ru", "uk",
                    "sw", "vi", "he", "yi"]
        var table: [String: String] = [:]
        for tag in tags {
            if let name = LanguageTag(tag)?.englishName.lowercased() { table[name] = tag }
        }
        table["bsl"] = "bfi"
        table["sign language"] = "bfi"
        table["farsi"] = "fa"
        table["mandarin chinese"] = "cmn"
        return table
    }()

    /// A whole number of years, from text or a JSON number (`12`, `"12"`, `12.0`; `4.5` rounds down).
    public static func age(_ raw: String) -> Result<Int, ValueProblem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value >= 0, value < 200, !text.isEmpty else { return .failure("is not an age in whole years") }
        return .success(Int(value.rounded(.down)))
    }

    /// Pounds to pence: `12.5`, `£12.50`, `12` → 1250, 1250, 1200.
    public static func amount(_ raw: String) -> Result<Int, ValueProblem> {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("£") { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let pounds = Int(parts[0]), pounds >= 0, pounds < 1_000_000,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            return .failure("is not an amount in pounds such as 12.50")
        }
        guard parts.count == 1 || parts[1].count <= 2 else { return .failure("has more than two decimal places") }
        let pence = parts.count == 2 ? (Int(parts[1]) ?? 0) * (parts[1].count == 1 ? 10 : 1) : 0
        return .success(pounds * 100 + pence)
    }

    /// A billing period from `per session`, `an hour`, `weekly`...
    public static func billingPeriod(_ raw: String) -> BillingPeriod? {
        let words = raw.lowercased().split(whereSeparator: { !$0.isLetter })
        for word in words.reversed() {
            if let period = BillingPeriod(rawValue: String(word)) { return period }
            let synonyms: [String: BillingPeriod] = [
                "sessions": .session, "class": .session, "lesson": .session, "hours": .hour, "hourly": .hour, "daily": .day,
                "days": .day, "weekly": .week, "weeks": .week, "monthly": .month, "months": .month, "annual": .year,
                "annually": .year, "yearly": .year, "term": .course, "visits": .visit, "appointment": .visit,
            ]
            if let period = synonyms[String(word)] { return period }
        }
        return nil
    }

    /// An accessibility feature from its value (`step-free`) or a description a feed might use.
    public static func accessibilityFeature(_ raw: String) -> AccessibilityFeature? {
        let text = raw.lowercased()
        if let exact = AccessibilityFeature(rawValue: text.trimmingCharacters(in: .whitespaces)) { return exact }
        if let byTitle = AccessibilityFeature.allCases.first(where: { $0.title.lowercased() == text }) { return byTitle }
        let keywords: [(String, AccessibilityFeature)] = [
            ("changing place", .changingPlaces), ("hearing loop", .hearingLoop), ("induction loop", .hearingLoop),
            ("accessible toilet", .accessibleToilet), ("disabled toilet", .accessibleToilet), ("accessible wc", .accessibleToilet),
            ("step-free", .stepFree), ("step free", .stepFree), ("wheelchair", .stepFree), ("ramp", .stepFree), ("lift", .stepFree),
            ("level access", .stepFree), ("parking", .parking), ("blue badge", .parking), ("quiet", .quietSpace), ("sensory room", .quietSpace),
        ]
        return keywords.first { text.contains($0.0) }?.1
    }
}

/// Why a value cannot be used, worded to follow the value: "'x@' is not an email address".
public struct ValueProblem: Error, Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public let reason: String
    public init(stringLiteral value: String) { reason = value }
    public init(stringInterpolation: DefaultStringInterpolation) { reason = String(stringInterpolation: stringInterpolation) }
    public var description: String { reason }
}
