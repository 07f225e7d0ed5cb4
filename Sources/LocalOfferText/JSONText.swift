/// JSON written by hand where the layout is ours (structured data, feeds, the search index):
/// string literals escaped so that the JSON is also inert inside an HTML `<script>` element.
public enum JSONText {
    /// - Parameter inertInHTML: escape `<`, `>`, `&` and the line separators too, for JSON that may be
    ///   placed in a page; files read only as JSON (the schema files) keep them readable.
    public static func string(_ text: String, inertInHTML: Bool = true) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // `<`, `>` and `&` as escapes: `</script>` or `<!--` can never appear.
            case "<" where inertInHTML: out += "\\u003c"
            case ">" where inertInHTML: out += "\\u003e"
            case "&" where inertInHTML: out += "\\u0026"
            // Line and paragraph separators end a line in older JavaScript.
            case "\u{2028}" where inertInHTML: out += "\\u2028"
            case "\u{2029}" where inertInHTML: out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// An object with its members in the order given (callers give them sorted, for stable output).
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
