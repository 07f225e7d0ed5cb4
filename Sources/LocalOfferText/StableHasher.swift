/// A 64-bit hash in the manner of FNV-1a (over 8-byte words) that is the same on every run and
/// every machine (little-endian). Swift's `Hasher` is
/// seeded per process, so it cannot compare what one build wrote with what the next one would write.
///
/// ```swift
/// var hasher = StableHasher()
/// hasher.combine("services/portage.md")
/// hasher.combine(source)
/// let fingerprint = hasher.value
/// ```
public struct StableHasher: Sendable {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    public private(set) var value: UInt64 = StableHasher.offsetBasis

    public init() {}

    /// Eight bytes at a time: whole pages are hashed on every build, so this must be fast.
    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var state = value
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = (state ^ word) &* Self.prime
            state ^= state >> 29
            offset += 8
        }
        while offset < count {
            state = (state ^ UInt64(bytes[offset])) &* Self.prime
            offset += 1
        }
        value = state
    }

    /// Strings are prefixed with their length, so ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        var text = text
        combine(UInt64(text.utf8.count))
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
    }

    public mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    public mutating func combine(_ flag: Bool) { combine(flag ? 1 as UInt64 : 0) }

    public mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    public static func hash(_ text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.value
    }
}
