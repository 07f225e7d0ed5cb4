import Foundation
import LocalOfferModel

extension LocalDate {
    /// Today in the UK (where Local Offers are published), or `LOCALOFFER_TODAY` when set,
    /// so that a build can be reproduced exactly on another day.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> LocalDate? {
        if let fixed = environment["LOCALOFFER_TODAY"] { return LocalDate(iso: fixed) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
