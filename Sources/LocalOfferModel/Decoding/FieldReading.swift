import LocalOfferDiagnostics
import LocalOfferText
import Yams

/// The typed readers: each returns nil after reporting what is wrong, so callers just skip the value.
extension DecodingContext {
    func text(_ field: Field) -> String? {
        guard case .scalar(let scalar) = field.node, !field.isNull else {
            error(.wrongType, "'\(field.name)' should be text, but is \(field.kindDescription)", at: field.node,
                  hint: field.isNull ? "write a value after the colon, or remove the key" : nil)
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        // A placeholder is reported once, as itself: not also as a phone number or a length it fails.
        if let placeholder = Placeholders.find(in: value) {
            report(Placeholders.diagnostic(placeholder, field: field.name, at: location(of: field.node)))
            return nil
        }
        return value
    }

    func text(_ field: Field, length: ClosedRange<Int>) -> String? {
        guard let value = text(field) else { return nil }
        guard length.contains(value.count) else {
            let found = value.count == 1 ? "1 character" : "\(value.count) characters"
            error(.textLength, "'\(field.name)' is \(found) long; it must be \(length.lowerBound) to \(length.upperBound)",
                  at: field.node, hint: value.count > length.upperBound ? "shorten it; put the detail in the Markdown body" : nil)
            return nil
        }
        return value
    }

    /// Plain text for summaries and criteria: shown as it is, so Markdown or HTML would appear raw.
    func plainText(_ field: Field, length: ClosedRange<Int>) -> String? {
        guard let value = text(field, length: length) else { return nil }
        if let marker = Self.markdownMarker(in: value) {
            error(.markdownInPlainText, "'\(field.name)' is plain text but contains \(marker)", at: field.node,
                  hint: "write it without formatting; use the Markdown body for links and emphasis")
            return nil
        }
        return value
    }

    private static func markdownMarker(in text: String) -> String? {
        let bytes = Array(text.utf8)
        func has(_ first: UInt8, _ second: UInt8) -> Bool {
            zip(bytes, bytes.dropFirst()).contains { $0 == first && $1 == second }
        }
        if bytes.contains(UInt8(ascii: "<")) && bytes.contains(UInt8(ascii: ">")) { return "HTML" }
        if has(UInt8(ascii: "]"), UInt8(ascii: "(")) { return "a Markdown link" }
        if has(UInt8(ascii: "*"), UInt8(ascii: "*")) || has(UInt8(ascii: "_"), UInt8(ascii: "_")) { return "Markdown emphasis" }
        if bytes.contains(UInt8(ascii: "`")) { return "Markdown code" }
        if text.hasPrefix("#") || text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("> ") {
            return "Markdown formatting"
        }
        return nil
    }

    /// Text of the length the field catalogue gives the field; plain text (no Markdown or HTML) where
    /// it says so.
    func boundedText(_ field: Field) -> String? {
        switch field.shape {
        case .text(let length)?, .word(let length)?: return text(field, length: length)
        case .plainText(let length)?: return plainText(field, length: length)
        default:
            assertionFailure("the field catalogue gives '\(field.name)' no length")
            return text(field)
        }
    }

    /// A whole number in the field catalogue's range for the field.
    func boundedInteger(_ field: Field) -> Int? {
        guard case .integer(let range)? = field.shape else {
            assertionFailure("the field catalogue gives '\(field.name)' no range")
            return integer(field, in: 0...0)
        }
        return integer(field, in: range)
    }

    func integer(_ field: Field, in range: ClosedRange<Int>) -> Int? {
        guard let raw = text(field) else { return nil }
        guard let value = Int(raw), raw.allSatisfy({ $0.isASCIIDigit || $0 == "-" }) else {
            error(.wrongType, "'\(field.name)' should be a whole number, but is '\(raw)'", at: field.node)
            return nil
        }
        guard range.contains(value) else {
            error(.numberOutOfRange, "'\(field.name)' is \(value); it must be from \(range.lowerBound) to \(range.upperBound)",
                  at: field.node)
            return nil
        }
        return value
    }

    func boolean(_ field: Field) -> Bool? {
        guard let raw = text(field) else { return nil }
        switch raw.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(.wrongType, "'\(field.name)' should be true or false, but is '\(raw)'", at: field.node)
            return nil
        }
    }

    func date(_ field: Field) -> LocalDate? {
        guard let raw = text(field) else { return nil }
        guard let date = LocalDate(iso: raw) else {
            error(.invalidDate, "'\(field.name)' is '\(raw)', which is not a date", at: field.node,
                  hint: "write dates as YYYY-MM-DD, for example 2026-09-14")
            return nil
        }
        return date
    }

    func pastDate(_ field: Field) -> LocalDate? {
        guard let date = date(field) else { return nil }
        guard date <= today else {
            error(.dateInFuture, "'\(field.name)' is \(date), which is in the future", at: field.node,
                  hint: "use the date the information was actually checked (today is \(today))")
            return nil
        }
        return date
    }

    func choice<Value: RawRepresentable & CaseIterable>(_ field: Field, of type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let raw = text(field) else { return nil }
        if let value = Value(rawValue: raw) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let suggestion = Suggestions.closest(to: raw, among: allowed).map { "did you mean '\($0)'? " } ?? ""
        error(.valueNotAllowed, "'\(field.name)' is '\(raw)', which is not allowed", at: field.node,
              hint: suggestion + "use one of: \(Suggestions.allowedList(allowed))")
        return nil
    }

    /// A YAML list; one the field catalogue gives a minimum number of items reports an empty one.
    /// Each item carries the catalogue's shape for the list's items.
    func list(_ field: Field) -> [Field]? {
        let shape = field.shape?.listShape
        let nonEmpty = (shape?.minItems ?? 0) > 0
        guard case .sequence(let sequence) = field.node else {
            error(.wrongType, "'\(field.name)' should be a list, but is \(field.kindDescription)", at: field.node,
                  hint: "write a list as [first, second] or as lines starting with '- '")
            return nil
        }
        if nonEmpty && sequence.isEmpty {
            error(.emptyList, "'\(field.name)' is empty; it needs at least one item", at: field.node)
            return nil
        }
        return sequence.enumerated().map { index, node in
            let item = Field(name: "\(field.name)[\(index + 1)]", node: node, keyNode: nil, shape: shape?.item)
            record(item)
            return item
        }
    }

    /// A list of closed-vocabulary values, each checked, duplicates reported.
    func choices<Value: RawRepresentable & CaseIterable & Hashable>(
        _ field: Field, of type: Value.Type
    ) -> [Value]? where Value.RawValue == String {
        guard let items = list(field) else { return nil }
        var values: [Value] = []
        var failed = false
        for item in items {
            guard let value = choice(item, of: type) else { failed = true; continue }
            if values.contains(value) {
                error(.duplicateListItem, "'\(value.rawValue)' appears more than once in '\(field.name)'", at: item.node)
                continue
            }
            values.append(value)
        }
        return failed ? nil : values
    }

    /// The keys of a mapping, checked against the catalogue's (the one list of what each mapping allows).
    func mapping(_ field: Field, of shape: CatalogueMapping) -> MappingReader? {
        MappingReader(field, mapping: shape, context: self)
    }
}
