import Testing
import Foundation
@testable import LocalOfferImport

@Suite("Import documentation")
struct ImportDocumentationTests {
    @Test func everySpreadsheetColumnIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/import.md"), encoding: .utf8)
        for column in CSVColumn.allCases {
            #expect(text.contains("`\(column.rawValue)`"), "docs/import.md does not describe the column \(column.rawValue)")
        }
    }
}
