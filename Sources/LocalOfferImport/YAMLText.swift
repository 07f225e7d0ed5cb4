import Foundation

/// Writes YAML scalars the way the content files are written by hand: plain where that is safe, in
/// double quotes otherwise. "Safe" is judged for YAML 1.2 editors and YAML 1.1 tools alike, so a
/// title such as `Yes` or `2026` stays text everywhere.
enum YAMLText {
    /// A scalar in block context (`key: value`).
    static func scalar(_ text: String) -> String {
        isPlainSafe(text, inFlow: false) ? text : quoted(text)
    }

    /// A scalar inside `[...]` or `{...}`.
    static func flowScalar(_ text: String) -> String {
        isPlainSafe(text, inFlow: true) ? text : quoted(text)
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
    private static let flowIndicators: Set<Character> = [",", "[", "]", "{", "}"]
    /// Words some YAML reader would take for a boolean or null.
    private static let specialWords: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.first, let last = text.last, !first.isWhitespace, !last.isWhitespace else { return false }
        if indicators.contains(first) { return false }
        if specialWords.contains(text.lowercased()) { return false }
        if looksNumeric(text) { return false }
        if text.contains(": ") || text.contains(" #") || last == ":" { return false }
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" || scalar == "\u{85}" {
            return false
        }
        if inFlow && text.contains(where: { flowIndicators.contains($0) }) { return false }
        return true
    }

    /// Numbers, dates and times in any of the forms YAML 1.1 or 1.2 resolve (12, 1_000, 0x1F, 1e3, 12:30, 2026-09-14).
    private static func looksNumeric(_ text: String) -> Bool {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard let first = body.first else { return false }
        if first == "." {
            return body.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }
        }
        guard first.isASCII, first.isNumber else { return false }
        // A timestamp may have a space between date and time: 2026-09-14 10:30:00.
        let isTimestamp = body.range(of: #"^\d{4}-\d\d?-\d\d?([ tT]|$)"#, options: .regularExpression) != nil
        return isTimestamp || body.allSatisfy { $0.isASCII && ($0.isNumber || "._:-xXoObBeEaAcCdDfF+".contains($0)) }
    }

    /// `[a, b, c]`
    static func flowList(_ items: [String]) -> String {
        "[" + items.map(flowScalar).joined(separator: ", ") + "]"
    }

    /// `{key: value, ...}`, values already written.
    static func flowMapping(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
