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
        var text = text
        if let words = text.withUTF8(asciiWords) { return words }
        return unicodeWords(in: text)
    }

    /// The same words as `unicodeWords`, read byte by byte: most text is ASCII but for its curly
    /// apostrophes, and walking it a Character at a time was a tenth of a 10,000-service build.
    /// Gives up (nil) at any other non-ASCII byte, so accents and combining marks still go the
    /// Unicode way and the two never disagree.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        let apostrophe = UInt8(ascii: "'")
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            guard !current.isEmpty else { return }
            if current.count >= 2, current[current.count - 1] == UInt8(ascii: "s"), current[current.count - 2] == apostrophe {
                current.removeLast(2)
            }
            current.removeAll { $0 == apostrophe }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case apostrophe:
                if !current.isEmpty { current.append(apostrophe) }
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99:
                // U+2019 RIGHT SINGLE QUOTATION MARK, the apostrophe word processors type.
                if !current.isEmpty { current.append(apostrophe) }
                index += 2
            case 0x80...:
                return nil
            default:
                flush()
            }
            index += 1
        }
        flush()
        return words
    }

    /// Lower-case words, accents folded, possessive 's and apostrophes removed, a Character at a time.
    static func unicodeWords(in text: String) -> [String] {
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
