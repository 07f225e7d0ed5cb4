/// An email address checked for the shape that mail actually uses: `local@domain.tld`,
/// no spaces, a dotted domain of letters, digits and hyphens. Checked on bytes: every service has one.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
              bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return nil }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(Self.isLocalByte),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return nil }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { Self.isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
        }), let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(Self.isLetter) else { return nil }
        value = text
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// RFC 5322's atext, and dots between atoms.
    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || "!#$%&'*+/=?^_`{|}~-.".utf8.contains(byte)
    }
}
