import LocalOfferText
/// A time on the 24-hour clock, written `HH:MM`; `24:00` is the end of the day, for closing times.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              (0...23).contains(hour) && (0...59).contains(minute) || (hour == 24 && minute == 0) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    public var description: String { String(hour).leftPadded(to: 2) + ":" + String(minute).leftPadded(to: 2) }

    /// "9am", "5:30pm": the GOV.UK style for times.
    public var spoken: String {
        if hour == 24 || (hour == 0 && minute == 0) { return "midnight" }
        let suffix = hour < 12 ? "am" : "pm"
        if hour == 12 && minute == 0 { return "midday" }
        let twelveHour = hour % 12 == 0 ? 12 : hour % 12
        return minute == 0 ? "\(twelveHour)\(suffix)" : "\(twelveHour):\(String(minute).leftPadded(to: 2))\(suffix)"
    }

    /// From the start of the day to its end: "00:00" to "24:00", or to "23:59" as editors often write it.
    public static func coversWholeDay(opens: TimeOfDay, closes: TimeOfDay) -> Bool {
        opens.hour == 0 && opens.minute == 0 && (closes.hour == 24 || (closes.hour == 23 && closes.minute == 59))
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}
