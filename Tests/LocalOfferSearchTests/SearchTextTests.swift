import Testing
@testable import LocalOfferSearch

/// `SearchText.words` reads ASCII text byte by byte and everything else a Character at a time; the
/// two ways must split every text into the same words.
struct SearchTextTests {
    @Test(arguments: [
        ("Children's centres", ["children", "centres"]),
        ("children’s CENTRES", ["children", "centres"]),
        ("'quoted' words", ["quoted", "words"]),
        ("don't", ["dont"]),
        ("SaLT/OT 0-25", ["salt", "ot", "0", "25"]),
        ("Café’s crèche", ["cafe", "creche"]),
        ("e\u{301}cole", ["ecole"]),
        ("’s", ["s"]),
        ("", []),
    ])
    func splitsAsFamiliesWrite(text: String, expected: [String]) {
        #expect(SearchText.words(in: text) == expected)
        #expect(SearchText.unicodeWords(in: text) == expected)
    }

    /// Random texts over an alphabet that mixes ASCII, both apostrophes, accents, combining marks,
    /// line ends and the bytes around U+2019 (U+2018, U+201C): the fast way must agree every time.
    @Test func byteWayAgreesWithCharacterWay() {
        let alphabet: [String] = [
            "a", "Z", "s", "S", "0", "9", " ", "'", "’", "‘", "“", "-", ".", "\r\n", "\n", "é", "E\u{301}",
            "\u{301}", "ß", "İ", "ﬁ", "٣", "½", "😀", "\t",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5_000 {
            let text = (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }.joined()
            #expect(SearchText.words(in: text) == SearchText.unicodeWords(in: text), "\(text.debugDescription)")
        }
    }
}
