
/// The broad age groups families think in, used for browsing and in the guided start.
public enum AgeStage: String, Sendable, Hashable, CaseIterable {
    case earlyYears = "0-4"
    case primary = "5-10"
    case secondary = "11-15"
    case adulthood = "16-25"

    public var range: ClosedRange<Int> {
        switch self {
        case .earlyYears: 0...4
        case .primary: 5...10
        case .secondary: 11...15
        case .adulthood: 16...25
        }
    }

    public var title: String {
        switch self {
        case .earlyYears: "Early years (0 to 4)"
        case .primary: "Primary school age (5 to 10)"
        case .secondary: "Secondary school age (11 to 15)"
        case .adulthood: "Post-16 and adulthood (16 to 25)"
        }
    }

    public var slug: String {
        switch self {
        case .earlyYears: "early-years"
        case .primary: "primary"
        case .secondary: "secondary"
        case .adulthood: "post-16"
        }
    }

    public func includes(_ service: Service) -> Bool {
        service.eligibility.age.overlaps(range)
    }
}
