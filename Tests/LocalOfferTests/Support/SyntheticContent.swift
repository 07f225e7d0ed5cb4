import Foundation

/// Generated service entries for tests at scale: valid, varied and deterministic.
enum SyntheticContent {
    static let organisations = ["kingsmere-send-service", "kingsmere-community-health", "kingsmere-family-hubs"]
    static let categories = ["education", "early-years", "health", "social-care", "preparing-for-adulthood",
                             "advice-and-support", "leisure-and-play", "travel"]
    static let needs = ["communication-and-interaction", "cognition-and-learning", "social-emotional-and-mental-health",
                        "sensory-and-physical"]
    static let words = ["Speech", "Sleep", "Swimming", "Autism", "Anxiety", "Play", "Reading", "Travel", "Hearing",
                        "Vision", "College", "Work", "Music", "Drama", "Cooking", "Gardening", "Yoga", "Zoo"]

    /// A small deterministic generator (a linear congruential one), so tests need no seeded Foundation API.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func service(_ number: Int, random: inout Random, titlePrefix: String = "") -> String {
        let word = words[random.next(words.count)]
        let low = [0, 2, 4, 5, 11, 16][random.next(6)]
        let high = min(25, low + 3 + random.next(12))
        let need = needs[random.next(needs.count)]
        let category = categories[random.next(categories.count)]
        return """
        ---
        title: \(titlePrefix)\(word) group \(String(format: "%05d", number))
        summary: A generated service for tests, about \(word.lowercased()), for ages \(low) to \(high).
        organisation: \(organisations[random.next(organisations.count)])
        categories: [\(category)]
        level: universal
        eligibility:
          age: {min: \(low), max: \(high)}
          ehc_plan: not-required
          needs: [\(need)]
          referral: [parent-carer]
        contact:
          phone: 020 7946 0\(String(format: "%03d", random.next(1000)))
          email: group\(number)@kingsmere.example.org
        last_reviewed: 2026-0\(1 + random.next(9))-1\(random.next(10))
        ---
        A \(word.lowercased()) group. Families can come along with their child.

        ## How to join

        Ask us by phone or email.

        """
    }

    /// Writes `count` services into `content/services/`.
    static func addServices(_ count: Int, to content: String, seed: UInt64 = 2026, titlePrefix: String = "") throws {
        var random = Random(state: seed)
        for number in 0..<count {
            let text = service(number, random: &random, titlePrefix: titlePrefix)
            try text.write(toFile: "\(content)/services/generated-\(seed)-\(number).md", atomically: false, encoding: .utf8)
        }
    }
}
