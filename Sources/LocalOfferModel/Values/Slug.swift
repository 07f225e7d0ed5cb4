/// Slugs name entries in file names and addresses: lower-case `a-z`, `0-9` and single hyphens,
/// never starting or ending with a hyphen. Nothing else, so a slug can never leave its folder.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 100, text.first != "-", text.last != "-", !text.contains("--") else {
            return false
        }
        return text.allSatisfy { $0.isASCIILowercaseLetter || $0.isASCIIDigit || $0 == "-" }
    }

    /// Makes a slug from any text: "Speech & Language!" → "speech-language".
    public static func make(from text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased().folding(options: [.diacriticInsensitive], locale: nil) {
            if character.isASCIILowercaseLetter || character.isASCIIDigit {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingHyphen = false
            } else if character != "'" && character != "’" {
                pendingHyphen = true
            }
        }
        return slug
    }
}
