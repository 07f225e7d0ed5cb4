import Foundation
import LocalOfferModel

/// The words and phrases search treats as meaning the same: the groups of `synonyms.yml`, and one
/// group per glossary entry (its term, its aliases and, for an abbreviation, the words it stands for).
///
/// The glossary is enough on its own: a site without `synonyms.yml` whose glossary says
/// "SaLT: Speech and language therapy. Help with talking…" finds speech and language therapy for "salt".
public enum SearchVocabulary {
    /// The longest first sentence of a meaning that is read as what a term stands for.
    public static let maximumExpansionWords = 6

    /// `synonyms.yml`'s groups: words that are related ("respite", "short breaks", "time off").
    public static func groups(synonyms: [SynonymGroup]) -> [[String]] {
        synonyms.map { $0.phrases.map { $0.lowercased() } }.filter(searchable)
    }

    /// One group per glossary entry: names of the same thing ("EHC plan", "EHCP", "education health
    /// and care plan"). Search weighs them almost as the word typed.
    public static func equivalents(glossary: [GlossaryEntry]) -> [[String]] {
        glossary.compactMap { entry -> [String]? in
            var group = [entry.term.lowercased()]
            for phrase in entry.aliases.map({ $0.lowercased() }) + [expansion(of: entry)].compactMap({ $0 })
            where !group.contains(phrase) {
                group.append(phrase)
            }
            return group.count > 1 ? group : nil
        }.filter(searchable)
    }

    private static func searchable(_ group: [String]) -> Bool {
        group.filter { !SearchText.terms(in: $0).isEmpty }.count > 1
    }

    /// What an abbreviation stands for, when the meaning starts with it as a short sentence of its own:
    /// "Child and Adolescent Mental Health Services. NHS services that…" gives the first six words.
    /// A definition ("A plan that…") is not an expansion: the meaning is indexed with the entry anyway.
    public static func expansion(of entry: GlossaryEntry) -> String? {
        let meaning = entry.meaning
        let end = meaning.firstIndex { $0 == "." || $0 == ":" || $0 == ";" || $0 == "(" } ?? meaning.endIndex
        let sentence = meaning[..<end].trimmingCharacters(in: .whitespaces)
        let words = SearchText.words(in: sentence)
        guard (1...maximumExpansionWords).contains(words.count),
              let first = words.first, !["a", "an", "the", "when", "where", "if", "how", "what", "who"].contains(first),
              sentence.lowercased() != entry.term.lowercased() else { return nil }
        return sentence.lowercased()
    }
}
