#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the two strings are the same UTF-8 bytes: at once when they share their storage (a
    /// string kept from the last build), otherwise one `memcmp`. Not `==`, which calls two different
    /// byte sequences equal when they are canonically equivalent Unicode (é as one scalar or as e and
    /// an accent): what is remembered by its text must be remembered by its bytes.
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var left = self, right = other
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else {
                    return leftBytes.count == rightBytes.count
                }
                return leftStart == rightStart || memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
    }
}
