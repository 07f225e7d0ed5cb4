import Foundation

/// Field-weighted BM25 (BM25F, Robertson and Zaragoza 2009) as far as it can be computed before
/// a query: each field's term frequency is normalised by the field's length, weighted, summed over
/// the fields and saturated once. The browser multiplies that by the word's inverse document
/// frequency, which it computes from the document frequency stored with each posting list, and by
/// how the word was found (typed, synonym, phrase, spelling).
///
/// The same is done for each pair of neighbouring terms within a field ("short break"), so that
/// phrases match as phrases without storing positions.
public enum SearchScoring {
    /// BM25's saturation constant: the third mention of a word adds less than the first.
    public static let k1 = 1.2
    /// A saturated score is stored as a whole number from 1 to `scale - 1`.
    public static let scale = 100

    /// One document's term and phrase frequencies per field, and the length of each field in terms.
    /// Fields are counted in fixed slots (by `Field.rawValue`), not in a dictionary per word: that
    /// was most of the index's time, and the sum over fields is now always taken in the same order.
    public struct Analysed: Sendable {
        /// How many terms each field holds.
        public var lengths = FieldCounts()
        /// Terms ("speech") and pairs of neighbouring terms ("speech languag") with their counts per field.
        public var frequencies: [String: FieldCounts] = [:]
    }

    /// A count for each field, in `Field.rawValue` order.
    public typealias FieldCounts = SIMD8<Int32>

    public static func analyse(_ document: SearchDocument) -> Analysed {
        var analysed = Analysed()
        for (field, text) in document.fields {
            let terms = SearchText.terms(in: text)
            let slot = field.rawValue
            analysed.lengths[slot] = Int32(clamping: terms.count)
            analysed.frequencies.reserveCapacity(analysed.frequencies.count + terms.count * 2)
            var previous: String?
            for term in terms {
                analysed.frequencies[term, default: .zero][slot] &+= 1
                if let previous { analysed.frequencies[previous + " " + term, default: .zero][slot] &+= 1 }
                previous = term
            }
        }
        return analysed
    }

    /// A posting list: how many documents hold the key, and the best of them with their scores.
    public struct Postings: Sendable, Equatable {
        public var documentFrequency: Int
        /// (document number, saturated score 1...99), by document number.
        public var entries: [(document: Int, score: Int)]

        public static func == (lhs: Postings, rhs: Postings) -> Bool {
            lhs.documentFrequency == rhs.documentFrequency
                && lhs.entries.map(\.document) == rhs.entries.map(\.document)
                && lhs.entries.map(\.score) == rhs.entries.map(\.score)
        }
    }

    /// Every key's postings. A key in more than `keep` documents keeps only its best-scoring ones
    /// (nobody reads past them), but its document frequency stays true.
    public static func postings(_ documents: [Analysed], keep: Int) -> [String: Postings] {
        let fields = SearchDocument.Field.allCases
        var totalLength = [Double](repeating: 0, count: fields.count)
        for document in documents {
            for field in fields { totalLength[field.rawValue] += Double(document.lengths[field.rawValue]) }
        }
        let count = Double(max(1, documents.count))
        let averageLength = totalLength.map { max(1, $0 / count) }

        var postings: [String: Postings] = [:]
        for (index, document) in documents.enumerated() {
            // Each field's BM25 length normalisation, the same for every word of the document.
            let norms = fields.map { field in
                let b = field.lengthNormalisation
                return 1 - b + b * Double(document.lengths[field.rawValue]) / averageLength[field.rawValue]
            }
            for (key, counts) in document.frequencies {
                var weighted = 0.0
                for field in fields where counts[field.rawValue] > 0 {
                    weighted += field.weight * Double(counts[field.rawValue]) / norms[field.rawValue]
                }
                let saturated = weighted / (k1 + weighted)
                let score = min(scale - 1, max(1, Int((saturated * Double(scale)).rounded())))
                postings[key, default: Postings(documentFrequency: 0, entries: [])].entries.append((index, score))
            }
        }
        for key in postings.keys {
            guard var list = postings[key] else { continue }
            list.documentFrequency = list.entries.count
            if list.entries.count > keep {
                let best = list.entries.sorted { $0.score == $1.score ? $0.document < $1.document : $0.score > $1.score }
                list.entries = best.prefix(keep).sorted { $0.document < $1.document }
            }
            postings[key] = list
        }
        return postings
    }

    /// Inverse document frequency as the browser computes it (BM25's, never negative).
    public static func inverseDocumentFrequency(documentFrequency: Int, documents: Int) -> Double {
        let df = Double(documentFrequency)
        return log(1 + (Double(documents) - df + 0.5) / (df + 0.5))
    }
}
