/// The words of the site, for correcting a query word that matches nothing ("dislexia", "autsim").
///
/// One edit (a substitution, insertion, deletion or swap of two neighbouring letters) changes at most
/// two neighbouring letters. In a word of five letters or more the first two and the last two are
/// apart, so one of the two pairs survives any single edit. Every word of four letters or more is
/// therefore filed twice: under its first two letters and under its last two. A misspelt word needs
/// only the two files named by its own first and last two letters, whichever the typo touched, and
/// the browser checks the distance to each word in them.
public enum SpellingDictionary {
    /// Corrections are offered for query words of this length and more.
    public static let minimumQueryLength = 5
    /// A query word of 5 letters can lose one: 4-letter words are candidates.
    public static let minimumWordLength = minimumQueryLength - 1

    /// file key ("first-dy", "last-ia") → the words filed under it, sorted.
    public static func files(words: Set<String>) -> [String: [String]] {
        var files: [String: Set<String>] = [:]
        for word in words where word.count >= minimumWordLength && word.allSatisfy({ $0.isLetter }) {
            files["first-" + SearchIndexBuilder.shardKey(for: word), default: []].insert(word)
            files["last-" + SearchIndexBuilder.shardKey(for: String(word.suffix(2))), default: []].insert(word)
        }
        return files.mapValues { $0.sorted() }
    }
}
