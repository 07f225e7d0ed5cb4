/// A BCP 47 language tag (`en`, `tr`, `so`, `pl`, `bfi` for British Sign Language, `pt-BR`),
/// checked for shape: a 2–3 letter language, then optional script, region and variant subtags.
public struct LanguageTag: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public init?(_ text: String) {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        for subtag in subtags.dropFirst() {
            guard (2...8).contains(subtag.count), subtag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return nil
            }
        }
        value = text
    }

    /// The language's English name, for the few languages a Local Offer usually lists.
    public var englishName: String {
        Self.names[value.lowercased()] ?? Self.names[String(value.lowercased().prefix(while: { $0 != "-" }))] ?? value
    }

    static let names: [String: String] = [
        "en": "English", "bfi": "British Sign Language", "tr": "Turkish", "so": "Somali", "pl": "Polish",
        "bn": "Bengali", "ur": "Urdu", "pa": "Punjabi", "gu": "Gujarati", "ar": "Arabic", "fr": "French",
        "es": "Spanish", "pt": "Portuguese", "ro": "Romanian", "lt": "Lithuanian", "ti": "Tigrinya",
        "am": "Amharic", "fa": "Persian", "ps": "Pashto", "ku": "Kurdish", "yo": "Yoruba", "tw": "Twi",
        "zh": "Chinese", "yue": "Cantonese", "cmn": "Mandarin", "ta": "Tamil", "sq": "Albanian",
        "el": "Greek", "it": "Italian", "bg": "Bulgarian", "hi": "Hindi", "cy": "Welsh", "ru": "Russian",
        "uk": "Ukrainian", "sw": "Swahili", "vi": "Vietnamese", "he": "Hebrew", "yi": "Yiddish",
    ]
}
