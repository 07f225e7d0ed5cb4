/// Turns text into the terms the search index stores: lower-cased, accents folded, split on
/// anything that is not a letter or digit, common words dropped, each word stemmed (Porter2).
/// The browser does exactly the same to a query (`assets/search/engine.js`).
///
/// ```swift
/// SearchText.terms(in: "Speech and language therapy") // ["speech", "languag", "therapi"]
/// ```
public enum SearchText {
    private static let stemmer = Porter2Stemmer()

    public static func terms(in text: String) -> [String] {
        words(in: text).compactMap { word in
            stopWords.contains(word) ? nil : stemmer.stem(word)
        }
    }

    /// Lower-case words, accents folded, possessive 's and apostrophes removed.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if current.hasSuffix("'s") { current.removeLast(2) }
            current.removeAll { $0 == "'" }
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character == "'" || character == "’" {
                if !current.isEmpty { current.append("'") }
            } else if character.isLetter || character.isNumber {
                current += folded(character)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// "é" → "e", "ï" → "i": what families type on phones rarely carries the accents.
    private static func folded(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) }
        return String(String.UnicodeScalarView(decomposed))
    }

    /// Words too common to help find a service. Kept short: "support", "help" and "children"
    /// still count, because families use them to mean something.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "has", "have",
        "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "me", "my", "not", "of", "on", "or",
        "our", "she", "so", "that", "the", "their", "them", "there", "they", "this", "to", "us", "was",
        "we", "were", "what", "when", "which", "who", "will", "with", "you", "your",
    ]
}
