/// The formats of values that have a type of their own in the model. The Swift value types
/// (`LocalDate`, `PhoneNumber`, ...) are what the decoder checks; the patterns here say the same for
/// editors' schemas, and tests/schema/test_schema_agreement.py holds each pattern to the examples
/// of the value type's tests.
public enum ValueFormat: String, Sendable, CaseIterable {
    case plainText, slug, date, time, phone, email, webAddress, postcode, languageTag

    /// How the docs table names the format.
    public var title: String {
        switch self {
        case .plainText: "plain text"
        case .slug: "slug"
        case .date: "date, YYYY-MM-DD"
        case .time: "time, \"HH:MM\""
        case .phone: "UK phone number"
        case .email: "email address"
        case .webAddress: "https:// web address"
        case .postcode: "UK postcode"
        case .languageTag: "BCP 47 language tag"
        }
    }

    public var description: String {
        switch self {
        case .plainText: "Plain text, shown exactly as written: no Markdown or HTML (put links and emphasis in the Markdown body)."
        case .slug: "A slug: lower-case letters a-z, digits and single hyphens, such as speech-and-language-therapy."
        case .date: "A real calendar date written YYYY-MM-DD, such as 2026-09-14."
        case .time: #"A time on the 24-hour clock written "HH:MM" in quotes, such as "09:30" or "17:00"; "24:00" is the end of the day."#
        case .phone:
            "A UK phone number with its area code: 020 7946 0123, 0800 123 4567, 07700 900000, +44 (0)20 7946 0123. Spaces, hyphens and brackets are allowed."
        case .email: "An email address such as team@kingsmere.example.org, with no spaces."
        case .webAddress: "A full web address starting https://, such as https://www.kingsmere.example.org/therapies."
        case .postcode: "A UK postcode such as KM1 4AB or SW1A 1AA (any case; it is printed in capitals with one space)."
        case .languageTag: "A BCP 47 language tag: en, tr, so, pl, pt-BR, or bfi for British Sign Language."
        }
    }

    /// The regular expression a schema checks (plain text is checked by what it must not contain).
    var pattern: String? {
        switch self {
        case .plainText: nil
        case .slug: ##"^[a-z0-9]+(?:-[a-z0-9]+)*$"##
        case .date:
            ##"^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"##
        case .time: ##"^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"##
        case .phone:
            ##"^[ ()-]*(?:1[ ()-]*8[ ()-]*0[ ()-]*0[ ()-]*1[ ()-]*)?(?:0[ ()-]*[1235789](?:[ ()-]*[0-9]){9}|0[ ()-]*8[ ()-]*0[ ()-]*0(?:[ ()-]*[0-9]){6}|4[ ()-]*4[ ()-]*[1235789](?:[ ()-]*[0-9]){9})[ ()-]*$|^\+[ ()-]*4[ ()-]*4[ ()-]*(?:0[ ()-]*)?(?:[1235789](?:[ ()-]*[0-9]){9}|8[ ()-]*0[ ()-]*0(?:[ ()-]*[0-9]){6})[ ()-]*$"##
        case .email:
            ##"^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"##
        case .webAddress: ##"^[Hh][Tt][Tt][Pp][Ss]://[^\s"<>/?#]*\.[^\s"<>/?#]*(?:[/?#][^\s"<>]*)?$"##
        case .postcode: ##"^\s*[A-Za-z]\s*[A-Za-z]?\s*[0-9]\s*[A-Za-z0-9]?\s*[0-9]\s*[A-Za-z]\s*[A-Za-z]\s*$"##
        case .languageTag: ##"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"##
        }
    }

    /// JSON Schema's own `format`, for editors that understand it.
    var schemaFormat: String? {
        switch self {
        case .date: "date"
        case .email: "email"
        case .webAddress: "uri"
        default: nil
        }
    }

    var maxLength: Int? {
        switch self {
        case .slug: 100
        case .email: 254
        default: nil
        }
    }

    /// Where the schema and the decoder differ, for maintainers.
    var note: String? {
        switch self {
        case .date: "The pattern checks the days of each month, and 29 February in leap years only (as LocalDate does)."
        case .phone:
            "Mirrors PhoneNumber: 0 then 10 digits starting 1,2,3,5,7,8 or 9 (or 0800 + 6 digits); or +44 with an optional (0); or 44 + 10 digits; optionally after the Relay UK prefix 18001. [ ()-]* stands for the separators PhoneNumber ignores."
        case .webAddress: "The validator accepts http:// with a warning (LO205); the schema asks for https:// as the content format does."
        default: nil
        }
    }

    /// Examples offered by editors.
    var examples: [String] {
        switch self {
        case .languageTag: ["en", "bfi", "tr", "so", "pl", "pt-BR"]
        default: []
        }
    }

    /// The schema definition (`$defs/<name>`).
    var schema: SchemaJSON {
        if self == .plainText {
            // What DecodingContext.markdownMarker looks for: HTML, links, emphasis, code, and block markers.
            return .object([
                "type": .string("string"),
                "description": .string(description),
                "not": .object([
                    "anyOf": .array([
                        .object([
                            "allOf": .array([.object(["pattern": .string("<")]), .object(["pattern": .string(">")])]),
                            "description": .string("HTML: both < and >"),
                        ]),
                        .object([
                            "pattern": .string(#"\]\(|\*\*|__|`"#),
                            "description": .string("a Markdown link ](, emphasis ** or __, or code `"),
                        ]),
                        .object([
                            "pattern": .string(#"^\s*(?:#|- |\* |> )"#),
                            "description": .string("a Markdown heading, list item or quote at the start"),
                        ]),
                    ]),
                ]),
            ])
        }
        return .object([
            "type": .string("string"),
            "format": schemaFormat.map(SchemaJSON.string),
            "maxLength": maxLength.map(SchemaJSON.integer),
            "pattern": pattern.map(SchemaJSON.string),
            "description": .string(description),
            "examples": examples.isEmpty ? nil : SchemaJSON.strings(examples),
            "$comment": note.map(SchemaJSON.string),
        ])
    }
}
