/// Whole documents made of the catalogue's examples: the smallest one an entry can be (the required
/// fields only) and the fullest (every field). The catalogue tests decode both, and vary them one
/// field at a time.
extension FieldShape {
    /// A value of this shape from the examples of its fields; nil when an example is missing.
    public func sample(complete: Bool) -> SampleValue? {
        switch self {
        case .mapping(let mapping):
            return mapping.sample(complete: complete)
        case .list(let list):
            return list.example ?? list.item.sample(complete: complete).map { .list([$0]) }
        case .either(let alternatives):
            return alternatives.first?.shape.sample(complete: complete)
        default:
            return nil
        }
    }
}

extension CatalogueField {
    public func sample(complete: Bool) -> SampleValue? {
        example ?? shape.sample(complete: complete)
    }
}

extension CatalogueMapping {
    /// The required keys (and the first of `atLeastOneOf` when none of them is required), or every key.
    public func sample(complete: Bool) -> SampleValue? {
        let needsOne = !atLeastOneOf.isEmpty && !fields.contains { atLeastOneOf.contains($0.name) && $0.presence.isRequired }
        var entries: [SampleEntry] = []
        for field in fields where complete || field.presence.isRequired || (needsOne && field.name == atLeastOneOf.first) {
            guard let value = field.sample(complete: complete) else { return nil }
            entries.append(SampleEntry(field.name, value))
        }
        return .mapping(entries)
    }
}
