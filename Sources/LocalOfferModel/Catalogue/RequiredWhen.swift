/// `required` must be present when the field at `when` matches any of `matches`
/// (a specialist service must state its criteria).
public struct RequiredWhen: Sendable {
    public enum Match: Sendable {
        case equals(String)
        /// The value is a mapping (`ehc_plan: {from_age: 19}`).
        case isMapping
    }

    /// Dotted paths from the top of the file: `["eligibility", "criteria"]`.
    public let required: [String]
    public let when: [String]
    public let matches: [Match]
    public let description: String

    public init(_ required: [String], when: [String], matches: [Match], _ description: String) {
        self.required = required
        self.when = when
        self.matches = matches
        self.description = description
    }
}
