/// The field tables of docs/content-format.md, written from the catalogue: one row per key, nested
/// keys by their dotted path (`eligibility.age.min`, `locations[].name`). The shared contact and
/// address mappings have a table of their own, which the others point to.
public enum FieldTable {
    /// The tables, by the name of their generated section in the docs.
    public static var sections: [(name: String, text: String)] {
        FieldCatalogue.kinds.map { ("\($0.id) fields", table(for: $0)) }
            + [("contact fields", table(rows: rows(FieldCatalogue.contact, prefix: "", inShared: true), rules: [atLeastOne(FieldCatalogue.contact)]))]
    }

    static func table(for kind: CatalogueKind) -> String {
        switch kind.root {
        case .mapping(let mapping):
            return table(rows: rows(mapping, prefix: "", inShared: false), rules: notes(for: kind))
        case .list(let list):
            let intro = "The file is a list. Each item: \(list.itemDescription)"
            if case .mapping(let mapping) = list.item {
                return intro + " Its keys:\n\n" + table(rows: rows(mapping, prefix: "", inShared: false), rules: notes(for: kind))
            }
            return intro + " It is a \(describe(list.item)).\n"
        default:
            return describe(kind.root) + "\n"
        }
    }

    static func atLeastOne(_ mapping: CatalogueMapping) -> String {
        let names = mapping.atLeastOneOf.map { "`\($0)`" }
        return "At least one of " + names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "") + " is required."
    }

    static func notes(for kind: CatalogueKind) -> [String] {
        var notes = kind.rules.map { rule in
            let conditions = rule.matches.map { match -> String in
                switch match {
                case .equals(let value): "is `\(value)`"
                case .isMapping: "is a mapping"
                }
            }
            return "`\(rule.required.joined(separator: "."))` is required when `\(rule.when.joined(separator: "."))` "
                + conditions.joined(separator: " or ") + ". " + rule.description
        }
        if let draft = kind.draft {
            notes.append("A draft (`\(draft.field): \(draft.value)`) may leave out the fields marked *to publish*; `localoffer check` lists what it lacks as warnings (LO115).")
        }
        return notes
    }

    struct Row {
        var path: String
        var value: String
        var presence: String
        var description: String
        var example: String
    }

    static func table(rows: [Row], rules: [String]) -> String {
        var text = "| Field | Value | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n"
        for row in rows {
            text += "| " + [row.path, row.value, row.presence, row.description, row.example].map(cell).joined(separator: " | ") + " |\n"
        }
        if !rules.isEmpty {
            text += "\n" + rules.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func rows(_ mapping: CatalogueMapping, prefix: String, inShared: Bool) -> [Row] {
        var rows: [Row] = []
        for field in mapping.fields {
            let path = prefix + field.name
            rows.append(Row(
                path: "`\(path)`", value: inShared && field.shape.isMapping ? "mapping with the keys below" : describe(field.shape),
                presence: presence(field.presence),
                description: field.description, example: example(field).map { "`\($0.yaml)`" } ?? ""
            ))
            rows += children(field.shape, path: path, inShared: inShared)
        }
        return rows
    }

    /// The rows of the mappings inside a field; shared mappings are expanded only in their own table.
    static func children(_ shape: FieldShape, path: String, inShared: Bool) -> [Row] {
        switch shape {
        case .mapping(let mapping):
            if mapping.definition != nil && !inShared { return [] }
            return rows(mapping, prefix: path + ".", inShared: inShared)
        case .list(let list):
            return children(list.item, path: path + "[]", inShared: inShared)
        case .either(let alternatives):
            return alternatives.flatMap { children($0.shape, path: path, inShared: inShared) }
        default:
            return []
        }
    }

    static func presence(_ presence: Presence) -> String {
        switch presence {
        case .required: "yes"
        case .requiredToPublish: "to publish"
        case .optional(let value?): "no (default `\(value.yaml)`)"
        case .optional(nil): "no"
        }
    }

    static func example(_ field: CatalogueField) -> SampleValue? {
        if case .mapping = field.shape { return nil }
        if case .list(let list) = field.shape, case .mapping = list.item { return nil }
        return field.example
    }

    static func itemLimits(_ list: ListShape) -> String {
        var limits: [String] = []
        if list.minItems > 0 { limits.append("at least \(list.minItems)") }
        if list.unique { limits.append("no repeats") }
        return limits.isEmpty ? "" : "(" + limits.joined(separator: ", ") + ")"
    }

    /// The value in words: `text, 3 to 120 characters`, `one of: universal, targeted, specialist`.
    static func describe(_ shape: FieldShape) -> String {
        switch shape {
        case .text(let length): "text, \(length.lowerBound) to \(length.upperBound) characters"
        case .plainText(let length): "plain text (no Markdown), \(length.lowerBound) to \(length.upperBound) characters"
        case .word(let length): "one word (letters and digits), \(length.lowerBound) to \(length.upperBound) characters"
        case .integer(let range): "whole number, \(range.lowerBound) to \(range.upperBound)"
        case .amount(let below): "amount in pounds, 0 to below \(grouped(below)), at most two decimal places"
        case .boolean: "true or false"
        case .value(let format): format.title
        case .pastDate: ValueFormat.date.title + ", not in the future"
        case .reference(let entry): "\(entry.rawValue) slug"
        case .choice(let values): "one of: " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .constant(let value): "`\(value)`"
        case .list(let list):
            "list of " + (list.item.isChoice ? "values, each " : "") + describe(list.item) + (itemLimits(list).isEmpty ? "" : " " + itemLimits(list))
        case .mapping(let mapping):
            mapping.definition.map { "\($0), see [Contacts and addresses](#contacts-and-addresses)" } ?? "mapping with the keys below"
        case .either(let alternatives):
            alternatives.map { describe($0.shape) }.joined(separator: "; or ")
        }
    }
}

/// 1000000 as 1,000,000.
private func grouped(_ number: Int) -> String {
    var digits = String(number)
    var groups: [String] = []
    while digits.count > 3 {
        groups.insert(String(digits.suffix(3)), at: 0)
        digits.removeLast(3)
    }
    return ([digits] + groups).joined(separator: ",")
}

extension FieldShape {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    var isChoice: Bool {
        if case .choice = self { return true }
        return false
    }
}
