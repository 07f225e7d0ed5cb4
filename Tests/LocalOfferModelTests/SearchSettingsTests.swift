import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel
import Testing

/// `search:` in site.yml: optional, defaults built in, a list given adds to them, one word each.
struct SearchSettingsTests {
    static let site = """
    name: Test Local Offer
    council: Test Council
    base_url: https://test.example.org/
    language: en-GB
    feedback_email: localoffer@test.example.org
    categories:
      - {id: health, title: Health, description: Health services for children and young people.}

    """

    func decode(_ extra: String) -> (SiteContent?, [Diagnostic]) {
        let source = ContentSource(root: "content", siteFile: SourceText(path: "content/site.yml", text: Self.site + extra),
                                   glossaryFile: nil, synonymsFile: nil, documents: [])
        return ContentValidator(today: Fixtures.today).validate(source)
    }

    @Test func withoutASearchSectionTheDefaultsApply() throws {
        let (content, problems) = decode("")
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems.report)")
        let words = try #require(content?.site.search.ignoreWords)
        #expect(words == SearchSettings.defaultIgnoreWords)
        #expect(words.contains("child") && words.contains("help") && !words.contains("support"))
    }

    @Test func aListAddsToTheDefaults() throws {
        let (content, problems) = decode("search:\n  ignore_words: [Mum, please, doesn't]\n")
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems.report)")
        #expect(content?.site.search.ignoreWords == SearchSettings.defaultIgnoreWords + ["mum", "doesn't"])
    }

    @Test func theDefaultsCanBeLeftOut() throws {
        let (content, problems) = decode("search:\n  default_ignore_words: false\n  ignore_words: [my, please]\n")
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems.report)")
        #expect(content?.site.search.ignoreWords == ["my", "please"])
    }

    @Test func eachIsOneWordAndNoneRepeats() {
        let (_, problems) = decode("search:\n  ignore_words: [help me, please, Please]\n  ignore: []\n")
        let codes = problems.map(\.code)
        #expect(codes.contains(.valueNotAllowed), "'help me' is two words: \(problems.report)")
        #expect(codes.contains(.duplicateListItem), "\(problems.report)")
        #expect(codes.contains(.unknownKey), "\(problems.report)")
        #expect(problems.first { $0.code == .valueNotAllowed }?.location?.line == 9)
    }
}
