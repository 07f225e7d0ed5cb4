/// Heading ids: lower-case ASCII letters, digits and single hyphens, the same shape as entry slugs.
enum Slug {
    static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased().folding(options: [.diacriticInsensitive], locale: nil) {
            if character.isASCII && (character.isLetter || character.isNumber) {
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
