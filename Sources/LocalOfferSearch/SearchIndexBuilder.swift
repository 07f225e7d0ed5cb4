import LocalOfferText
import Foundation
import LocalOfferModel
import LocalOfferParallel

/// A file of the search index, relative to the site root (`search/manifest.json`).
public struct SearchIndexFile: Sendable, Hashable {
    public let path: String
    public let text: String
}

/// Builds the client-side search index, split so that a query downloads only what it needs.
///
/// Documents are numbered in display order: services first (by title, so that ties read A to Z),
/// then information pages, then glossary entries. Files, relative to the site root:
///
/// - `search/manifest.json`: `version`, the counts (`documents`, `services`, `pages`),
///   `recordsPerFile` and `infoRecordsPerFile`, the `shards` and `facets` that exist, `stopWords` (dropped from text and
///   queries alike), `ignoreWords` (dropped from queries only: "my", "child"; `site.yml` `search:`),
///   `synonyms` (groups of phrases, each phrase as its stemmed terms) with `synonymText` (the same as
///   written, for "also searched for"): first the related phrases of `synonyms.yml`, then from
///   `equivalentsFrom` on the names of one thing (each glossary term, its aliases, its expansion), and `spelling` (`first`, `last`: the keys of the spelling
///   files, two letters each, run together).
/// - `search/terms/<xy>.json`: postings of every key starting with `xy`, a key being a term
///   (`"speech"`) or two neighbouring terms of one field that are in a synonym or glossary phrase
///   (`"speech languag"`, filed under the first):
///   `{"key": [df, Δdoc, score, Δdoc, score, …]}`. `df` is the number of documents holding the
///   key; then document numbers as gaps from the previous one, each with its BM25F score before
///   idf, 1–99 (see `SearchScoring`). A key in more than `maximumPostingsPerTerm` documents keeps
///   only its best ones; `df` stays true. A shard also holds, as `"~<g>": [df, Δdoc, score, phrase, …]`,
///   the documents of every synonym group g that has a phrase starting with one of its terms, each
///   with the group's best phrase there (its index in the group) and that phrase's score: a query
///   word's synonyms need no other shard. And, as `"#": {"<document>": record, …}`, the records of
///   each key's best documents (`recordsPerKey`, `infoRecordsPerKey`, `maximumRecordsPerShard`), so
///   that the first results of a query need no round trip after its shards.
/// - `search/phrases/<xy>.json`: the same for every pair of neighbouring terms, for quoted queries
///   ("short breaks" must match as a phrase); `phrases` in the manifest lists the keys, run together.
/// - `search/spelling/first-<xy>.txt`, `search/spelling/last-<xy>.txt`: the site's words of 4
///   letters or more, one a line, filed by their first and by their last two letters
///   (see `SpellingDictionary`).
/// - `search/facets/<name>.txt`: a base64 bitset per facet value (`age-7`, `need-sensory-and-physical`,
///   `no-ehc-plan` for a service open without a plan at some of its ages, `ehc-plan-from-19` for one
///   that needs a plan from that age on…): bit i is service i.
/// - `search/specificity.txt`: two characters per service, for ranking a search by filters alone:
///   how many areas of need it lists (digit), and how many years its age range spans (base 36).
/// - `search/boot.js`: fetches the shards of a query in the page's address before the search code has
///   loaded (see `boot(shardKeys:)`).
/// - `search/records/<n>.json`: what a result shows: services `recordsPerFile` a file (file n holds
///   services 10n…), then pages and glossary entries `infoRecordsPerFile` a file, numbered on
///   (`k` kind, `t` title, `s` summary, `u` address; `al` a glossary entry's other names; for a
///   service `o` organisation, `a` [min, max] age, `f` flags `ehc` (a plan needed at every age), `self`,
///   `free`, `budget`, and `e` the age from which a plan is needed, if it depends on age).
///
/// The browser (`assets/search/engine.js`) turns a query into the same terms (`SearchText`), adds
/// up idf × score per word, keeps documents that match enough of the query's informative words,
/// and fetches the records of those it shows.
///
/// ```swift
/// let files = SearchIndexBuilder(documents: documents, synonyms: groups, ignoreWords: ["my"]).build()
/// ```
public struct SearchIndexBuilder: Sendable {
    public static let formatVersion = 2
    public static let recordsPerFile = 10
    public static let infoRecordsPerFile = 50
    /// A very common word keeps only its best-scoring documents; nobody reads past them.
    public static let maximumPostingsPerTerm = 400
    /// A synonym that is one word counts where the document is about it, not where it is mentioned in
    /// passing ("moving" is not "wheelchair" in "moving to adult services"): the title, tags, summary,
    /// or more than one mention in the body (see `SearchScoring`).
    public static let synonymMinimumScore = 55
    /// The records a term shard carries (`"#"`), so that a query's first results need no other round
    /// trip: per key, its best services (as many as `engine.js` draws first, `EARLY_SERVICES`)…
    public static let recordsPerKey = 3
    /// …and its best information pages and glossary entries (the best answer is chosen from five)…
    public static let infoRecordsPerKey = 5
    /// …keys that name documents first, then those in more documents, until the shard carries this many
    /// (about 6 KiB compressed: the records are most of the bytes of a first query on a slow network).
    public static let maximumRecordsPerShard = 64
    /// A stored score from which a word is in a document's title or tags (`NAMING_SCORE` in engine.js).
    static let namingScore = 75

    let documents: [SearchDocument]
    /// Related phrases (synonyms.yml), then names of one thing (the glossary): see `SearchVocabulary`.
    let synonyms: [[String]]
    let equivalentsFrom: Int
    let ignoreWords: [String]

    /// `documents` in display order: services first (sorted by title), then pages, then glossary.
    /// `synonyms`: groups of related phrases (`SearchVocabulary.groups`); `equivalents`: groups of
    /// names of one thing (`SearchVocabulary.equivalents`); `ignoreWords`: words dropped from queries
    /// (`SearchSettings.ignoreWords`).
    public init(documents: [SearchDocument], synonyms: [[String]], equivalents: [[String]] = [],
                ignoreWords: [String] = SearchSettings.defaultIgnoreWords) {
        self.documents = documents
        self.synonyms = synonyms + equivalents
        self.equivalentsFrom = synonyms.count
        self.ignoreWords = ignoreWords
    }

    public func build() -> [SearchIndexFile] {
        let analysed = documents.parallelMap(SearchScoring.analyse)
        let postings = SearchScoring.postings(analysed, keep: Self.maximumPostingsPerTerm)
        // Pairs of terms are most of the keys but few queries need them: those of the synonym and
        // glossary phrases go with the terms, all of them (for quoted queries) into their own files.
        let known = knownPhrasePairs()
        var files = shards(postings.filter { !$0.key.contains(" ") || known.contains($0.key) }, folder: "terms",
                           extra: groupPostingsByShard(postings), withRecords: true)
        files += shards(postings.filter { $0.key.contains(" ") }, folder: "phrases")
        let spelling = SpellingDictionary.files(words: vocabulary())
        files += spelling.keys.sorted().map { key in
            SearchIndexFile(path: "search/spelling/\(key).txt", text: (spelling[key] ?? []).joined(separator: "\n") + "\n")
        }
        files += facets()
        files.append(specificity())
        files += records()
        let shardKeys = files.compactMap { $0.key(in: "terms") }
        files.append(manifest(shardKeys: shardKeys, phraseKeys: files.compactMap { $0.key(in: "phrases") },
                              spellingKeys: Array(spelling.keys)))
        files.append(boot(shardKeys: shardKeys))
        return files.sorted { $0.path < $1.path }
    }

    // MARK: Terms

    /// Terms are grouped by their first two characters: typing "spe" fetches one small file.
    public static func shardKey(for term: String) -> String {
        let key = term.unicodeScalars.prefix(2).map { scalar -> Character in
            scalar.isASCII && (CharacterSet.lowercaseLetters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar))
                ? Character(scalar) : "_"
        }
        return String(key).padding(toLength: 2, withPad: "_", startingAt: 0)
    }

    /// The pairs of neighbouring terms in the synonym groups' phrases ("short break" of "short breaks").
    private func knownPhrasePairs() -> Set<String> {
        var pairs = Set<String>()
        for phrase in synonyms.joined() {
            let terms = SearchText.terms(in: phrase)
            for index in terms.indices.dropFirst() { pairs.insert(terms[index - 1] + " " + terms[index]) }
        }
        return pairs
    }

    /// A synonym group's documents, merged: for each document its best phrase of the group and that
    /// phrase's score, so that a query word needs only its own shard to find its synonyms. A single
    /// word counts only where it is prominent (score at least `synonymMinimumScore`: the title, tags,
    /// summary, or said more than once); a phrase of several words wherever all its pairs are.
    /// Written as `"~<group>": [df, Δdoc, score, phrase, …]` into the shard of every phrase's first term.
    private func groupPostingsByShard(_ postings: [String: SearchScoring.Postings]) -> [String: [ShardEntry]] {
        var byShard: [String: [ShardEntry]] = [:]
        for (groupIndex, group) in synonyms.enumerated() {
            var best: [Int: (score: Int, phrase: Int)] = [:]
            var shardKeys = Set<String>()
            for (phraseIndex, phrase) in group.enumerated() {
                let terms = SearchText.terms(in: phrase)
                guard let first = terms.first else { continue }
                shardKeys.insert(Self.shardKey(for: first))
                for (document, score) in phraseScores(terms, postings) where score > (best[document]?.score ?? 0) {
                    best[document] = (score, phraseIndex)
                }
            }
            guard !best.isEmpty else { continue }
            let kept = best.sorted { $0.value.score == $1.value.score ? $0.key < $1.key : $0.value.score > $1.value.score }
                .prefix(Self.maximumPostingsPerTerm).sorted { $0.key < $1.key }
            var previous = 0
            var numbers = [String(best.count)]
            for (document, entry) in kept {
                numbers += [String(document - previous), String(entry.score), String(entry.phrase)]
                previous = document
            }
            let entry = ShardEntry(key: JSONText.string("~\(groupIndex)"), list: "[" + numbers.joined(separator: ",") + "]",
                                   documentFrequency: best.count, best: kept.map { (document: $0.key, score: $0.value.score) })
            for key in shardKeys { byShard[key, default: []].append(entry) }
        }
        return byShard
    }

    /// A phrase's documents: a word's postings where prominent, or where every pair of the phrase is (lowest pair score).
    private func phraseScores(_ terms: [String], _ postings: [String: SearchScoring.Postings]) -> [(Int, Int)] {
        if terms.count == 1 {
            return (postings[terms[0]]?.entries ?? []).filter { $0.score >= Self.synonymMinimumScore }.map { ($0.document, $0.score) }
        }
        var scores: [Int: Int]?
        for index in terms.indices.dropFirst() {
            let entries = postings[terms[index - 1] + " " + terms[index]]?.entries ?? []
            let pair = Dictionary(entries.map { ($0.document, $0.score) }, uniquingKeysWith: max)
            guard let current = scores else {
                scores = pair
                continue
            }
            var both: [Int: Int] = [:]
            for (document, score) in current {
                if let other = pair[document] { both[document] = min(score, other) }
            }
            scores = both
        }
        return (scores ?? [:]).map { ($0.key, $0.value) }
    }

    /// A synonym group's line of a shard (`"~<g>": [...]`), with its documents for `topRecords`.
    struct ShardEntry {
        let key: String
        let list: String
        let documentFrequency: Int
        let best: [(document: Int, score: Int)]
    }

    private func shards(_ postings: [String: SearchScoring.Postings], folder: String, extra: [String: [ShardEntry]] = [:],
                        withRecords: Bool = false) -> [SearchIndexFile] {
        var byShard: [String: [String]] = [:]
        for key in postings.keys { byShard[Self.shardKey(for: key), default: []].append(key) }
        for key in extra.keys where byShard[key] == nil { byShard[key] = [] }
        let serviceCount = services.count
        return byShard.keys.sorted().map { shard in
            let keys = (byShard[shard] ?? []).sorted()
            let groupEntries = (extra[shard] ?? []).sorted { $0.key < $1.key }
            var body = groupEntries.map { $0.key + ":" + $0.list }
            body += keys.map { key -> String in
                guard let list = postings[key] else { return JSONText.string(key) + ":[0]" }
                var previous = 0
                var numbers = [String(list.documentFrequency)]
                for (document, score) in list.entries {
                    numbers.append(String(document - previous))
                    numbers.append(String(score))
                    previous = document
                }
                return JSONText.string(key) + ":[" + numbers.joined(separator: ",") + "]"
            }
            if withRecords {
                let lists = keys.compactMap { key in postings[key].map { (documentFrequency: $0.documentFrequency, best: $0.entries) } }
                    + groupEntries.map { (documentFrequency: $0.documentFrequency, best: $0.best) }
                let ids = Self.topRecords(lists, serviceCount: serviceCount)
                if !ids.isEmpty {
                    body.insert("\"#\":{" + ids.map { "\"\($0)\":" + Self.record(documents[$0]) }.joined(separator: ",\n") + "}", at: 0)
                }
            }
            return SearchIndexFile(path: "search/\(folder)/\(shard).json", text: "{" + body.joined(separator: ",\n") + "}")
        }
    }

    /// The documents whose records travel with a shard: for each of its keys, commonest first, the
    /// best `recordsPerKey` services and `infoRecordsPerKey` pages and glossary entries (what a
    /// one-word query draws first), up to `maximumRecordsPerShard`. By document number.
    private static func topRecords(_ lists: [(documentFrequency: Int, best: [(document: Int, score: Int)])],
                                   serviceCount: Int) -> [Int] {
        var chosen = Set<Int>()
        // Words that name documents (in a title or tags) are what families search for; "through"
        // and "thing" only ever appear in passing. Then the commonest.
        let naming = lists.map { list in list.best.contains { $0.score >= Self.namingScore } }
        let ordered = lists.indices.sorted {
            naming[$0] != naming[$1] ? naming[$0] : lists[$0].documentFrequency > lists[$1].documentFrequency
        }.map { lists[$0] }
        for list in ordered {
            if chosen.count >= Self.maximumRecordsPerShard { break }
            let best = list.best.sorted { $0.score == $1.score ? $0.document < $1.document : $0.score > $1.score }
            chosen.formUnion(best.lazy.filter { $0.document < serviceCount }.prefix(Self.recordsPerKey).map(\.document))
            chosen.formUnion(best.lazy.filter { $0.document >= serviceCount }.prefix(Self.infoRecordsPerKey).map(\.document))
        }
        return chosen.sorted()
    }

    /// Every word a query could mean: the documents' and the synonym groups'.
    private func vocabulary() -> Set<String> {
        var words = Set<String>()
        for document in documents {
            for text in document.fields.values { words.formUnion(SearchText.words(in: text)) }
        }
        for group in synonyms {
            for phrase in group { words.formUnion(SearchText.words(in: phrase)) }
        }
        return words
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
        // Open without a plan at some of its ages; a plan needed from an age on is a facet of its own,
        // so that "no EHC plan needed" with an age is true at that age.
        if eligibility.isOpenWithoutEHCPlan {
            values.append("no-ehc-plan")
            if let from = eligibility.ehcPlanFromAge { values.append("ehc-plan-from-\(from)") }
        }
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

    /// For a search by filters alone: services made for few areas of need and a narrow age range
    /// come first. Two characters per service: the number of areas of need, and max − min age in base 36.
    private func specificity() -> SearchIndexFile {
        let text = services.map { service -> String in
            let age = service.eligibility.age
            return String(service.eligibility.needs.count) + String(max(0, min(35, age.max - age.min)), radix: 36)
        }.joined()
        return SearchIndexFile(path: "search/specificity.txt", text: text)
    }

    // MARK: Records and manifest

    /// Services ten a file (a query's hits are scattered: bigger files cost bytes without saving
    /// requests); then pages and glossary entries, fifty a file (few, and shown together).
    private func records() -> [SearchIndexFile] {
        let serviceCount = services.count
        func files(_ range: Range<Int>, per: Int, firstNumber: Int) -> [SearchIndexFile] {
            stride(from: range.lowerBound, to: range.upperBound, by: per).enumerated().map { offset, start in
                let items = documents[start..<min(start + per, range.upperBound)].map(Self.record).joined(separator: ",\n")
                return SearchIndexFile(path: "search/records/\(firstNumber + offset).json", text: "[\n" + items + "\n]")
            }
        }
        let serviceFiles = files(0..<serviceCount, per: Self.recordsPerFile, firstNumber: 0)
        return serviceFiles + files(serviceCount..<documents.count, per: Self.infoRecordsPerFile, firstNumber: serviceFiles.count)
    }

    static func record(_ document: SearchDocument) -> String {
        var fields: [(String, String)] = [
            ("k", JSONText.string(document.kind.rawValue)),
            ("t", JSONText.string(document.title)),
            ("s", JSONText.string(document.summary)),
            ("u", JSONText.string(document.url)),
        ]
        if !document.alsoKnownAs.isEmpty {
            fields.append(("al", "[" + document.alsoKnownAs.map(JSONText.string).joined(separator: ",") + "]"))
        }
        if let service = document.service {
            let eligibility = service.eligibility
            fields.append(("o", JSONText.string(document.organisationName ?? service.organisation)))
            fields.append(("a", "[\(eligibility.age.min),\(eligibility.age.max)]"))
            var flags: [String] = []
            if !eligibility.isOpenWithoutEHCPlan { flags.append("ehc") }
            if eligibility.isOpenWithoutEHCPlan, let from = eligibility.ehcPlanFromAge { fields.append(("e", String(from))) }
            if eligibility.allowsSelfReferral { flags.append("self") }
            if service.cost.isFree { flags.append("free") }
            if service.personalBudget { flags.append("budget") }
            fields.append(("f", "[" + flags.map(JSONText.string).joined(separator: ",") + "]"))
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func manifest(shardKeys: [String], phraseKeys: [String], spellingKeys: [String]) -> SearchIndexFile {
        let facetNames = Set(services.flatMap(Self.facetValues)).sorted()
        let groups = synonyms.map { group in
            "[" + group.map { phrase in "[" + SearchText.terms(in: phrase).map(JSONText.string).joined(separator: ",") + "]" }
                .joined(separator: ",") + "]"
        }
        func keys(_ prefix: String) -> String {
            JSONText.string(spellingKeys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted().joined())
        }
        let ignore = Set(ignoreWords.flatMap(SearchText.words(in:))).sorted()
        let text = """
        {"version":\(Self.formatVersion),"documents":\(documents.count),"services":\(services.count),\
        "pages":\(documents.filter { $0.kind == .page }.count),\
        "recordsPerFile":\(Self.recordsPerFile),"infoRecordsPerFile":\(Self.infoRecordsPerFile),\
        "shards":[\(shardKeys.sorted().map(JSONText.string).joined(separator: ","))],\
        "phrases":\(JSONText.string(phraseKeys.sorted().joined())),\
        "facets":[\(facetNames.map(JSONText.string).joined(separator: ","))],\
        "stopWords":[\(SearchText.stopWords.sorted().map(JSONText.string).joined(separator: ","))],\
        "equivalentsFrom":\(equivalentsFrom),\
        "ignoreWords":[\(ignore.map(JSONText.string).joined(separator: ","))],\
        "spelling":{"first":\(keys("first-")),"last":\(keys("last-"))},
        "synonyms":[\(groups.joined(separator: ",\n"))],
        "synonymText":[\(synonyms.map { "[" + $0.map(JSONText.string).joined(separator: ",") + "]" }.joined(separator: ",\n"))]}
        """
        return SearchIndexFile(path: "search/manifest.json", text: text)
    }
}

extension SearchIndexBuilder {
    /// `search/boot.js`: a small script the search page loads first (async, in its head). It starts
    /// fetching the manifest and, when the address holds a query (a search submitted from another
    /// page), the shards of the query's words, while the search code is still on its way, and leaves
    /// the pending answers in `window.localOfferSearchPrefetch` for the engine: the shards come in the
    /// same round trip as the code instead of the one after it. It knows which shards exist, and the
    /// stop and ignored words, so it never asks for a file that is not there.
    func boot(shardKeys: [String]) -> SearchIndexFile {
        let skip = (SearchText.stopWords.sorted() + Set(ignoreWords.flatMap(SearchText.words(in:))).sorted())
        let text = """
        // Written by `localoffer build` (SearchIndexBuilder.boot): fetches the manifest, and the shards
        // of a query in the address, while the search code loads. The engine takes them from
        // window.localOfferSearchPrefetch.
        (function () {
          "use strict";
          var script = document.currentScript;
          if (!script || !window.fetch) return;
          var shards = \(JSONText.string(shardKeys.sorted().joined()));
          var skip = \(JSONText.string(" " + skip.joined(separator: " ") + " "));
          var base = script.src.replace(/boot\\.js(\\?.*)?$/, "");
          var pending = window.localOfferSearchPrefetch = window.localOfferSearchPrefetch || {};
          var get = function (path) {
            if (pending[path]) return;
            pending[path] = fetch(path).then(function (response) {
              if (!response.ok) throw new Error(response.status + " " + response.url);
              return response.text();
            });
            pending[path].catch(function () {});
          };
          get(base + "manifest.json");
          var q = new URLSearchParams(location.search).get("q") || "";
          var words = q.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[\\u2019']/g, "").split(/[^a-z0-9\\u00c0-\\uffff]+/);
          for (var i = 0; i < words.length; i++) {
            var word = words[i];
            if (word.length < 2 || skip.indexOf(" " + word + " ") >= 0) continue;
            var key = word.slice(0, 2).replace(/[^a-z0-9]/g, "_");
            var at = shards.indexOf(key);
            while (at >= 0 && at % 2 === 1) at = shards.indexOf(key, at + 1);
            if (at >= 0) get(base + "terms/" + key + ".json");
          }
        })();

        """
        return SearchIndexFile(path: "search/boot.js", text: text)
    }
}

extension SearchIndexFile {
    /// "sp" for `search/terms/sp.json` with `folder` "terms".
    fileprivate func key(in folder: String) -> String? {
        let prefix = "search/\(folder)/"
        guard path.hasPrefix(prefix), path.hasSuffix(".json") else { return nil }
        return String(path.dropFirst(prefix.count).dropLast(".json".count))
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

