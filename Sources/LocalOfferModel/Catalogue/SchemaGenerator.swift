/// Writes a kind's JSON Schema (draft 2020-12) from the catalogue. Each schema is self-contained
/// (editors resolve no `$ref` across files): the shared definitions it uses are copied into its
/// `$defs`. Only keywords draft-7 editors also understand are used, and nothing but annotations
/// sits beside a `$ref`.
public enum SchemaGenerator {
    public static func schema(for kind: CatalogueKind) -> SchemaJSON {
        var builder = Builder(draftRelaxes: kind.draft != nil)
        var root: [SchemaMember] = [
            SchemaMember("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            SchemaMember("title", .string(kind.title)),
            SchemaMember("description", .string(kind.description)),
        ]
        switch kind.root {
        case .mapping(let mapping):
            root += builder.mappingBody(mapping, path: [], describe: false).members
        default:
            root += builder.core(kind.root, path: nil)
        }
        var document = SchemaJSON.object(root)
        var checks = builder.relaxed.reduce(SchemaJSON.object([])) { result, entry in
            result.merging(nest(entry.parent, .object(["required": SchemaJSON.strings(entry.names)])))
        }
        for rule in kind.rules {
            checks = checks.merging(ruleSchema(rule))
        }
        if let draft = kind.draft {
            let condition = SchemaJSON.object([
                "description": kind.draftDescription.map(SchemaJSON.string),
                "if": .object([
                    "properties": .object([draft.field: .object(["const": .string(draft.value)])]),
                    "required": SchemaJSON.strings([draft.field]),
                ]),
                "else": checks,
            ])
            document = insert(SchemaMember("allOf", .array([condition])), before: "properties", in: document)
        } else if !checks.members.isEmpty {
            document = document.merging(checks)
        }
        let definitions = builder.definitions()
        if !definitions.isEmpty {
            document = document.merging(.object([SchemaMember("$defs", .object(definitions))]))
        }
        return document
    }

    /// `leaf` placed under `properties` for each key of the path.
    static func nest(_ path: some Collection<String>, _ leaf: SchemaJSON) -> SchemaJSON {
        path.reversed().reduce(leaf) { inner, key in .object(["properties": .object([key: inner])]) }
    }

    /// if the field at `when` matches, then `required` must be present; placed in the innermost
    /// mapping holding both, so that it reads where an editor looks for it.
    static func ruleSchema(_ rule: RequiredWhen) -> SchemaJSON {
        let whenParent = rule.when.dropLast(), requiredParent = rule.required.dropLast()
        let shared = zip(whenParent, requiredParent).prefix { $0 == $1 }.count
        let whenRest = rule.when.dropFirst(shared), requiredRest = rule.required.dropFirst(shared)
        let matches: [SchemaJSON] = rule.matches.map { match in
            switch match {
            case .equals(let value): .object(["const": .string(value)])
            case .isMapping: .object(["type": .string("object")])
            }
        }
        let condition = matches.count == 1 ? matches[0] : .object(["anyOf": .array(matches)])
        guard let whenKey = whenRest.last, let requiredKey = requiredRest.last else { return .object([]) }
        let check = SchemaJSON.object([
            "if": nest(whenRest.dropLast(), .object([
                "properties": .object([whenKey: condition]), "required": SchemaJSON.strings([whenKey]),
            ])),
            "then": nest(requiredRest.dropLast(), .object(["required": SchemaJSON.strings([requiredKey])])),
            "description": .string(rule.description),
        ])
        return nest(rule.required.prefix(shared), .object(["allOf": .array([check])]))
    }

    static func insert(_ member: SchemaMember, before key: String, in object: SchemaJSON) -> SchemaJSON {
        var members = object.members
        members.insert(member, at: members.firstIndex { $0.key == key } ?? members.endIndex)
        return .object(members)
    }

    static func json(_ value: SampleValue) -> SchemaJSON {
        switch value {
        case .text(let text): .string(text)
        case .integer(let number): .integer(number)
        case .decimal(let number): .number(number)
        case .boolean(let flag): .bool(flag)
        case .list(let items): .array(items.map(json))
        case .mapping(let entries): .object(entries.map { SchemaMember($0.key, json($0.value)) })
        }
    }

    struct Builder {
        /// Whether `requiredToPublish` fields are left to the non-draft branch.
        let draftRelaxes: Bool
        /// The requiredToPublish keys of each mapping (by path from the top), for the non-draft branch.
        var relaxed: [(parent: [String], names: [String])] = []
        private var formats: Set<ValueFormat> = []
        private var mappings: [String: CatalogueMapping] = [:]

        init(draftRelaxes: Bool) {
            self.draftRelaxes = draftRelaxes
        }

        /// The keywords that constrain a value of this shape. `path` is the field's place from the top
        /// of the file while only mappings lead there (nil inside a list or a shared definition).
        mutating func core(_ shape: FieldShape, path: [String]?) -> [SchemaMember] {
            switch shape {
            case .text(let length):
                return SchemaJSON.object([
                    "type": .string("string"), "minLength": .integer(length.lowerBound), "maxLength": .integer(length.upperBound),
                ]).members
            case .plainText(let length):
                return SchemaJSON.object([
                    "allOf": .array([reference(.plainText)]),
                    "minLength": .integer(length.lowerBound), "maxLength": .integer(length.upperBound),
                ]).members
            case .word(let length):
                // One word, as SiteDecoding's search settings read it: no white space, no ASCII punctuation but the apostrophe.
                return SchemaJSON.object([
                    "type": .string("string"), "minLength": .integer(length.lowerBound), "maxLength": .integer(length.upperBound),
                    "pattern": .string(#"^[^\s!-&(-/:-@\[-`{-~]+$"#),
                ]).members
            case .integer(let range):
                return SchemaJSON.object([
                    "type": .string("integer"), "minimum": .integer(range.lowerBound), "maximum": .integer(range.upperBound),
                ]).members
            case .amount(let below):
                return SchemaJSON.object([
                    "type": .string("number"), "minimum": .integer(0), "exclusiveMaximum": .integer(below),
                ]).members
            case .boolean:
                return [SchemaMember("type", .string("boolean"))]
            case .value(let format):
                return reference(format).members
            case .pastDate:
                // Today's date is not the schema's to know.
                return reference(.date).members
            case .reference:
                return reference(.slug).members
            case .choice(let values):
                return [SchemaMember("enum", SchemaJSON.strings(values))]
            case .constant(let value):
                return [SchemaMember("const", .string(value))]
            case .list(let list):
                let item = SchemaJSON.object(core(list.item, path: nil) + [SchemaMember("description", .string(list.itemDescription))])
                return SchemaJSON.object([
                    "type": .string("array"),
                    "minItems": list.minItems > 0 ? .integer(list.minItems) : nil,
                    "uniqueItems": list.unique ? .bool(true) : nil,
                    "items": item,
                ]).members
            case .mapping(let mapping):
                if let name = mapping.definition {
                    mappings[name] = mapping
                    return [SchemaMember("$ref", .string("#/$defs/\(name)"))]
                }
                return mappingBody(mapping, path: path, describe: false).members
            case .either(let alternatives):
                let options = alternatives.map { alternative in
                    SchemaJSON.object(core(alternative.shape, path: nil) + [SchemaMember("description", .string(alternative.description))])
                }
                return [SchemaMember("anyOf", .array(options))]
            }
        }

        mutating func reference(_ format: ValueFormat) -> SchemaJSON {
            formats.insert(format)
            return .object(["$ref": .string("#/$defs/\(format.rawValue)")])
        }

        mutating func mappingBody(_ mapping: CatalogueMapping, path: [String]?, describe: Bool) -> SchemaJSON {
            let relaxing = draftRelaxes && path != nil
            let always = mapping.fields.filter { $0.presence == .required || (!relaxing && $0.presence == .requiredToPublish) }
            let toPublish = relaxing ? mapping.fields.filter { $0.presence == .requiredToPublish } : []
            if let path, !toPublish.isEmpty {
                relaxed.append((path, toPublish.map(\.name)))
            }
            var properties: [SchemaMember] = []
            for field in mapping.fields {
                properties.append(SchemaMember(field.name, property(field, path: path.map { $0 + [field.name] })))
            }
            return SchemaJSON.object([
                "type": .string("object"),
                "additionalProperties": .bool(false),
                "required": always.isEmpty ? nil : SchemaJSON.strings(always.map(\.name)),
                "anyOf": mapping.atLeastOneOf.isEmpty ? nil : .array(mapping.atLeastOneOf.map { .object(["required": SchemaJSON.strings([$0])]) }),
                "description": describe ? .string(mapping.description) : nil,
                "properties": .object(properties),
            ])
        }

        mutating func property(_ field: CatalogueField, path: [String]?) -> SchemaJSON {
            var defaultValue: SchemaJSON?
            if case .optional(let value?) = field.presence { defaultValue = json(value) }
            return .object(core(field.shape, path: path) + SchemaJSON.object([
                "default": defaultValue,
                "description": .string(field.description),
                "$comment": field.note.map(SchemaJSON.string),
            ]).members)
        }

        /// The shared definitions used, and those they use, in a fixed order.
        mutating func definitions() -> [SchemaMember] {
            var built: [String: SchemaJSON] = [:]
            while let (name, mapping) = mappings.first(where: { built[$0.key] == nil }) {
                built[name] = mappingBody(mapping, path: nil, describe: true)
            }
            let valueDefinitions = ValueFormat.allCases.filter(formats.contains).map { SchemaMember($0.rawValue, $0.schema) }
            let mappingDefinitions = FieldCatalogue.sharedMappings.compactMap { mapping -> SchemaMember? in
                guard let name = mapping.definition, let schema = built[name] else { return nil }
                return SchemaMember(name, schema)
            }
            return valueDefinitions + mappingDefinitions
        }
    }
}
