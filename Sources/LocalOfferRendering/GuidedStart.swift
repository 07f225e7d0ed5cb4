import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferSite

/// "Find support in three questions", as static pages in the GOV.UK question-page pattern: the
/// child's age, then what they need help with, then whether they have an EHC plan, each answer a
/// link to the next page, ending on a page of the services that fit best. It works on any static
/// host with JavaScript off.
public enum GuidedStart {
    /// An answer to "What do they need help with?": an area of need, or "not sure".
    public enum NeedAnswer: Sendable, Hashable {
        case need(AreaOfNeed)
        case notSure

        public static var all: [NeedAnswer] { AreaOfNeed.allCases.map(NeedAnswer.need) + [.notSure] }

        var slug: String {
            switch self {
            case .need(let need): need.rawValue
            case .notSure: "not-sure"
            }
        }

        var area: AreaOfNeed? {
            if case .need(let need) = self { return need }
            return nil
        }
    }

    public enum PlanAnswer: String, Sendable, Hashable, CaseIterable {
        case yes, no
        case notSure = "not-sure"
    }

    public static let ages = Array(0...25)
    /// The best matches a results page lists; the rest are a click away on the browse list.
    public static let resultsShown = 20

    public static func start(_ urls: SiteURLs) -> String { urls.basePath + "start/" }
    public static func needQuestion(age: Int, _ urls: SiteURLs) -> String { start(urls) + "age-\(age)/" }
    public static func planQuestion(age: Int, need: NeedAnswer, _ urls: SiteURLs) -> String {
        needQuestion(age: age, urls) + "need-\(need.slug)/"
    }
    public static func results(age: Int, need: NeedAnswer, plan: PlanAnswer, _ urls: SiteURLs) -> String {
        planQuestion(age: age, need: need, urls) + "plan-\(plan.rawValue)/"
    }

    /// "a 7-year-old", "a baby under 1", "a 19-year-old".
    static func child(_ age: Int) -> String {
        age == 0 ? "a baby under 1" : (age == 8 || age == 11 || age == 18 ? "an \(age)-year-old" : "a \(age)-year-old")
    }

    static func ageLabel(_ age: Int) -> String { age == 0 ? "Under 1" : String(age) }

    /// What the results pages read of each service, gathered in one pass. Reading it through each
    /// item copied the whole service once per service per results page: 390 pages × 10,000
    /// services made that a seventh of a clean build.
    public struct Candidates: Sendable {
        struct Row {
            let minAge: Int
            let maxAge: Int
            /// One bit per area of need, in `AreaOfNeed.allCases` order.
            let needs: UInt8
            let needCount: Int
            let requiresPlan: Bool
            let planFromAge: Int?
        }

        let rows: [Row]

        public init(_ items: SiteItems) {
            rows = items.services.map { item in
                let eligibility = item.entry.eligibility
                return Row(
                    minAge: eligibility.age.min, maxAge: eligibility.age.max,
                    needs: eligibility.needs.reduce(0) { $0 | Candidates.bit($1) }, needCount: eligibility.needs.count,
                    requiresPlan: eligibility.ehcPlan == .required, planFromAge: eligibility.ehcPlanFromAge
                )
            }
        }

        static func bit(_ need: AreaOfNeed) -> UInt8 {
            UInt8(1) << UInt8(AreaOfNeed.allCases.firstIndex(of: need) ?? 0)
        }
    }

    /// The services that fit, best first: made for this need and this age (few areas of need, a
    /// narrow age range) before services for everyone; A to Z breaks ties.
    public static func matches(_ candidates: Candidates, age: Int, need: NeedAnswer, plan: PlanAnswer) -> [Int] {
        let needBit = need.area.map(Candidates.bit)
        var found: [(index: Int, needs: Int, span: Int)] = []
        for (index, row) in candidates.rows.enumerated() {
            guard row.minAge <= age, age <= row.maxAge else { continue }
            if let needBit, row.needs & needBit == 0 { continue }
            if plan == .no, row.requiresPlan || row.planFromAge.map({ age >= $0 }) == true { continue }
            found.append((index, needBit == nil ? 0 : row.needCount, row.maxAge - row.minAge))
        }
        return found.sorted { left, right in
            if left.needs != right.needs { return left.needs < right.needs }
            if left.span != right.span { return left.span < right.span }
            return left.index < right.index
        }.map(\.index)
    }
}

struct QuestionPageView {
    struct Answer {
        let label: String
        let hint: String?
        let url: String
    }

    let page: LayoutView
    /// "Question 2 of 3".
    let step: String
    let question: String
    let hint: String?
    let answers: [Answer]
    /// Many short answers (ages) are laid out in a grid.
    let isGrid: Bool
    let backURL: String?
}

struct GuidedResultsView {
    struct AnswerRow {
        let question: String
        let answer: String
        let changeURL: String
    }

    let page: LayoutView
    let answers: [AnswerRow]
    let services: [ServiceListEntry]
    let count: Int
    let shownCount: Int
    let allURL: String
    let allTitle: String
    let searchURL: String
    let startAgainURL: String
}

extension PageRenderer {
    public func guidedAgeQuestion() -> Result<[UInt8], Diagnostic> {
        let view = QuestionPageView(
            page: layouts.layout(title: "How old is your child or young person?", description: "Find support in three questions: first, their age.",
                                 url: GuidedStart.start(urls), breadcrumbs: [], section: "Find support", noindex: true),
            step: "Question 1 of 3", question: "How old is your child or young person?",
            hint: "If you are a young person looking for yourself, choose your own age.",
            answers: GuidedStart.ages.map { .init(label: GuidedStart.ageLabel($0), hint: nil, url: GuidedStart.needQuestion(age: $0, urls)) },
            isGrid: true, backURL: urls.home
        )
        return render("start-question", view)
    }

    public func guidedNeedQuestion(age: Int) -> Result<[UInt8], Diagnostic> {
        let question = "What does \(GuidedStart.child(age)) need help with?"
        let view = QuestionPageView(
            page: layouts.layout(title: question, description: "Find support in three questions: what they need help with.",
                                 url: GuidedStart.needQuestion(age: age, urls), breadcrumbs: [], section: "Find support", noindex: true),
            step: "Question 2 of 3", question: question, hint: "Choose the one that matters most today. You can come back and choose another.",
            answers: GuidedStart.NeedAnswer.all.map { answer in
                switch answer {
                case .need(let need): .init(label: need.everyday, hint: need.title, url: GuidedStart.planQuestion(age: age, need: answer, urls))
                case .notSure: .init(label: "I’m not sure, or several of these", hint: nil, url: GuidedStart.planQuestion(age: age, need: answer, urls))
                }
            },
            isGrid: false, backURL: GuidedStart.start(urls)
        )
        return render("start-question", view)
    }

    public func guidedPlanQuestion(age: Int, need: GuidedStart.NeedAnswer) -> Result<[UInt8], Diagnostic> {
        let question = "Does your child or young person have an education, health and care (EHC) plan?"
        let view = QuestionPageView(
            page: layouts.layout(title: question + " (age \(age), \(Self.needWords(need)))", description: "Find support in three questions: an EHC plan or not.",
                                 url: GuidedStart.planQuestion(age: age, need: need, urls), breadcrumbs: [], section: "Find support", noindex: true),
            step: "Question 3 of 3", question: question,
            hint: "An EHC plan is a legal document from the council that sets out a child's needs and the help they must get. Most children with SEND do not have one.",
            answers: [
                .init(label: "Yes", hint: nil, url: GuidedStart.results(age: age, need: need, plan: .yes, urls)),
                .init(label: "No", hint: "Show only services you can use without one", url: GuidedStart.results(age: age, need: need, plan: .no, urls)),
                .init(label: "I’m not sure", hint: nil, url: GuidedStart.results(age: age, need: need, plan: .notSure, urls)),
            ],
            isGrid: false, backURL: GuidedStart.needQuestion(age: age, urls)
        )
        return render("start-question", view)
    }

    public func guidedResults(
        age: Int, need: GuidedStart.NeedAnswer, plan: GuidedStart.PlanAnswer, candidates: GuidedStart.Candidates
    ) -> Result<[UInt8], Diagnostic> {
        let matches = GuidedStart.matches(candidates, age: age, need: need, plan: plan)
        let shown = matches.prefix(GuidedStart.resultsShown)
        let stage = AgeStage.allCases.first { $0.range.contains(age) } ?? .adulthood
        let browse: ServiceList = need.area.map { .ageAndNeed(stage, $0) } ?? .age(stage)
        let browseCount = groups.members(browse).count
        let needText = Self.needWords(need)
        let title = "Services for \(GuidedStart.child(age))" + (need.area == nil ? "" : " who needs help with \(needText)")
            + (plan == .no ? ", without an EHC plan" : plan == .yes ? ", who has an EHC plan" : "")
        var search = "age=\(age)"
        if let area = need.area { search += "&need=\(area.rawValue)" }
        if plan == .no { search += "&noPlan=1" }
        let view = GuidedResultsView(
            page: layouts.layout(title: title, description: "The services that fit best, from the answers to three questions.",
                                 url: GuidedStart.results(age: age, need: need, plan: plan, urls), breadcrumbs: [], section: "Find support", noindex: true),
            answers: [
                .init(question: "Age", answer: age == 0 ? "Under 1" : "\(age)", changeURL: GuidedStart.start(urls)),
                .init(question: "Needs help with", answer: need.area?.everyday ?? "Not sure, or several", changeURL: GuidedStart.needQuestion(age: age, urls)),
                .init(question: "EHC plan", answer: plan == .yes ? "Yes" : plan == .no ? "No" : "Not sure",
                      changeURL: GuidedStart.planQuestion(age: age, need: need, urls)),
            ],
            services: shown.map(listEntry),
            count: matches.count,
            shownCount: shown.count,
            allURL: browse.url(urls),
            allTitle: "all \(browseCount) services for ages \(stage.range.lowerBound) to \(stage.range.upperBound)" + (need.area.map { " with \($0.title.lowercased()) needs" } ?? ""),
            searchURL: urls.search + "?" + search,
            startAgainURL: GuidedStart.start(urls)
        )
        return render("start-results", view)
    }

    static func needWords(_ need: GuidedStart.NeedAnswer) -> String {
        switch need {
        case .need(.communicationAndInteraction): "talking, understanding or getting on with others"
        case .need(.cognitionAndLearning): "learning, reading, writing or remembering"
        case .need(.socialEmotionalAndMentalHealth): "feelings, behaviour, anxiety or mental health"
        case .need(.sensoryAndPhysical): "seeing, hearing, moving or a physical health condition"
        case .notSure: "several things"
        }
    }
}
