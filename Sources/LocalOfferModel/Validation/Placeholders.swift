import LocalOfferDiagnostics

/// Text that stands in for something not written yet: `TODO`, `TBC`, `TBD`, `FIXME`, `XXX` (or a
/// longer run of X, as in a phone number `020 XXXX XXXX`), `lorem ipsum`, and the instructions
/// `localoffer new` writes into a new entry. Such text is never published (LO801): a family would
/// read "Contact: TODO".
///
/// The markers are matched as whole words and in capitals only, so ordinary words (`todo`,
/// `Tbilisi`, `XXL`) pass; "lorem ipsum" is matched in any case.
///
/// ```swift
/// Placeholders.find(in: "Opening times TBC") // Placeholders.Match(text: "TBC", offset: 14)
/// ```
public enum Placeholders {
    /// A placeholder found in a text: what it is and where it starts (in characters from the start).
    public struct Match: Sendable, Hashable {
        public var text: String
        public var offset: Int
        /// True when the text is an instruction `localoffer new` wrote, left as it was.
        public var isScaffoldText: Bool
    }

    /// The marker `localoffer new` writes wherever the editor must write something.
    public static let marker = "TODO"

    static let words: Set<String> = ["TODO", "TBC", "TBD", "FIXME"]

    /// The instructions `localoffer new` writes into a new entry's body after its `TODO:` marker. An
    /// editor who deletes only the marker still leaves the instruction as it was written, which is
    /// reported too. `EntryScaffold` writes exactly these sentences.
    public static let scaffoldInstructions: [String] = [
        "describe what the service does, what happens after a referral and how to get it, in plain English.",
        "who can ask for the service and how: by phone, online, or through a GP, school or social worker.",
        "how to complain or give feedback, and to whom.",
        "who the organisation is and what it does for children and young people with SEND.",
        // The example link after it is written as code, so that it is not checked as a link.
        "the page's text in Markdown. Link to a service by its file, for example",
    ]

    /// The first placeholder word in `text` (`TODO`, `TBC`, ..., `lorem ipsum`), or nil. One pass over
    /// the UTF-8 bytes: every value of every entry goes through here.
    public static func find(in text: String) -> Match? {
        firstMarkerWord(in: text)
    }

    /// A body line that starts with one of `localoffer new`'s instructions (its `TODO:` marker
    /// deleted, the instruction left), or nil. Instructions are only ever written in bodies.
    public static func instruction(startingLine line: Substring) -> Match? {
        let trimmed = line.drop(while: { $0 == " " })
        guard let first = trimmed.utf8.first, instructionFirstBytes.contains(first) else { return nil }
        for instruction in scaffoldInstructions where trimmed.hasPrefix(instruction) {
            return Match(text: instruction, offset: line.count - trimmed.count, isScaffoldText: true)
        }
        return nil
    }

    private static let instructionFirstBytes = Set(scaffoldInstructions.compactMap(\.utf8.first))

    /// Whether a value holds a placeholder, for rules that must not treat it as a real value
    /// (an organisation named `TODO` must not also be reported as an organisation that does not exist).
    public static func contains(_ text: String) -> Bool {
        find(in: text) != nil
    }

    /// Scans words (runs of ASCII letters and digits) once, on the UTF-8 bytes: bodies of a large
    /// site pass through here, and most have no capital run at all.
    private static func firstMarkerWord(in text: String) -> Match? {
        let bytes = text.utf8
        var index = bytes.startIndex
        var previous: (start: String.Index, end: String.Index)?
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard isWordByte(byte) else {
                // "lorem ipsum" must be two neighbouring words: anything but spaces between them breaks the pair.
                if byte != UInt8(ascii: " ") { previous = nil }
                index = bytes.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end < bytes.endIndex, isWordByte(bytes[end]) { end = bytes.index(after: end) }
            let word = bytes[start..<end]
            if isMarker(word) || (word.count >= 3 && word.allSatisfy { $0 == UInt8(ascii: "X") }) {
                return match(text, from: start, to: end)
            }
            if let previous, equalsIgnoringCase(word, "ipsum"), equalsIgnoringCase(bytes[previous.start..<previous.end], "lorem") {
                return match(text, from: previous.start, to: end)
            }
            previous = (start, end)
            index = end
        }
        return nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isMarker(_ word: Substring.UTF8View) -> Bool {
        guard (3...5).contains(word.count), let first = word.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else {
            return false
        }
        return words.contains(String(decoding: word, as: UTF8.self))
    }

    private static func equalsIgnoringCase(_ word: Substring.UTF8View, _ lowercase: String) -> Bool {
        word.count == lowercase.utf8.count && zip(word, lowercase.utf8).allSatisfy { ($0 | 0x20) == $1 }
    }

    private static func match(_ text: String, from start: String.Index, to end: String.Index) -> Match {
        Match(text: String(text[start..<end]), offset: text.distance(from: text.startIndex, to: start), isScaffoldText: false)
    }
}

extension Placeholders {
    /// LO801 for a field (`field` is its dotted name) or, with `field` nil, for a body.
    static func diagnostic(_ match: Match, field: String?, at location: SourceLocation) -> Diagnostic {
        let place = field.map { "'\($0)'" } ?? "the text below the front matter"
        if match.isScaffoldText {
            return .error(
                .placeholder, "\(place) still has the instruction 'localoffer new' wrote", at: location,
                hint: "replace the instruction with the real text"
            )
        }
        return .error(
            .placeholder, "\(place) still has the placeholder '\(match.text)'", at: location,
            hint: "write the real \(field == nil ? "text" : "value"); text marked TODO, TBC, TBD, FIXME or XXX is never published"
        )
    }
}
