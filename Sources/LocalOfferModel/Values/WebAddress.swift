import Foundation

/// A web address a family can safely follow: absolute, `https://` (or `http://`, with a warning),
/// with a host. Any other scheme (`javascript:`, `data:`, `file:`) is refused, never rendered.
public struct WebAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String
    public let isSecure: Bool
    public var description: String { value }

    public enum Problem: Error, Sendable, Equatable {
        case notAbsolute
        case schemeNotAllowed(String)
    }

    public static func parse(_ text: String) -> Result<WebAddress, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else { return .failure(.notAbsolute) }
        let scheme = trimmed[..<colon].lowercased()
        guard scheme == "https" || scheme == "http" else {
            return .failure(scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) && !scheme.isEmpty
                ? .schemeNotAllowed(scheme) : .notAbsolute)
        }
        guard !trimmed.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              let components = URLComponents(string: trimmed), let host = components.host, host.contains("."),
              trimmed.dropFirst(scheme.count).hasPrefix("://") else {
            return .failure(.notAbsolute)
        }
        return .success(WebAddress(value: trimmed, isSecure: scheme == "https"))
    }

    private init(value: String, isSecure: Bool) {
        self.value = value
        self.isSecure = isSecure
    }

    /// Without the scheme, for reading aloud and printing: `kingsmere.example.org/therapies`.
    public var readable: String {
        var text = value
        for prefix in ["https://", "http://"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        if text.hasPrefix("www.") { text = String(text.dropFirst(4)) }
        if text.hasSuffix("/") { text = String(text.dropLast()) }
        return text
    }
}
