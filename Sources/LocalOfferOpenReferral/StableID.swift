/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same id, so the
/// ids in the Open Referral feed survive rebuilds, and every nested object gets one too.
///
/// Each site has its own namespace, derived from its canonical address in `site.yml`, so two
/// councils that both have a `portage` service never publish the same id to an aggregator
/// (the DfE's family hubs service reads every council's feed into one database).
///
/// ```swift
/// let ids = StableID(site: "https://localoffer.kingsmere.example.org/")
/// ids.service("portage")                     // the service's UUID
/// ids.make("service/portage/contact")        // its contact's
/// ```
public struct StableID: Sendable, Hashable {
    /// The namespace of all localoffer ids: uuid5(DNS namespace, "localoffer.openreferral").
    public static let projectNamespace = UUIDv5.make(namespace: UUIDv5.dnsNamespace, name: "localoffer.openreferral")

    /// The site's own namespace.
    public let namespace: [UInt8]

    public init(site canonicalAddress: String) {
        var address = canonicalAddress.lowercased()
        while address.hasSuffix("/") { address.removeLast() }
        namespace = UUIDv5.bytes(UUIDv5.make(namespace: Self.projectNamespace, name: "site:" + address))
    }

    /// The id of `name` in this site's namespace (`service/portage/location/1`).
    public func make(_ name: String) -> String {
        UUIDv5.make(namespaceBytes: namespace, name: name)
    }

    public func service(_ slug: String) -> String { make("service/\(slug)") }
    public func organisation(_ slug: String) -> String { make("organisation/\(slug)") }

    /// Ids of the vocabularies every localoffer site shares (areas of need, EHC plan, level...):
    /// the same on every site, so an aggregator can tell that two councils mean the same term.
    public static func shared(_ name: String) -> String {
        UUIDv5.make(namespace: projectNamespace, name: name)
    }
}

/// RFC 9562 section 5.5: SHA-1 of namespace bytes + name, version 5, variant 10.
public enum UUIDv5 {
    /// The DNS namespace of RFC 9562, Appendix A.
    public static let dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"

    public static func make(namespace: String, name: String) -> String {
        make(namespaceBytes: bytes(namespace), name: name)
    }

    public static func make(namespaceBytes: [UInt8], name: String) -> String {
        var digest = SHA1.hash(namespaceBytes + Array(name.utf8))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return format(Array(digest.prefix(16)))
    }

    /// The 16 bytes of a UUID written `8-4-4-4-12` (hex digits in either case).
    public static func bytes(_ uuid: String) -> [UInt8] {
        let hex = uuid.filter { $0 != "-" }
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    /// True for `8-4-4-4-12` hexadecimal: the shape the ORUK validator requires of every id.
    public static func isWellFormed(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    static func format(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// SHA-1 (FIPS 180-4), only for name-based UUIDs: it is what RFC 9562 version 5 specifies. Not
/// used for anything that needs collision resistance.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var padded = message
        let bitLength = UInt64(message.count) * 8
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        // The schedule and the rounds work in one buffer, the rounds in their four runs of 20:
        // ids are made for every contact, phone and schedule of every service, twice (3.0 and 1.0).
        var w = [UInt32](repeating: 0, count: 80)
        w.withUnsafeMutableBufferPointer { w in
            for chunk in stride(from: 0, to: padded.count, by: 64) {
                for t in 0..<16 {
                    let i = chunk + t * 4
                    w[t] = UInt32(padded[i]) << 24 | UInt32(padded[i + 1]) << 16 | UInt32(padded[i + 2]) << 8 | UInt32(padded[i + 3])
                }
                for t in 16..<80 { w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }
                var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
                for t in 0..<20 {
                    let temp = rotl(a, 5) &+ ((b & c) | (~b & d)) &+ e &+ 0x5A82_7999 &+ w[t]
                    (e, d, c, b, a) = (d, c, rotl(b, 30), a, temp)
                }
                for t in 20..<40 {
                    let temp = rotl(a, 5) &+ (b ^ c ^ d) &+ e &+ 0x6ED9_EBA1 &+ w[t]
                    (e, d, c, b, a) = (d, c, rotl(b, 30), a, temp)
                }
                for t in 40..<60 {
                    let temp = rotl(a, 5) &+ ((b & c) | (b & d) | (c & d)) &+ e &+ 0x8F1B_BCDC &+ w[t]
                    (e, d, c, b, a) = (d, c, rotl(b, 30), a, temp)
                }
                for t in 60..<80 {
                    let temp = rotl(a, 5) &+ (b ^ c ^ d) &+ e &+ 0xCA62_C1D6 &+ w[t]
                    (e, d, c, b, a) = (d, c, rotl(b, 30), a, temp)
                }
                h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
            }
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    private static func rotl(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }
}
