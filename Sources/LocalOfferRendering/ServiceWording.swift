import LocalOfferModel

/// The plain-English sentences a service page is made of, true to each service's ages and audience:
/// a baby group never says "the young person can ask for it themselves".
enum ServiceWording {
    /// Young people over compulsory school age make requests for themselves (Children and Families
    /// Act 2014, s.83: a "young person"); below it, their parents do.
    static let youngPersonAge = 16

    /// "Children and young people aged 0 to 5", "Parents and carers of children aged 2 to 25".
    static func whoItIsFor(_ eligibility: Eligibility) -> String {
        let ages = eligibility.age.min == eligibility.age.max
            ? "aged \(eligibility.age.min)" : "aged \(eligibility.age.min) to \(eligibility.age.max)"
        let people = eligibility.age.min >= youngPersonAge ? "Young people" : "Children and young people"
        if eligibility.isForParentsAndCarers {
            return "Parents and carers of \(people.lowercased()) \(ages)"
        }
        if eligibility.audience.contains(.parentsAndCarers) {
            return "\(people) \(ages), and their parents and carers"
        }
        return "\(people) \(ages)"
    }

    static func ehcPlan(_ eligibility: Eligibility) -> String {
        if eligibility.ehcPlan == .required {
            return "Needed: your child or young person must have an education, health and care (EHC) plan"
        }
        if let from = eligibility.ehcPlanFromAge {
            return "Not needed up to age \(from - 1). From age \(from), an education, health and care (EHC) plan is needed"
        }
        return "Not needed: you do not need an education, health and care (EHC) plan"
    }

    static func ehcPlanTag(_ eligibility: Eligibility) -> String {
        if eligibility.ehcPlan == .required { return "EHC plan needed" }
        if let from = eligibility.ehcPlanFromAge { return "EHC plan needed from \(from)" }
        return "No EHC plan needed"
    }

    /// Who can ask for the service, in the words of the person reading: usually a parent or carer.
    static func whoCanAsk(_ eligibility: Eligibility) -> [String] {
        let referral = eligibility.referral
        let age = eligibility.age
        let hasSelf = referral.contains(.self)
        let hasParent = referral.contains(.parentCarer)
        var lines: [String] = []
        if eligibility.isForParentsAndCarers {
            if hasSelf || hasParent { lines.append("You can ask for it yourself") }
        } else if hasSelf && (age.min >= youngPersonAge || (age.min >= 11 && !hasParent)) {
            // A service for older young people, or one that takes requests only from them.
            lines.append(age.min >= youngPersonAge ? "The young person can ask for it themselves" : "Young people can ask for it themselves")
            if hasParent { lines.append("A parent or carer can ask for them") }
        } else if hasSelf || hasParent {
            lines.append("You can ask for it yourself, as their parent or carer")
            if hasSelf, age.max >= youngPersonAge {
                lines.append("Young people aged \(max(youngPersonAge, age.min)) or over can ask for it themselves")
            }
        }
        lines += referral.filter { $0 != .self && $0 != .parentCarer }.map { capitalised($0.title) }
        return lines
    }

    /// "Monday to Friday", "Every day", "Tuesday and Thursday".
    static func days(_ hours: OpeningHours) -> String {
        Set(hours.days).count == Weekday.allCases.count ? "Every day" : hours.daysDescription
    }

    /// "9am to 5pm", or "Open 24 hours" for a schedule from the start of the day to its end.
    static func hours(_ hours: OpeningHours) -> String {
        TimeOfDay.coversWholeDay(opens: hours.opens, closes: hours.closes)
            ? "Open 24 hours" : "\(hours.opens.spoken) to \(hours.closes.spoken)"
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    static func joined(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
