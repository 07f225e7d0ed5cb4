/// The glossary as the Markdown stage needs it: every way a term is written, and where it is explained.
public struct GlossaryTerms: Sendable {
    public struct Phrase: Sendable, Hashable {
        /// As written in the glossary: "EHCP", "speech and language therapy".
        public let text: String
        /// The entry's own term: identifies the entry, so each is marked once a page.
        public let term: String
        /// For an acronym, its longest spelled-out form, shown as the abbreviation's title.
        public let expansion: String?
        public let url: String
        /// Acronyms match only in capitals, so "OT" never matches the "ot" of "not".
        public let caseSensitive: Bool
    }

    let phrases: [Phrase]
    /// Phrases by their first word, lower-cased, longest first: matching is one pass over the words.
    private let byFirstWord: [String: [(words: [String], phrase: Phrase)]]

    public init(entries: [(term: String, aliases: [String], url: String)]) {
        var phrases: [Phrase] = []
        for entry in entries {
            let forms = [entry.term] + entry.aliases
            for text in forms where text.count >= 2 {
                // Two capitals mark an acronym ("OT", "SaLT", "EHC plan"): matched exactly as written.
                let caseSensitive = text.filter(\.isUppercase).count >= 2
                let expansion = caseSensitive
                    ? forms.filter { $0.filter(\.isUppercase).count < 2 }.max { $0.count < $1.count } : nil
                phrases.append(Phrase(text: text, term: entry.term, expansion: expansion, url: entry.url, caseSensitive: caseSensitive))
            }
        }
        self.phrases = phrases
        var index: [String: [(words: [String], phrase: Phrase)]] = [:]
        for phrase in phrases {
            let words = Self.words(in: phrase.text).map { String(phrase.text[$0]) }
            guard let first = words.first else { continue }
            index[first.lowercased(), default: []].append((words, phrase))
        }
        byFirstWord = index.mapValues { candidates in
            candidates.sorted { $0.words.count == $1.words.count ? $0.phrase.text < $1.phrase.text : $0.words.count > $1.words.count }
        }
    }

    public static let none = GlossaryTerms(entries: [])

    /// Every whole-word match of a phrase whose entry is not yet marked on this page, in order, each
    /// entry at most once (`used` collects them). One pass over the words, however long the text:
    /// searching again from the start after each match made a long paragraph quadratic.
    func matches(in text: String, excluding used: inout Set<String>) -> [(range: Range<String.Index>, phrase: Phrase)] {
        let ranges = Self.words(in: text)
        var found: [(range: Range<String.Index>, phrase: Phrase)] = []
        var position = 0
        scanning: while position < ranges.count {
            let range = ranges[position]
            if let candidates = byFirstWord[text[range].lowercased()] {
                for candidate in candidates where !used.contains(candidate.phrase.term) {
                    let count = candidate.words.count
                    guard position + count <= ranges.count else { continue }
                    let matches = (0..<count).allSatisfy { offset in
                        let word = text[ranges[position + offset]]
                        return candidate.phrase.caseSensitive
                            ? word == candidate.words[offset] : word.lowercased() == candidate.words[offset].lowercased()
                    }
                    // Words in a phrase are separated by spaces only: "EHC plan", not "EHC. Plan".
                    let end = ranges[position + count - 1].upperBound
                    if matches, !text[range.lowerBound..<end].contains(where: { !$0.isLetter && !$0.isNumber && $0 != " " && $0 != "-" && $0 != "'" && $0 != "’" && $0 != "," }) {
                        found.append((range.lowerBound..<end, candidate.phrase))
                        used.insert(candidate.phrase.term)
                        position += count
                        continue scanning
                    }
                }
            }
            position += 1
        }
        return found
    }

    /// The ranges of the words (runs of letters and digits) in a text. Scans Unicode scalars with an
    /// ASCII fast path: this runs over every sentence of every page.
    static func words(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isWordScalar(scalars[index], continuing: start != nil) {
                if start == nil { start = index }
            } else if let wordStart = start {
                ranges.append(wordStart..<index)
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { ranges.append(wordStart..<text.endIndex) }
        return ranges
    }

    /// Letters and digits; combining marks too once a word has started ("é" written as e + ◌́).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar, continuing: Bool) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        guard continuing else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
