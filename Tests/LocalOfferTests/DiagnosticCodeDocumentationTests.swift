import Foundation
import LocalOfferDiagnostics
import Testing

@Suite("Diagnostic documentation")
struct DiagnosticCodeDocumentationTests {
    @Test func everyCodeIsDocumentedOnceWithItsSeverityAndMeaning() throws {
        let path = TestSite.repositoryRoot.appendingPathComponent("docs/diagnostics.md").path
        let text = try #require(FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) })
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| LO") }
        #expect(rows.count == DiagnosticCode.allCases.count)
        for code in DiagnosticCode.allCases {
            let isWarning = code.summary.hasPrefix("Warning: ")
            var meaning = isWarning ? String(code.summary.dropFirst("Warning: ".count)) : code.summary
            meaning = meaning.prefix(1).uppercased() + meaning.dropFirst()
            let expected = "| \(code.rawValue) | \(isWarning ? "warning" : "error") | \(meaning) |"
            #expect(rows.contains(expected), "docs/diagnostics.md should have: \(expected)")
        }
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    }
}
