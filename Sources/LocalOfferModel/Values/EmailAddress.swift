/// An email address checked for the shape that mail actually uses: `local@domain.tld`,
/// no spaces, a dotted domain of letters, digits and hyphens.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.count <= 254 else { return nil }
        let local = parts[0]
        let domain = parts[1]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard !local.isEmpty, local.count <= 64, local.allSatisfy({ localAllowed.contains($0) }),
              local.first != ".", local.last != ".", !local.contains("..") else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }), let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) else { return nil }
        value = text
    }
}
