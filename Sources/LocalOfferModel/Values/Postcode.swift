/// A UK postcode, normalised to upper case with one space before the inward code:
/// `n228hq` → `N22 8HQ`. Checks the official format (outward code A9, A99, AA9, AA99, A9A, AA9A;
/// inward code 9AA), not whether the postcode has been issued.
public struct Postcode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public init?(_ text: String) {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        let outward = Array(compact.dropLast(3))
        let inward = Array(compact.suffix(3))
        guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter else { return nil }
        let shape = String(outward.map { $0.isNumber ? "9" : "A" })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return nil }
        value = String(outward) + " " + String(inward)
    }
}
