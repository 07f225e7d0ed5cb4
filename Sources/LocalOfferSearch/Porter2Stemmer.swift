/// Porter2 (Snowball "English") stemmer.
///
/// Reduces an English word to a stem so that related forms share one search key:
/// "connected", "connecting" and "connection" all become "connect". It follows the
/// Snowball English algorithm (https://snowballstem.org/algorithms/english/stemmer.html)
/// exactly as Snowball 3.1 implements it, including its exceptional forms and its list
/// of special R1 prefixes, so stems agree with other Snowball-based tools.
///
/// ```swift
/// let stemmer = Porter2Stemmer()
/// stemmer.stem("generously")  // "generous"
/// stemmer.stem("hopping")     // "hop"
/// stemmer.stem("children's")  // "children"
/// ```
///
/// The stemmer expects a lower-cased word. Letters outside ASCII are treated as
/// consonants, as the reference implementation does, so "café" stems to "café".
/// Stemming is not idempotent: a stem fed back in may be shortened further.
public struct Porter2Stemmer: Sendable {
    public init() {}

    public func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        var nonASCIIScalars: [Unicode.Scalar] = []
        if letters.contains(where: { $0 >= 0x80 }) {
            (letters, nonASCIIScalars) = Self.oneBytePerScalar(word)
        }

        if let exception = Self.exceptionalForms.first(where: { letters.spells($0.word) }) {
            return exception.stem.description
        }
        // Lengths are counted in scalars, as the reference does; letters has one byte per scalar.
        guard letters.count >= 3 else { return word }

        var stemming = WordBeingStemmed(consume letters)  // sole owner, so steps edit in place
        stemming.stem()
        return Self.string(from: stemming.letters, restoring: nonASCIIScalars)
    }

    private static let exceptionalForms: [(word: StaticString, stem: StaticString)] = [
        ("skis", "ski"), ("skies", "sky"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]

    /// Every rule inspects only ASCII letters, and every other scalar behaves as a consonant
    /// that no rule removes or rewrites. So each non-ASCII scalar is stood in for by one
    /// placeholder byte, keeping positions in scalars, and is put back in order at the end.
    private static let nonASCIIPlaceholder: UInt8 = 0xFF  // never occurs in UTF-8

    private static func oneBytePerScalar(_ word: String) -> (letters: [UInt8], nonASCII: [Unicode.Scalar]) {
        var letters: [UInt8] = []
        var nonASCII: [Unicode.Scalar] = []
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                letters.append(UInt8(scalar.value))
            } else {
                letters.append(nonASCIIPlaceholder)
                nonASCII.append(scalar)
            }
        }
        return (letters, nonASCII)
    }

    private static func string(from letters: [UInt8], restoring nonASCII: [Unicode.Scalar]) -> String {
        if nonASCII.isEmpty { return String(decoding: letters, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var remainingNonASCII = nonASCII.makeIterator()
        for letter in letters {
            if letter == nonASCIIPlaceholder, let original = remainingNonASCII.next() {
                scalars.append(original)
            } else {
                scalars.append(Unicode.Scalar(letter))
            }
        }
        return String(scalars)
    }
}

/// The mutable state of one stemming run: the letters plus the regions computed up front.
/// R1 and R2 start at fixed indices even as later steps shorten the word, as in Snowball.
private struct WordBeingStemmed {
    var letters: [UInt8]
    private var r1Start = 0
    private var r2Start = 0
    private var markedConsonantY = false

    init(_ letters: [UInt8]) {
        self.letters = letters
    }

    mutating func stem() {
        if letters.first == .apostrophe { letters.removeFirst() }
        markConsonantYs()
        markRegions()
        removePossessive()
        step1a()
        step1b()
        step1c()
        applyLongestSuffixRule(of: SuffixRule.step2, regionStart: r1Start)
        applyLongestSuffixRule(of: SuffixRule.step3, regionStart: r1Start)
        applyLongestSuffixRule(of: SuffixRule.step4, regionStart: r2Start)
        step5()
        if markedConsonantY {
            for index in letters.indices where letters[index] == .upperY { letters[index] = .y }
        }
    }

    /// A "y" that acts as a consonant (initial, or after a vowel) becomes "Y" so that the
    /// vowel tests skip it; it is lower-cased again at the end.
    private mutating func markConsonantYs() {
        for index in letters.indices where letters[index] == .y {
            if index == 0 || letters[index - 1].isVowel {
                letters[index] = .upperY
                markedConsonantY = true
            }
        }
    }

    private mutating func markRegions() {
        r1Start = Self.r1Prefixes.first(where: { letters.hasPrefix($0) })?.utf8CodeUnitCount
            ?? endOfFirstVowelThenConsonant(from: 0) ?? letters.count
        r2Start = endOfFirstVowelThenConsonant(from: r1Start) ?? letters.count
    }

    /// Words whose R1 would otherwise start too early, e.g. "generous" vs "general".
    private static let r1Prefixes: [StaticString] = [
        "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
    ]

    private func endOfFirstVowelThenConsonant(from start: Int) -> Int? {
        guard let vowel = letters[start...].firstIndex(where: \.isVowel),
              let consonant = letters[(vowel + 1)...].firstIndex(where: { !$0.isVowel })
        else { return nil }
        return consonant + 1
    }

    private mutating func removePossessive() {
        guard letters.last == .apostrophe || letters.last == .s else { return }  // cheap early exit
        let possessiveSuffixes: [StaticString] = ["'s'", "'s", "'"]
        for suffix in possessiveSuffixes where letters.hasSuffix(suffix) {
            letters.removeLast(suffix.utf8CodeUnitCount)
            return
        }
    }

    private mutating func step1a() {
        guard letters.last == .s || letters.last == .d else { return }  // every suffix below ends so
        if letters.hasSuffix("sses") {
            letters.removeLast(2)
        } else if letters.hasSuffix("ied") || letters.hasSuffix("ies") {
            // "ties" -> "tie" but "cries" -> "cri": keep the "e" when one letter precedes.
            letters.removeLast(letters.count > 4 ? 2 : 1)
        } else if letters.hasSuffix("us") || letters.hasSuffix("ss") {
            return
        } else if letters.hasSuffix("s") {
            // "gas" and "this" keep their "s": the vowel must come before the letter preceding it.
            if letters.count >= 2, letters[..<(letters.count - 2)].contains(where: \.isVowel) {
                letters.removeLast()
            }
        }
    }

    private mutating func step1b() {
        guard letters.last == .d || letters.last == .g || letters.last == .y else { return }  // as above
        if let stemEnd = letters.start(ofSuffix: "eedly") ?? letters.start(ofSuffix: "eed") {
            let isExceptional = letters.spells("proc", upTo: stemEnd) || letters.spells("exc", upTo: stemEnd)
                || letters.spells("succ", upTo: stemEnd)
            if stemEnd >= r1Start && !isExceptional {
                letters.replaceSubrange(stemEnd..., with: [.e, .e])
            }
            return
        }
        if let stemEnd = letters.start(ofSuffix: "ing") {
            if stemEnd == 2, letters[1] == .y, !letters[0].isVowel {  // dying, lying, tying, vying
                letters.replaceSubrange((stemEnd - 1)..., with: [.i, .e])
                return
            }
            let keptWhole: [StaticString] = ["inn", "out", "cann", "herr", "earr", "even"]
            if keptWhole.contains(where: { letters.spells($0, upTo: stemEnd) }) { return }
        }
        guard let stemEnd = letters.start(ofSuffix: "ingly") ?? letters.start(ofSuffix: "edly")
            ?? letters.start(ofSuffix: "ing") ?? letters.start(ofSuffix: "ed"),
            letters[..<stemEnd].contains(where: \.isVowel)
        else { return }

        letters.removeSubrange(stemEnd...)
        if letters.hasSuffix("at") || letters.hasSuffix("bl") || letters.hasSuffix("iz") {
            letters.append(.e)  // luxuriat(ing) -> luxuriate
        } else if endsWithRemovableDouble() {
            // "hopp" -> "hop", but "add", "egg" and "odd" are whole words.
            let aeo: StaticString = "aeo"
            let isThreeLetterWordStartingWithAEO = letters.count == 3 && aeo.contains(letters[0])
            if !isThreeLetterWordStartingWithAEO { letters.removeLast() }
        } else if letters.count == r1Start && endsWithShortSyllable(at: letters.count) {
            letters.append(.e)  // hop(ing) -> hope
        }
    }

    private func endsWithRemovableDouble() -> Bool {
        guard letters.count >= 2, letters[letters.count - 1] == letters[letters.count - 2] else { return false }
        let removableDoubles: StaticString = "bdfgmnprt"
        return removableDoubles.contains(letters[letters.count - 1])
    }

    /// A short syllable is consonant-vowel-consonant (the last consonant not w, x or Y), or
    /// vowel-consonant at the start of the word. Snowball 3.1 also treats "past" as short.
    private func endsWithShortSyllable(at end: Int) -> Bool {
        let wxY: StaticString = "wxY"
        if end >= 3, !letters[end - 1].isVowel, !wxY.contains(letters[end - 1]),
           letters[end - 2].isVowel, !letters[end - 3].isVowel {
            return true
        }
        if end == 2, !letters[1].isVowel, letters[0].isVowel {
            return true
        }
        return letters.hasSuffix("past", endingAt: end)
    }

    private mutating func step1c() {
        let count = letters.count
        guard count >= 3, letters[count - 1] == .y || letters[count - 1] == .upperY,
              !letters[count - 2].isVowel
        else { return }
        letters[count - 1] = .i  // cry -> cri, but "say" and "by" are unchanged
    }

    /// Only the longest matching suffix is considered; if its conditions fail, no shorter
    /// suffix is tried.
    private mutating func applyLongestSuffixRule(of rules: [SuffixRule], regionStart: Int) {
        // Every suffix has at least two letters, so a shorter region rules the step out cheaply.
        guard letters.count - 2 >= regionStart, let lastLetter = letters.last,
              let rule = rules.first(where: { $0.lastLetter == lastLetter && letters.hasSuffix($0.suffix) })
        else { return }
        let suffixStart = letters.count - rule.suffix.utf8CodeUnitCount
        guard suffixStart >= regionStart, !rule.needsR2 || suffixStart >= r2Start else { return }
        if let allowedPreceding = rule.onlyAfter {
            guard suffixStart > 0, allowedPreceding.contains(letters[suffixStart - 1]) else { return }
        }
        rule.replacement.withUTF8Buffer { letters.replaceSubrange(suffixStart..., with: $0) }
    }

    private mutating func step5() {
        guard let last = letters.last else { return }
        let suffixStart = letters.count - 1
        if last == .e {
            let isInR1WithoutShortSyllable = suffixStart >= r1Start && !endsWithShortSyllable(at: suffixStart)
            if suffixStart >= r2Start || isInR1WithoutShortSyllable { letters.removeLast() }
        } else if last == .l, suffixStart >= r2Start, suffixStart > 0, letters[suffixStart - 1] == .l {
            letters.removeLast()
        }
    }
}

private struct SuffixRule: Sendable {
    let suffix: StaticString
    let replacement: StaticString
    /// The rule applies only when the letter before the suffix is one of these.
    let onlyAfter: StaticString?
    /// The suffix must lie in R2 even though the step as a whole only requires R1.
    let needsR2: Bool
    /// Lets most rules be rejected with one comparison; stemming spends much of its time here.
    let lastLetter: UInt8

    init(_ suffix: StaticString, _ replacement: StaticString, onlyAfter: StaticString? = nil, needsR2: Bool = false) {
        self.suffix = suffix
        self.replacement = replacement
        self.onlyAfter = onlyAfter
        self.needsR2 = needsR2
        lastLetter = suffix.withUTF8Buffer { $0.last ?? 0 }
    }

    private static func longestFirst(_ rules: [SuffixRule]) -> [SuffixRule] {
        rules.sorted { $0.suffix.utf8CodeUnitCount > $1.suffix.utf8CodeUnitCount }
    }

    static let step2 = longestFirst([
        .init("tional", "tion"), .init("enci", "ence"), .init("anci", "ance"), .init("abli", "able"),
        .init("entli", "ent"), .init("izer", "ize"), .init("ization", "ize"),
        .init("ational", "ate"), .init("ation", "ate"), .init("ator", "ate"),
        .init("alism", "al"), .init("aliti", "al"), .init("alli", "al"), .init("fulness", "ful"),
        .init("ousli", "ous"), .init("ousness", "ous"), .init("iveness", "ive"), .init("iviti", "ive"),
        .init("biliti", "ble"), .init("bli", "ble"), .init("ogist", "og"), .init("ogi", "og", onlyAfter: "l"),
        .init("fulli", "ful"), .init("lessli", "less"), .init("li", "", onlyAfter: "cdeghkmnrt"),
    ])

    static let step3 = longestFirst([
        .init("tional", "tion"), .init("ational", "ate"), .init("alize", "al"),
        .init("icate", "ic"), .init("iciti", "ic"), .init("ical", "ic"),
        .init("ful", ""), .init("ness", ""), .init("ative", "", needsR2: true),
    ])

    static let step4 = longestFirst(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
         "iti", "ous", "ive", "ize"].map { SuffixRule($0, "") }
            + [.init("ion", "", onlyAfter: "st")]
    )
}

private extension UInt8 {
    static let apostrophe = UInt8(ascii: "'")
    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
    static let d = UInt8(ascii: "d"), g = UInt8(ascii: "g"), s = UInt8(ascii: "s")
    static let l = UInt8(ascii: "l"), o = UInt8(ascii: "o"), u = UInt8(ascii: "u")
    static let y = UInt8(ascii: "y"), upperY = UInt8(ascii: "Y")

    var isVowel: Bool {
        switch self {
        case .a, .e, .i, .o, .u, .y: true
        default: false
        }
    }
}

private extension Array where Element == UInt8 {
    /// Whether `pattern` occupies exactly the letters `start ..< start + pattern.count`.
    func matches(_ pattern: StaticString, at start: Int) -> Bool {
        pattern.withUTF8Buffer { pattern in
            guard start >= 0, start + pattern.count <= count else { return false }
            for offset in pattern.indices where self[start + offset] != pattern[offset] { return false }
            return true
        }
    }

    /// Whether the letters before `end` (by default, all of them) spell exactly `word`.
    func spells(_ word: StaticString, upTo end: Int? = nil) -> Bool {
        (end ?? count) == word.utf8CodeUnitCount && matches(word, at: 0)
    }

    func hasPrefix(_ prefix: StaticString) -> Bool {
        matches(prefix, at: 0)
    }

    func hasSuffix(_ suffix: StaticString, endingAt end: Int? = nil) -> Bool {
        matches(suffix, at: (end ?? count) - suffix.utf8CodeUnitCount)
    }

    /// The index where `suffix` starts, or nil when the letters do not end with it.
    func start(ofSuffix suffix: StaticString) -> Int? {
        hasSuffix(suffix) ? count - suffix.utf8CodeUnitCount : nil
    }
}

private extension StaticString {
    func contains(_ byte: UInt8) -> Bool {
        withUTF8Buffer { $0.contains(byte) }
    }
}
