import LocalOfferDiagnostics
import LocalOfferModel
import Testing

/// Several YAML mistakes in one file: each reported at its own line, in one run. After the first,
/// each line is repaired in memory as its hint says and the text read again; a repair must never
/// make up a mistake of its own.
@Suite("YAML syntax errors")
struct YAMLSyntaxTests {
    static let service = """
        ---
        title: Speech and language therapy for children
        summary: Assessment and therapy for children who find it hard to talk, listen or understand.
        organisation: kingsmere-therapies
        categories: [health]
        eligibility:
          age: {min: 0, max: 18}
          ehc_plan: not-required
          referral: [parent-carer, gp, school]
        contact:
          name: Children's Therapy Service
          phone: 020 7946 0123
          email: therapies@kingsmere.example.org
        last_reviewed: 2026-09-14
        ---
        Our therapists see children in clinics, nurseries and schools across Kingsmere.

        """

    static func diagnostics(_ edits: [(String, String)]) throws -> [Diagnostic] {
        var text = service
        for (old, new) in edits {
            #expect(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try ContentFolder.diagnostics(addingService: "several-mistakes", text: text)
    }

    @Test("Four syntax mistakes of four kinds in one file: four diagnostics, each at its line")
    func fourMistakesInOneFile() throws {
        let found = try Self.diagnostics([
            ("title: Speech and", "title: \"Speech and"),               // line 2: a quote never closed
            ("  ehc_plan: not-required", "   ehc_plan: not-required"), // line 8: three spaces
            ("  name: Children's", "  name: 'Children's"),             // line 11: an apostrophe in single quotes
            ("last_reviewed: 2026", "last_reviewed 2026"),              // line 14: no colon
        ])
        #expect(found.map { "\($0.code.rawValue) line \($0.location?.line ?? 0)" }
                == ["LO003 line 2", "LO003 line 8", "LO003 line 11", "LO003 line 14"], "\(found.report)")
        #expect(found[0].message.hasPrefix("this string, opened at 2:8, is not closed"))
        #expect(found[1].hint?.contains("indent this line by 2 spaces") == true)
        #expect(found[2].hint?.contains("apostrophe twice") == true)
        #expect(found[3].message == "this line has no ':' after its key")
    }

    @Test("A repaired mistake does not come back as another: an apostrophe with no closing quote is one mistake")
    func repairsMakeUpNothing() throws {
        let apostrophe = try Self.diagnostics([("  name: Children's Therapy Service", "  name: 'Children's Therapy Service")])
        #expect(apostrophe.count == 1, "\(apostrophe.report)")
        let colon = try Self.diagnostics([("title: Speech and language therapy", "title: Speech: language therapy")])
        #expect(colon.count == 1, "\(colon.report)")
        #expect(colon.first?.location?.line == 2)
        let tab = try Self.diagnostics([("  phone: 020", "\tphone: 020")])
        #expect(tab.map(\.message) == ["this line is indented with a tab"], "\(tab.report)")
    }

    @Test("An indentation that lines up with two blocks names both, and is not guessed at")
    func ambiguousIndentationIsNotRepaired() throws {
        let found = try Self.diagnostics([("  phone: 020", " phone: 020"), ("  email: therapies", " email: therapies")])
        #expect(found.count == 1, "\(found.report)")
        #expect(found.first?.location?.line == 12)
        #expect(found.first?.hint?.contains("2 spaces (like line 11) or 0 spaces (like line 10)") == true, "\(found.report)")
    }
}
