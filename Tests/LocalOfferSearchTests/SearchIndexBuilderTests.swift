import Foundation
import Testing
import LocalOfferModel
import LocalOfferSearch

/// The index format the browser reads (documented on `SearchIndexBuilder`), built from a few
/// documents: postings with document frequency, phrase pairs, spelling files, records, manifest.
struct SearchIndexBuilderTests {
    static func page(_ title: String, _ body: String) -> SearchDocument {
        SearchDocument(kind: .page, url: "/information/\(Slug(title))/", title: title, summary: title,
                       fields: [.title: title, .body: body])
    }

    static func Slug(_ text: String) -> String { text.lowercased().replacingOccurrences(of: " ", with: "-") }

    let documents = [
        page("Short breaks", "Short breaks give parents a break from caring. Respite in all but name."),
        page("Speech and language therapy", "Therapists help children with talking and understanding."),
        page("Getting around", "Travel training and wheelchairs for getting around the borough."),
        page("Money", "Benefits such as DLA and help with money."),
    ]

    func build(synonyms: [[String]] = [["wheelchair", "getting around"]], equivalents: [[String]] = [["salt", "speech and language therapy"]])
        -> [String: String] {
        let files = SearchIndexBuilder(documents: documents, synonyms: synonyms, equivalents: equivalents, ignoreWords: ["my", "child"]).build()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
    }

    /// A file's JSON; a term shard without its records (`"#"`, see `shardsCarryTheRecordsOfTheirKeysBestDocuments`).
    func json(_ text: String?) throws -> Any {
        let object = try JSONSerialization.jsonObject(with: Data(try #require(text).utf8))
        guard var shard = object as? [String: Any], shard["#"] != nil else { return object }
        shard["#"] = nil
        return shard
    }

    @Test func shardsCarryTheRecordsOfTheirKeysBestDocuments() throws {
        let files = build()
        let text = try #require(files["search/terms/br.json"])
        let shard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let carried = try #require(shard["#"] as? [String: [String: Any]], "the shard carries records")
        let postings = try #require((try json(files["search/terms/br.json"]) as? [String: [Int]])?["break"])
        #expect(carried[String(postings[1])] != nil, "the best document of 'break' has its record in the shard")
        // The same record as in its file: the engine may take either.
        let file = try #require(try json(files["search/records/0.json"]) as? [[String: Any]])
        let first = try #require(carried.values.first { $0["k"] as? String == "p" })
        #expect(file.contains { ($0["u"] as? String) == (first["u"] as? String) && ($0["t"] as? String) == (first["t"] as? String) })
    }

    @Test func postingsStartWithTheDocumentFrequency() throws {
        let files = build()
        let shard = try #require(try json(files["search/terms/br.json"]) as? [String: [Int]])
        let postings = try #require(shard["break"])
        #expect(postings[0] == 1, "df: one document says 'break'")
        #expect(postings[1] == 0, "the first document, as a gap from 0")
        #expect((1...99).contains(postings[2]))
    }

    @Test func phrasePairsOfSynonymsGoWithTheTermsAndAllPairsIntoPhraseFiles() throws {
        let files = build()
        let terms = try #require(try json(files["search/terms/ge.json"]) as? [String: [Int]])
        #expect(terms["get around"] != nil, "a synonym phrase's pair is with the terms")
        #expect(terms["get"] != nil)
        let phrases = try #require(try json(files["search/phrases/sh.json"]) as? [String: [Int]])
        #expect(phrases["short break"]?.first == 1, "every pair is in the phrase files, for quoted queries")
        let termShard = try #require(try json(files["search/terms/sh.json"]) as? [String: [Int]])
        #expect(termShard["short break"] == nil, "a pair nobody's synonym uses stays out of the term shards")
    }

    @Test func aSynonymGroupsDocumentsTravelWithEachOfItsWords() throws {
        let files = build()
        // "wheelchair" is in no document, but its group's phrase "getting around" is (document 2).
        let wheelchair = try #require(try json(files["search/terms/wh.json"]) as? [String: [Int]])
        let group = try #require(wheelchair["~0"], "the group is in the shard of each of its phrases' first terms")
        #expect(group.count == 4, "df, then one (gap, score, phrase) triple")
        #expect(group[0] == 1 && group[1] == 2 && group[3] == 1, "document 2, by phrase 1 ('getting around')")
        let getting = try #require(try json(files["search/terms/ge.json"]) as? [String: [Int]])
        #expect(getting["~0"] == group)
        // "wheelchairs" is said once in passing in the body of document 2: not prominent enough for a synonym.
        #expect(try #require(try json(files["search/terms/tr.json"]) as? [String: [Int]])["~0"] == nil)
    }

    @Test func scoresAreBM25FWithTitleAboveBody() throws {
        let files = build()
        let shard = try #require(try json(files["search/terms/sh.json"]) as? [String: [Int]])
        let short = try #require(shard["short"])
        let travel = try #require((try json(files["search/terms/tr.json"]) as? [String: [Int]])?["travel"])
        #expect(short[2] > travel[2], "a word in the title and the body scores above a word once in the body")
    }

    @Test func spellingFilesHoldEachWordUnderItsFirstAndLastTwoLetters() throws {
        let files = build()
        #expect(files["search/spelling/first-th.txt"]?.split(separator: "\n").contains("therapists") == true)
        #expect(files["search/spelling/last-ts.txt"]?.split(separator: "\n").contains("therapists") == true)
        #expect(files["search/spelling/first-dl.txt"] == nil, "words under four letters are not corrected")
    }

    @Test func manifestCarriesVocabularyAndIgnoredWords() throws {
        let files = build()
        let manifest = try #require(try json(files["search/manifest.json"]) as? [String: Any])
        #expect(manifest["version"] as? Int == SearchIndexBuilder.formatVersion)
        #expect(manifest["ignoreWords"] as? [String] == ["child", "my"])
        #expect(manifest["equivalentsFrom"] as? Int == 1, "synonyms.yml groups first, then the glossary's")
        let synonyms = try #require(manifest["synonyms"] as? [[[String]]])
        #expect(synonyms.count == 2)
        #expect(synonyms[0][1] == ["get", "around"], "phrases are stored as their terms")
        let spelling = try #require(manifest["spelling"] as? [String: String])
        #expect(spelling["first"]?.count ?? 0 > 0 && (spelling["first"]?.count ?? 1) % 2 == 0)
    }

    @Test func theBootScriptKnowsTheShardsAndTheWordsToSkip() throws {
        let files = build()
        let boot = try #require(files["search/boot.js"])
        let keys = files.keys.filter { $0.hasPrefix("search/terms/") }.map { String($0.dropFirst(13).prefix(2)) }.sorted().joined()
        #expect(boot.contains("var shards = \"\(keys)\";"))
        #expect(boot.contains(" child ") && boot.contains(" the "), "ignored and stop words are not fetched")
        #expect(boot.contains("get(base + \"manifest.json\")"))
    }

    @Test func recordsOfPagesAndGlossaryComeFiftyToAFileAfterTheServices() throws {
        let files = build()
        let records = try #require(try json(files["search/records/0.json"]) as? [[String: Any]])
        #expect(records.count == 4, "no services here: the first file holds the pages")
        #expect(records.first?["t"] as? String == "Short breaks")
        #expect(files["search/specificity.txt"] == "")
    }

    @Test func glossaryEntriesExpandWhatTheyStandFor() {
        let salt = GlossaryEntry(term: "SaLT", meaning: "Speech and language therapy. Therapists who help with talking.", aliases: ["SLT"])
        let autism = GlossaryEntry(term: "Autism", meaning: "A lifelong difference in how people communicate.", aliases: [])
        #expect(SearchVocabulary.expansion(of: salt) == "speech and language therapy")
        #expect(SearchVocabulary.expansion(of: autism) == nil, "a definition is not an expansion")
        #expect(SearchVocabulary.equivalents(glossary: [salt, autism]) == [["salt", "slt", "speech and language therapy"]])
    }

    @Test func bm25fSaturatesAndNormalisesLength() {
        let short = SearchDocument(kind: .page, url: "/a/", title: "A", summary: "A", fields: [.body: "autism"])
        let long = SearchDocument(kind: .page, url: "/b/", title: "B", summary: "B",
                                  fields: [.body: "autism " + String(repeating: "other words here ", count: 30)])
        let repeated = SearchDocument(kind: .page, url: "/c/", title: "C", summary: "C",
                                      fields: [.body: String(repeating: "autism ", count: 20)])
        let postings = SearchScoring.postings([short, long, repeated].map(SearchScoring.analyse), keep: 400)
        let scores = Dictionary(uniqueKeysWithValues: (postings["autism"]?.entries ?? []).map { ($0.document, $0.score) })
        #expect((scores[0] ?? 0) > (scores[1] ?? 0), "the same mention counts less in a long text")
        #expect((scores[2] ?? 0) < 99 && (scores[2] ?? 0) > (scores[0] ?? 0), "twenty mentions saturate")
    }
}
