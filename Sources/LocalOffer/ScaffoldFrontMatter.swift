import LocalOfferModel

/// The front matter `localoffer new` writes, from the field catalogue: each key under a comment
/// that is its catalogue description (with its allowed words), so that what a new entry says about
/// a field is what the schemas and the docs say. The scaffold decides only the values.
struct ScaffoldFrontMatter {
    /// What to write for a key, by dotted path.
    enum Value {
        /// This YAML text.
        case written(String)
        /// The catalogue's example for the field.
        case example
        /// The key as a comment, with this value: shown, not set.
        case commentedOut(String)
    }

    let mapping: CatalogueMapping
    /// The keys written, by dotted path, in the catalogue's order; a mapping listed here with
    /// `.example` is written as a block of its listed keys when it is at the top.
    let values: [String: Value]

    static let width = 100

    var text: String {
        assert(values.keys.allSatisfy { Self.field(at: $0, in: mapping) != nil }, "the scaffold names a key the field catalogue does not have")
        return lines(mapping, prefix: "", indent: "").joined(separator: "\n") + "\n"
    }

    static func field(at path: String, in mapping: CatalogueMapping) -> CatalogueField? {
        let keys = path.split(separator: ".").map(String.init)
        guard let first = keys.first, let field = mapping[first] else { return nil }
        if keys.count == 1 { return field }
        guard case .mapping(let inner) = field.shape else { return nil }
        return Self.field(at: keys.dropFirst().joined(separator: "."), in: inner)
    }

    private func lines(_ mapping: CatalogueMapping, prefix: String, indent: String) -> [String] {
        var lines: [String] = []
        for field in mapping.fields {
            let path = prefix + field.name
            guard let value = values[path] else { continue }
            lines += Self.comment(for: field, indent: indent)
            switch value {
            case .written(let yaml):
                lines.append(indent + field.name + ": " + yaml)
            case .commentedOut(let yaml):
                lines.append(indent + "# " + field.name + ": " + yaml)
            case .example:
                if case .mapping(let inner) = field.shape, indent.isEmpty {
                    lines.append(field.name + ":")
                    lines += self.lines(inner, prefix: path + ".", indent: indent + "  ")
                } else if let sample = field.sample(complete: false) {
                    lines.append(indent + field.name + ": " + sample.yaml)
                }
            }
        }
        return lines
    }

    /// The field's description, and the words allowed when the description does not list them all.
    static func comment(for field: CatalogueField, indent: String) -> [String] {
        var text = field.presence.isRequired ? "" : "Optional. "
        text += field.description
        if let words = vocabulary(field.shape), !words.allSatisfy(field.description.contains) {
            text += (field.shape.isList ? " Any of: " : " One of: ") + words.joined(separator: ", ") + "."
        }
        return wrap(text, width: width - indent.count - 2).map { indent + "# " + $0 }
    }

    static func vocabulary(_ shape: FieldShape) -> [String]? {
        switch shape {
        case .choice(let words): words
        case .list(let list): vocabulary(list.item)
        default: nil
        }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension FieldShape {
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
}
