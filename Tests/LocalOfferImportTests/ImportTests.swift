import Testing
import Foundation
@testable import LocalOfferImport
import LocalOfferModel

@Suite("Import documentation")
struct ImportDocumentationTests {
    @Test func everySpreadsheetColumnIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/import.md"), encoding: .utf8)
        for column in CSVColumn.allCases {
            #expect(text.contains("`\(column.rawValue)`"), "docs/import.md does not describe the column \(column.rawValue)")
        }
    }

    @Test func everyColumnButTheDescriptionFillsACataloguedField() {
        for column in CSVColumn.allCases {
            #expect((column.field == nil) == (column == .description), "\(column.rawValue)")
        }
    }

    /// The row of the columns table that documents a column (columns of an address share a row).
    static func row(_ column: CSVColumn, in text: String) -> String? {
        let table = text.components(separatedBy: "| Column | What it holds | Example |").last ?? ""
        return table.split(separator: "\n").map(String.init).first { $0.hasPrefix("| `\(column.rawValue)`") || $0.hasPrefix("| `") && $0.contains(", `\(column.rawValue)`") }
    }

    @Test func theColumnsTableStatesTheCataloguesWordsAndBounds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/import.md"), encoding: .utf8)
        for column in CSVColumn.allCases {
            guard let field = column.field, let row = Self.row(column, in: text) else { continue }
            var shape = field.shape
            if case .list(let list) = shape { shape = list.item }
            if case .either(let alternatives) = shape, let first = alternatives.first { shape = first.shape }
            switch shape {
            case .choice(let words):
                for word in words {
                    #expect(row.contains(word), "docs/import.md: the column \(column.rawValue) does not list '\(word)'")
                }
            case .integer(let range):
                #expect(row.contains("\(range.lowerBound) to \(range.upperBound)"), "docs/import.md: \(column.rawValue) should say \(range)")
            case .text(let length), .plainText(let length):
                let upper = length.upperBound >= 1000 ? "\(length.upperBound / 1000),\(String(length.upperBound % 1000).leftPadded(to: 3))" : "\(length.upperBound)"
                if row.contains("characters") {
                    #expect(row.contains("\(length.lowerBound) to \(upper) characters"), "docs/import.md: \(column.rawValue) should say \(length)")
                }
            default: break
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
