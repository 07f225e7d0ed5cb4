import LocalOfferText
import Foundation
import LocalOfferDiagnostics
import LocalOfferModel
import Testing

/// The validator against the fixtures: every invalid fixture gives exactly the one diagnostic it
/// declares, at the line it declares; every valid fixture gives none.
@Suite("Content fixtures")
struct FixtureTests {
    /// The codes reported as warnings; every other code in the fixtures is an error.
    static let warningCodes: Set<DiagnosticCode> = [
        .insecureWebsite, .reviewOverdue, .overlappingCommissioners, .draftMissingField, .reviewDueSoon,
    ]

    @Test("The site fixture on its own is valid, with no warnings")
    func siteFixtureIsClean() throws {
        let diagnostics = try ContentFolder.diagnostics()
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
    }

    @Test("An invalid fixture gives exactly its declared diagnostic, and nothing else", arguments: Fixtures.invalid)
    func invalidFixtureGivesItsDiagnostic(name: String) throws {
        let expectation = try FixtureExpectation(parsing: Fixtures.text(of: name, in: "invalid"))
        let diagnostics = try ContentFolder.diagnostics(addingService: name, from: "invalid")

        #expect(diagnostics.count == 1, "expected only \(expectation.code.rawValue) at line \(expectation.line), got:\n\(diagnostics.report)")
        let found = try #require(diagnostics.first, "expected \(expectation.code.rawValue), got nothing")
        #expect(found.code == expectation.code, "\(diagnostics.report)")
        #expect(found.location?.line == expectation.line, "\(diagnostics.report)")
        #expect(found.location?.path.hasSuffix("/services/\(name).md") == true, "\(diagnostics.report)")
        #expect(found.severity == (Self.warningCodes.contains(found.code) ? .warning : .error), "\(diagnostics.report)")
        if let hint = expectation.hint {
            #expect(found.hint?.contains(hint) == true, "hint should contain \"\(hint)\": \(diagnostics.report)")
        }
    }

    @Test("A valid fixture gives no errors and no warnings", arguments: Fixtures.valid)
    func validFixtureIsClean(name: String) throws {
        let diagnostics = try ContentFolder.diagnostics(addingService: name, from: "valid")
        #expect(diagnostics.isEmpty, "\(diagnostics.report)")
    }

    @Test("Fixture file names are slugs, except in the fixtures for the slug rule")
    func fixtureNamesAreSlugsUnlessTheyTestSlugs() throws {
        for name in Fixtures.valid {
            #expect(Slug.isValid(name), "valid/\(name).md")
        }
        for name in Fixtures.invalid {
            let expectation = try FixtureExpectation(parsing: Fixtures.text(of: name, in: "invalid"))
            #expect(Slug.isValid(name) == (expectation.code != .invalidSlug), "invalid/\(name).md")
        }
    }

    @Test("There are enough fixtures, and every rule a service can break has at least one")
    func everyServiceRuleHasAFixture() throws {
        #expect(Fixtures.valid.count >= 4)
        #expect(Fixtures.invalid.count >= 60)
        let covered = try Set(Fixtures.invalid.map { try FixtureExpectation(parsing: Fixtures.text(of: $0, in: "invalid")).code })
        // Codes a single service file cannot produce: about other kinds of file, or the build.
        let notAboutAServiceFile: Set<DiagnosticCode> = [
            .unreadableFile, .missingFile, .duplicateSlug, .organisationWithoutServices, .duplicateGlossaryTerm,
            .duplicateCategory, .brokenLink, .rawHTMLOmitted, .templateSyntax, .missingTemplate, .outputFailure,
            .importUnreadable, .importRecordUnusable, .importInvalidValue, .importUnknownColumn, .importWouldOverwrite,
            .importValueDropped, .importEntryInvalid,
            // About the file rather than its text, or about the Markdown stage (Tests/LocalOfferContentTests,
            // Tests/LocalOfferMarkdownTests and Tests/LocalOfferTests/HostileInputTests cover them).
            .symbolicLinkOutside, .notARegularFile, .fileTooLarge, .siteTooLarge, .markdownTooDeep, .markdownTooComplex,
        ]
        let missing = Set(DiagnosticCode.allCases).subtracting(notAboutAServiceFile).subtracting(covered)
        #expect(missing.isEmpty, "no invalid fixture for \(missing.map(\.rawValue).sorted())")
    }

    @Test("An entry with five different mistakes gets five diagnostics in one run")
    func fiveMistakesGiveFiveDiagnostics() throws {
        let text = """
            ---
            title: OT
            summary: Assessment and therapy for children who find it hard to talk.
            organisation: kingsmere-therapies
            categories: [health]
            eligibility:
              age: {min: 0, max: 30}
              ehc_plan: maybe
              referral: [parent-carer]
            contact:
              phone: 020 7946
              website: javascript:alert(1)
            last_reviewed: 2026-09-14
            ---
            Our therapists see children in clinics and schools.

            """
        let diagnostics = try ContentFolder.diagnostics(addingService: "five-mistakes", text: text)
        let found = diagnostics.map { "\($0.code.rawValue) line \($0.location?.line ?? 0)" }
        #expect(found == ["LO105 line 2", "LO106 line 7", "LO104 line 8", "LO202 line 11", "LO204 line 12"],
                "\(diagnostics.report)")
    }
}

@Suite("Fixture expectations")
struct FixtureExpectationTests {
    @Test("The expectation comment is read with its code, line, hint and schema answer")
    func readsExpectationComment() throws {
        let text = "---\n# expect: LO101 line 12 hint: did you mean 'tags'?\n# json-schema: yes\ntitle: x\n"
        #expect(try FixtureExpectation(parsing: text)
            == FixtureExpectation(code: .unknownKey, line: 12, hint: "did you mean 'tags'?", schemaCanExpress: true))
    }

    @Test("Files without front matter declare it in HTML comments")
    func readsHTMLCommentExpectation() throws {
        let text = "<!-- expect: LO002 line 1 -->\n<!-- json-schema: no (no front matter) -->\n# Title\n"
        #expect(try FixtureExpectation(parsing: text)
            == FixtureExpectation(code: .missingFrontMatter, line: 1, schemaCanExpress: false))
    }

    @Test("A fixture without an expectation is refused, not silently passed")
    func refusesMissingExpectation() {
        #expect(throws: FixtureExpectation.ParseError.self) { try FixtureExpectation(parsing: "---\ntitle: x\n---\n") }
        #expect(throws: FixtureExpectation.ParseError.self) {
            try FixtureExpectation(parsing: "---\n# expect: LO999 line 3\n# json-schema: yes\n")
        }
    }
}
