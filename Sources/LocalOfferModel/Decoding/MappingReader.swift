import LocalOfferDiagnostics
import Yams

/// The keys of one YAML mapping, checked against the field catalogue's keys on creation
/// (unknown keys are reported with a "did you mean" suggestion). Each value read carries the
/// catalogue's shape for its key, so that its bounds come from the catalogue too.
struct MappingReader {
    let field: Field
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let context: DecodingContext
    private let mapping: CatalogueMapping

    init?(_ field: Field, mapping: CatalogueMapping, context: DecodingContext) {
        self.field = field
        self.context = context
        self.mapping = mapping
        let allowed = mapping.keys
        if field.isNull {
            context.error(.wrongType, "'\(field.name)' is empty; it should have the keys \(allowed.prefix(4).joined(separator: ", "))",
                          at: field.keyNode ?? field.node)
            return nil
        }
        guard case .mapping(let mapping) = field.node else {
            context.error(.wrongType, "'\(field.name)' should be a set of keys (a mapping), but is \(field.kindDescription)",
                          at: field.node, hint: "write it as indented 'key: value' lines under '\(field.name):'")
            return nil
        }
        pairs = mapping.map { pair in (pair.key.string ?? "", pair.key, pair.value) }
        for pair in pairs where !allowed.contains(pair.key) {
            let suggestion = Suggestions.closest(to: pair.key, among: allowed)
            let hint = suggestion.map { "did you mean '\($0)'?" } ?? "allowed keys here: \(allowed.joined(separator: ", "))"
            let place = field.name.isEmpty ? "" : " in '\(field.name)'"
            context.error(.unknownKey, "unknown key '\(pair.key)'\(place)", at: pair.keyNode, hint: hint)
        }
    }

    private func qualified(_ key: String) -> String {
        field.name.isEmpty ? key : "\(field.name).\(key)"
    }

    /// The value of an optional key; nil when absent or written with no value.
    func optional(_ key: String) -> Field? {
        assert(mapping[key] != nil, "the decoder reads '\(key)', which the field catalogue does not list here")
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        let found = Field(name: qualified(key), node: pair.value, keyNode: pair.keyNode, shape: mapping[key]?.shape)
        context.record(found)
        return found.isNull ? nil : found
    }

    /// The value of a required key; reports it missing (or empty) otherwise.
    func required(_ key: String, hint: String? = nil) -> Field? {
        assert(mapping[key] != nil, "the decoder reads '\(key)', which the field catalogue does not list here")
        if let pair = pairs.first(where: { $0.key == key }) {
            let found = Field(name: qualified(key), node: pair.value, keyNode: pair.keyNode, shape: mapping[key]?.shape)
            context.record(found)
            if found.isNull {
                context.missing(.missingKey, "'\(qualified(key))' has no value", at: pair.keyNode,
                              hint: hint ?? "write a value after the colon")
                return nil
            }
            return found
        }
        let owner = field.name.isEmpty ? "the front matter" : "'\(field.name)'"
        context.missing(.missingKey, "\(owner) is missing the required key '\(key)'", at: field.keyNode ?? field.node,
                      hint: hint)
        return nil
    }

    func has(_ key: String) -> Bool { optional(key) != nil }

    /// Where to point when a rule concerns the mapping as a whole.
    var anchorNode: Node { field.keyNode ?? field.node }
}
