import Foundation

/// Slugs name entries in file names and addresses: lower-case `a-z`, `0-9` and single hyphens,
/// never starting or ending with a hyphen. Nothing else, so a slug can never leave its folder.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 100, text.first != "-", text.last != "-", !text.contains("--") else {
            return false
        }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Makes a slug from any text: "Speech & Language!" → "speech-language".
    public static func make(from text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.lowercased().folding(options: [.diacriticInsensitive], locale: nil) {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
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

extension String {
    /// "7" → "07": dates, times and pence are written with leading zeros.
    public func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
