/// Character references in HTML text: `&amp;`, `&#39;`, `&#x2019;` and the named entities real feeds
/// use (the HTML 4 set: Latin-1, punctuation, symbols and Greek letters). An unknown name is left as written.
public enum HTMLEntities {
    /// `escapingMarkup`: `&lt;` and `&gt;` become `\<` and `\>` in Markdown, so that text which
    /// spells out a tag (`&lt;script&gt;`) stays text and never turns into HTML.
    static func decode(_ text: String, escapingMarkup: Bool = false) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&" else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            let rest = text[text.index(after: index)...]
            let name = rest.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }).prefix(32)
            let afterName = rest.index(rest.startIndex, offsetBy: name.count)
            let hasSemicolon = afterName < text.endIndex && text[afterName] == ";"
            if let scalar = scalar(for: String(name), terminated: hasSemicolon) {
                if escapingMarkup && (scalar == "<" || scalar == ">") { result.append("\\") }
                result.unicodeScalars.append(scalar)
                index = hasSemicolon ? text.index(after: afterName) : afterName
            } else {
                result.append("&")
                index = text.index(after: index)
            }
        }
        return result
    }

    private static func scalar(for name: String, terminated: Bool) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0 else { return nil }
            // Windows-1252 code points that feeds send as numbers (&#146; for a right quote).
            if let mapped = windows1252[value] { return mapped }
            return Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)
        }
        // Without a semicolon only the few that browsers also accept that way.
        if !terminated { return ["amp", "lt", "gt", "quot", "nbsp"].contains(name) ? named[name] : nil }
        return named[name]
    }

    private static let windows1252: [UInt32: Unicode.Scalar] = [
        128: "\u{20AC}", 130: "\u{201A}", 132: "\u{201E}", 133: "\u{2026}", 145: "\u{2018}", 146: "\u{2019}",
        147: "\u{201C}", 148: "\u{201D}", 149: "\u{2022}", 150: "\u{2013}", 151: "\u{2014}", 153: "\u{2122}",
    ]

    private static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}",
            "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}", "hellip": "\u{2026}", "bull": "\u{2022}",
            "middot": "\u{00B7}", "prime": "\u{2032}", "Prime": "\u{2033}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
            "euro": "\u{20AC}", "trade": "\u{2122}", "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}",
            "darr": "\u{2193}", "harr": "\u{2194}", "minus": "\u{2212}", "times": "\u{00D7}", "divide": "\u{00F7}",
            "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
            "lrm": "\u{200E}", "rlm": "\u{200F}", "dagger": "\u{2020}", "Dagger": "\u{2021}", "permil": "\u{2030}",
            "OElig": "\u{0152}", "oelig": "\u{0153}", "Scaron": "\u{0160}", "scaron": "\u{0161}", "Yuml": "\u{0178}",
            "fnof": "\u{0192}", "circ": "\u{02C6}", "tilde": "\u{02DC}", "le": "\u{2264}", "ge": "\u{2265}",
            "ne": "\u{2260}", "infin": "\u{221E}", "check": "\u{2713}", "hearts": "\u{2665}", "star": "\u{2606}",
        ]
        // Latin-1, U+00A1 to U+00FF, in order.
        let latin1 = [
            "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
            "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
            "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
            "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde",
            "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml",
            "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
            "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve",
            "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute",
            "thorn", "yuml",
        ]
        for (offset, name) in latin1.enumerated() {
            if let scalar = Unicode.Scalar(0xA1 + UInt32(offset)) { table[name] = scalar }
        }
        let greek = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
                     "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        for (offset, name) in greek.enumerated() {
            if let lower = Unicode.Scalar(0x3B1 + UInt32(offset)) { table[name] = lower }
            if name != "sigmaf", let upper = Unicode.Scalar(0x391 + UInt32(offset)) {
                table[name.prefix(1).uppercased() + name.dropFirst()] = upper
            }
        }
        return table
    }()
}

extension HTMLEntities {
    /// Decodes character references in text that is not otherwise HTML.
    public static func decodeText(_ text: String) -> String { decode(text, escapingMarkup: true) }
}
