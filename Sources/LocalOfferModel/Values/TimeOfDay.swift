import LocalOfferText
/// A time on the 24-hour clock, written `HH:MM`.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    public var description: String { String(hour).leftPadded(to: 2) + ":" + String(minute).leftPadded(to: 2) }

    /// "9am", "5:30pm": the GOV.UK style for times.
    public var spoken: String {
        let suffix = hour < 12 ? "am" : "pm"
        if hour == 12 && minute == 0 { return "midday" }
        let twelveHour = hour % 12 == 0 ? 12 : hour % 12
        return minute == 0 ? "\(twelveHour)\(suffix)" : "\(twelveHour):\(String(minute).leftPadded(to: 2))\(suffix)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}
