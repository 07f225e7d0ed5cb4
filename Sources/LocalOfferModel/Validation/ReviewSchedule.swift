/// When entries fall due for review. A service is due on its `review_by` date, or 12 months after
/// `last_reviewed`; an information page 12 months after its `last_reviewed`. `check` warns from
/// `warningDays` before (LO802) and once overdue (LO109); `localoffer review` lists a longer window
/// so that the Local Offer team can write to providers in good time.
public enum ReviewSchedule {
    /// How long after `last_reviewed` a review falls due, unless `review_by` says otherwise.
    public static let defaultMonths = 12
    /// `check` warns this many days before a review falls due.
    public static let warningDays = 30
    /// `localoffer review` lists reviews falling due within this many days unless told otherwise.
    public static let reviewWindowDays = 60

    /// When a page falls due (pages have no `review_by`).
    public static func due(for page: InformationPage) -> LocalDate {
        page.lastReviewed.adding(months: defaultMonths)
    }

    /// "today", "tomorrow", "in 12 days"; "1 day ago", "40 days ago" for dates past.
    public static func describe(daysUntil days: Int) -> String {
        switch days {
        case 0: "today"
        case 1: "tomorrow"
        case 2...: "in \(days) days"
        case -1: "1 day ago"
        default: "\(-days) days ago"
        }
    }
}
