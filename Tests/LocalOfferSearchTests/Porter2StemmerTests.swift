import Foundation
import Testing
import LocalOfferSearch

struct Porter2StemmerTests {
    let stemmer = Porter2Stemmer()

    /// Fixtures/porter2-vocabulary.tsv holds `word<TAB>stem` lines whose stems come from the
    /// reference Snowball implementation (PyPI `snowballstemmer`, English): words from the
    /// commissioning reference texts plus hand-picked words exercising every rule.
    @Test func matchesReferenceVocabulary() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/porter2-vocabulary", withExtension: "tsv"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 3000)

        var mismatches: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed fixture line: \(line)")
            let stem = stemmer.stem(String(fields[0]))
            if stem != fields[1] { mismatches.append("\(fields[0]): expected \(fields[1]), got \(stem)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(50).joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
        ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ])
    func exceptionalForms(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("inning", "inning"), ("outing", "outing"), ("canning", "canning"), ("herring", "herring"),
        ("earring", "earring"), ("proceed", "proceed"), ("exceed", "exceed"), ("succeed", "succeed"),
        ("innings", "inning"), ("succeeding", "succeed"), ("proceeding", "proceed"),
    ])
    func exceptionalFormsAfterStep1a(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: ["", "a", "is", "as", "us", "'s", "ié"])
    func wordsShorterThanThreeLettersAreUnchanged(word: String) {
        #expect(stemmer.stem(word) == word)
    }

    @Test(arguments: [
        ("yes", "yes"), ("youth", "youth"), ("played", "play"), ("enjoying", "enjoy"), ("cry", "cri"),
        ("by", "by"), ("say", "say"), ("happy", "happi"), ("ayy", "ayi"), ("syzygy", "syzygi"),
    ])
    func consonantAndVowelY(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("'quote'", "quot"), ("o'clock", "o'clock"), ("yesterday's", "yesterday"), ("children's", "children"),
        ("parents'", "parent"), ("james's'", "jame"), ("'tis", "tis"),
    ])
    func apostrophes(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("generously", "generous"), ("communism", "communism"), ("arsenal", "arsenal"),
        ("university", "universiti"), ("pasted", "paste"), ("organization", "organiz"), ("emergency", "emergenc"),
    ])
    func specialR1Prefixes(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: [
        ("café", "café"), ("cafés", "café"), ("naïvely", "naïv"), ("façade", "façad"),
        ("日本", "日本"), ("über", "über"), ("👍🏽ing", "👍🏽ing"),
    ])
    func nonASCIILettersActAsConsonants(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }
}
