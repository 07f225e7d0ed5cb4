/// A UK telephone number, kept as the editor wrote it for display and normalised to E.164
/// (`+442079460000`) for `tel:` links.
///
/// Accepts national (`020 7946 0000`, `0800 123 4567`, `07700 900000`) and international
/// (`+44 20 7946 0000`, `+44 (0)20 7946 0000`) forms with spaces, hyphens and brackets, and the
/// Relay UK prefix `18001` for textphones.
public struct PhoneNumber: Sendable, Hashable, Codable {
    public let display: String
    public let e164: String

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
              trimmed.allSatisfy({ $0.isASCIIDigit || " -()+".contains($0) }),
              trimmed.filter({ $0 == "+" }).count <= 1, !trimmed.dropFirst().contains("+") else { return nil }
        var digits = trimmed.filter(\.isASCIIDigit)
        var relayPrefix = ""
        // Relay UK dials 18001 before a national number; "+18001 ..." is not a UK number.
        if !trimmed.hasPrefix("+"), digits.hasPrefix("18001") && digits.count > 11 {
            relayPrefix = "18001"
            digits.removeFirst(5)
        }
        let national: String
        if trimmed.hasPrefix("+") {
            guard digits.hasPrefix("44") else { return nil }
            var rest = String(digits.dropFirst(2))
            // "+44 (0)20 ..." carries a trunk zero that must go.
            if rest.hasPrefix("0") { rest.removeFirst() }
            national = "0" + rest
        } else if digits.hasPrefix("44") && digits.count == 12 {
            national = "0" + digits.dropFirst(2)
        } else {
            national = digits
        }
        guard Self.isValidNational(national) else { return nil }
        display = trimmed
        e164 = relayPrefix.isEmpty ? "+44" + national.dropFirst() : relayPrefix + national
    }

    /// UK numbers are 10 digits after the leading 0 (a few 0800 numbers have 9);
    /// 01, 02, 03, 05, 07, 08 and 09 are the ranges in use.
    private static func isValidNational(_ national: String) -> Bool {
        guard national.hasPrefix("0"), national.count == 11 || (national.hasPrefix("0800") && national.count == 10) else {
            return false
        }
        let range = national.dropFirst().first
        return range.map { "1235789".contains($0) } ?? false
    }
}
