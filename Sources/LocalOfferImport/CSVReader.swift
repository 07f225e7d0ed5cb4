import Foundation

/// Reads CSV as RFC 4180 defines it, and as spreadsheets write it: comma-separated fields, records
/// ending in CRLF or LF, fields in double quotes when they hold commas, quotes (doubled: `""`) or line
/// breaks. A UTF-8 byte order mark (Excel's "CSV UTF-8") is skipped.
///
/// Rows are numbered as a spreadsheet numbers them: the header row is row 1, whatever line breaks
/// quoted fields contain.
///
/// ```swift
/// let table = try CSVReader.read(data).get()
/// table.header            // ["name", "email"]
/// table.rows[0].cells     // ["Portage", "portage@example.org"]
/// table.rows[0].number    // 2
/// ```
public enum CSVReader {
    public struct Row: Sendable, Hashable {
        /// The spreadsheet row number (the header is 1).
        public let number: Int
        public let cells: [String]
    }

    public struct Table: Sendable, Hashable {
        public let header: [String]
        public let rows: [Row]
    }

    public struct Problem: Error, Sendable, Hashable {
        public let message: String
        public let row: Int
        public let column: Int
    }

    public static func read(_ data: Data) -> Result<Table, Problem> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Problem(message: "the file is not UTF-8 text; save it as \"CSV UTF-8\"", row: 1, column: 1))
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> Result<Table, Problem> {
        var records: [(number: Int, cells: [String])] = []
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quoteStartRow = 0
        var fieldWasQuoted = false
        var afterClosingQuote = false
        var row = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0

        func endField() {
            cells.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            // A row of nothing (a blank line) is not a record.
            if !(cells.count == 1 && cells[0].isEmpty) { records.append((row, cells)) }
            cells = []
            row += 1
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    field.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r":
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                endRecord()
            case "\n":
                endRecord()
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteStartRow = row
            default:
                if afterClosingQuote {
                    if scalar == " " || scalar == "\t" { break }
                    return .failure(Problem(message: "text after a closing quote; a quote inside a quoted field is written twice (\"\")",
                                            row: row, column: cells.count + 1))
                }
                field.append(scalar)
            }
            index += 1
        }
        if inQuotes {
            return .failure(Problem(message: "a quoted field is never closed: a \" is missing", row: quoteStartRow, column: cells.count + 1))
        }
        if !field.isEmpty || !cells.isEmpty || fieldWasQuoted { endRecord() }

        guard let first = records.first else {
            return .failure(Problem(message: "the file is empty: it needs a header row and a row per service", row: 1, column: 1))
        }
        let header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [Row] = []
        for record in records.dropFirst() {
            if record.cells.count > header.count, record.cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                return .failure(Problem(message: "this row has \(record.cells.count) cells but the header has \(header.count) columns",
                                        row: record.number, column: header.count + 1))
            }
            var cells = Array(record.cells.prefix(header.count))
            while cells.count < header.count { cells.append("") }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            rows.append(Row(number: record.number, cells: cells))
        }
        return .success(Table(header: header, rows: rows))
    }

    /// Writes one record, quoting fields that need it: the inverse of `parse`.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ")
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
