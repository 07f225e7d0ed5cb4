import LocalOfferText
import Foundation
import LocalOfferModel
import LocalOfferParallel

/// A file of the search index, relative to the site root (`search/manifest.json`).
public struct SearchIndexFile: Sendable, Hashable {
    public let path: String
    public let text: String
}

/// Builds the client-side search index, split so that a query downloads only what it needs:
///
/// - `search/manifest.json`: counts, the list of term shards and facet files, the synonym groups;
/// - `search/terms/<xy>.json`: postings of every term starting with `xy` (term → doc, score pairs);
/// - `search/facets/<name>.txt`: one bitset per facet value (`age-7`, `need-sensory-and-physical`);
/// - `search/records/<n>.json`: what a result shows, ten documents a file.
///
/// Scores (field-weighted, saturated term frequency × inverse document frequency) are computed
/// here once, so the browser only adds numbers.
///
/// ```swift
/// let files = SearchIndexBuilder(documents: documents, synonyms: groups).build()
/// ```
public struct SearchIndexBuilder: Sendable {
    public static let formatVersion = 1
    public static let recordsPerFile = 10
    /// A very common word keeps only its best-scoring documents; nobody reads past them.
    public static let maximumPostingsPerTerm = 400

    let documents: [SearchDocument]
    let synonyms: [[String]]

    /// `documents` in display order: services first (sorted by title), then pages, then glossary.
    /// `synonyms`: groups of phrases that mean the same (synonyms.yml and the glossary).
    public init(documents: [SearchDocument], synonyms: [[String]]) {
        self.documents = documents
        self.synonyms = synonyms
    }

    public func build() -> [SearchIndexFile] {
        let termFrequencies = documents.parallelMap(Self.fieldTermFrequencies)
        let postings = Self.postings(from: termFrequencies)
        var files = shards(postings)
        files += facets()
        files += records()
        files.append(manifest(shardKeys: files.compactMap(\.shardKey)))
        return files.sorted { $0.path < $1.path }
    }

    // MARK: Terms

    /// For each field, how often each term occurs.
    static func fieldTermFrequencies(_ document: SearchDocument) -> [String: [SearchDocument.Field: Int]] {
        var counts: [String: [SearchDocument.Field: Int]] = [:]
        for (field, text) in document.fields {
            for term in SearchText.terms(in: text) {
                counts[term, default: [:]][field, default: 0] += 1
            }
        }
        return counts
    }

    /// term → [(document, score)], best documents kept when a term is very common.
    static func postings(from frequencies: [[String: [SearchDocument.Field: Int]]]) -> [String: [(Int, Int)]] {
        var documentFrequency: [String: Int] = [:]
        for document in frequencies {
            for term in document.keys { documentFrequency[term, default: 0] += 1 }
        }
        let count = Double(frequencies.count)
        var postings: [String: [(Int, Int)]] = [:]
        for (index, document) in frequencies.enumerated() {
            for (term, fields) in document {
                let df = Double(documentFrequency[term] ?? 1)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let weighted = fields.reduce(0.0) { sum, entry in
                    let tf = Double(entry.value)
                    return sum + entry.key.weight * tf / (tf + 1.2)
                }
                postings[term, default: []].append((index, max(1, Int((weighted * idf * 10).rounded()))))
            }
        }
        for (term, list) in postings where list.count > maximumPostingsPerTerm {
            let best = list.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 > $1.1 }.prefix(maximumPostingsPerTerm)
            postings[term] = best.sorted { $0.0 < $1.0 }
        }
        return postings
    }

    /// Terms are grouped by their first two characters: typing "spe" fetches one small file.
    public static func shardKey(for term: String) -> String {
        let key = term.unicodeScalars.prefix(2).map { scalar -> Character in
            scalar.isASCII && (CharacterSet.lowercaseLetters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar))
                ? Character(scalar) : "_"
        }
        return String(key).padding(toLength: 2, withPad: "_", startingAt: 0)
    }

    private func shards(_ postings: [String: [(Int, Int)]]) -> [SearchIndexFile] {
        var byShard: [String: [String]] = [:]
        for term in postings.keys { byShard[Self.shardKey(for: term), default: []].append(term) }
        return byShard.keys.sorted().map { key in
            let terms = (byShard[key] ?? []).sorted()
            let body = terms.map { term -> String in
                var previous = 0
                var numbers: [String] = []
                for (document, score) in postings[term] ?? [] {
                    numbers.append(String(document - previous))
                    numbers.append(String(score))
                    previous = document
                }
                return JSONText.string(term) + ":[" + numbers.joined(separator: ",") + "]"
            }
            return SearchIndexFile(path: "search/terms/\(key).json", text: "{" + body.joined(separator: ",") + "}")
        }
    }

    // MARK: Facets

    private var services: [Service] { documents.compactMap(\.service) }

    /// Every facet value with the services it holds. Services are the first documents, so bit i is document i.
    public static func facetValues(for service: Service) -> [String] {
        let eligibility = service.eligibility
        var values = (eligibility.age.min...eligibility.age.max).map { "age-\($0)" }
        values += eligibility.needs.map { "need-\($0.rawValue)" }
        values += service.categories.map { "category-\($0)" }
        values.append("level-\(service.level.rawValue)")
        if eligibility.ehcPlan == .notRequired { values.append("no-ehc-plan") }
        if eligibility.allowsSelfReferral { values.append("self-referral") }
        values += eligibility.referral.map { "referral-\($0.rawValue)" }
        if service.cost.isFree { values.append("free") }
        if service.personalBudget { values.append("personal-budget") }
        values += service.languages.map { "language-\($0.value.lowercased())" }
        return values
    }

    private func facets() -> [SearchIndexFile] {
        let services = self.services
        var members: [String: [Int]] = [:]
        for (index, service) in services.enumerated() {
            for value in Self.facetValues(for: service) { members[value, default: []].append(index) }
        }
        return members.keys.sorted().map { value in
            var bits = [UInt8](repeating: 0, count: (services.count + 7) / 8)
            for index in members[value] ?? [] { bits[index / 8] |= 1 << (index % 8) }
            return SearchIndexFile(path: "search/facets/\(value).txt", text: Data(bits).base64EncodedString())
        }
    }

    // MARK: Records and manifest

    private func records() -> [SearchIndexFile] {
        stride(from: 0, to: documents.count, by: Self.recordsPerFile).map { start in
            let chunk = documents[start..<min(start + Self.recordsPerFile, documents.count)]
            let items = chunk.map(Self.record).joined(separator: ",\n")
            return SearchIndexFile(path: "search/records/\(start / Self.recordsPerFile).json", text: "[\n" + items + "\n]")
        }
    }

    static func record(_ document: SearchDocument) -> String {
        var fields: [(String, String)] = [
            ("k", JSONText.string(document.kind.rawValue)),
            ("t", JSONText.string(document.title)),
            ("s", JSONText.string(document.summary)),
            ("u", JSONText.string(document.url)),
        ]
        if let service = document.service {
            let eligibility = service.eligibility
            fields.append(("o", JSONText.string(document.organisationName ?? service.organisation)))
            fields.append(("a", "[\(eligibility.age.min),\(eligibility.age.max)]"))
            var flags: [String] = []
            if eligibility.ehcPlan == .required { flags.append("ehc") }
            if eligibility.allowsSelfReferral { flags.append("self") }
            if service.cost.isFree { flags.append("free") }
            if service.personalBudget { flags.append("budget") }
            fields.append(("f", "[" + flags.map(JSONText.string).joined(separator: ",") + "]"))
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func manifest(shardKeys: [String]) -> SearchIndexFile {
        let facetNames = Set(services.flatMap(Self.facetValues)).sorted()
        let groups = synonyms.map { group in
            "[" + group.map { phrase in "[" + SearchText.terms(in: phrase).map(JSONText.string).joined(separator: ",") + "]" }
                .joined(separator: ",") + "]"
        }
        let text = """
        {"version":\(Self.formatVersion),"documents":\(documents.count),"services":\(services.count),\
        "pages":\(documents.filter { $0.kind == .page }.count),\
        "recordsPerFile":\(Self.recordsPerFile),\
        "shards":[\(shardKeys.sorted().map(JSONText.string).joined(separator: ","))],\
        "facets":[\(facetNames.map(JSONText.string).joined(separator: ","))],\
        "stopWords":[\(SearchText.stopWords.sorted().map(JSONText.string).joined(separator: ","))],\
        "synonyms":[\(groups.joined(separator: ",\n"))],
        "synonymText":[\(synonyms.map { "[" + $0.map(JSONText.string).joined(separator: ",") + "]" }.joined(separator: ",\n"))]}
        """
        return SearchIndexFile(path: "search/manifest.json", text: text)
    }
}

extension SearchIndexFile {
    fileprivate var shardKey: String? {
        guard path.hasPrefix("search/terms/") else { return nil }
        return String(path.dropFirst("search/terms/".count).dropLast(".json".count))
    }
}

/// JSON string literals, written by hand because the index is large and its layout is ours.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Escaped so the JSON is also safe inside HTML, should anyone inline it.
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

