import LocalOfferModel
import LocalOfferSite

/// A service as templates see it: every fact already in words, every link already an address.
struct ServiceView {
    struct Link {
        let title: String
        let url: String
    }

    /// One row of the key-facts summary list.
    struct Fact {
        let label: String
        let value: String
        let items: [String]
    }

    let slug: String
    let title: String
    let summary: String
    let url: String
    /// The full address, printed so a family without the page in front of them can find it again.
    let absoluteURL: String
    let organisation: Link
    let categories: [Link]
    let levelTitle: String
    let ageRange: String
    let needsEHCPlan: Bool
    /// "EHC plan needed", "No EHC plan needed" or "EHC plan needed from 19": the tag lists show.
    let ehcPlanTag: String
    let allowsSelfReferral: Bool
    let isFree: Bool
    /// Who it is for, how to ask for it and what it costs: first on the page, beside the contact block.
    let keyFacts: [Fact]
    /// Everything else worth knowing, after the description.
    let moreFacts: [Fact]
    let criteria: String?
    let contact: ContactView
    let locations: [LocationView]
    let schedule: [ScheduleRow]
    let bodyHTML: String
    let lastReviewed: String
    let lastReviewedISO: String
    let reviewBy: String
    let reviewOverdue: Bool

    struct ScheduleRow {
        let days: String
        let hours: String
    }

    struct LocationView {
        let name: String
        let addressLines: [String]
        let mapURL: String
        let accessibility: [String]
    }
}

struct ServiceViewFactory {
    let items: SiteItems

    var urls: SiteURLs { items.urls }

    func view(_ item: Item<Service>) -> ServiceView {
        let service = item.entry
        let organisationName = items.organisationName(service.organisation)
        let eligibility = service.eligibility
        return ServiceView(
            slug: service.slug,
            title: service.title,
            summary: service.summary,
            url: item.url,
            absoluteURL: items.links.absolute(item.url),
            organisation: .init(title: organisationName, url: urls.organisation(service.organisation)),
            categories: service.categories.compactMap { id in
                items.site.category(id: id).map { ServiceView.Link(title: $0.title, url: urls.category($0.id)) }
            },
            levelTitle: Self.levelTitle(service.level),
            ageRange: eligibility.age.description,
            needsEHCPlan: eligibility.ehcPlan == .required,
            ehcPlanTag: ServiceWording.ehcPlanTag(eligibility),
            allowsSelfReferral: eligibility.allowsSelfReferral,
            isFree: service.cost.isFree,
            keyFacts: keyFacts(for: service),
            moreFacts: moreFacts(for: service),
            criteria: eligibility.criteria,
            contact: ContactView(service.contact),
            locations: service.locations.map { location in
                ServiceView.LocationView(
                    name: location.name, addressLines: location.address.lines,
                    mapURL: ContactView.mapURL(for: location.address),
                    accessibility: location.accessibility.map(\.title)
                )
            },
            schedule: service.schedule.map { hours in
                ServiceView.ScheduleRow(days: ServiceWording.days(hours), hours: ServiceWording.hours(hours))
            },
            bodyHTML: item.body.html,
            lastReviewed: service.lastReviewed.longForm,
            lastReviewedISO: service.lastReviewed.description,
            reviewBy: service.reviewBy.longForm,
            reviewOverdue: service.isReviewOverdue(on: items.today)
        )
    }

    private func keyFacts(for service: Service) -> [ServiceView.Fact] {
        let eligibility = service.eligibility
        var facts: [ServiceView.Fact] = [
            .init(label: "Who it is for", value: ServiceWording.whoItIsFor(eligibility), items: []),
            .init(label: "EHC plan", value: ServiceWording.ehcPlan(eligibility), items: []),
            .init(label: "Who can ask for it", value: "", items: ServiceWording.whoCanAsk(eligibility)),
        ]
        switch service.cost {
        case .free:
            facts.append(.init(label: "Cost", value: "Free", items: []))
        case .charged(let options):
            facts.append(.init(label: "Cost", value: "", items: options.map { "\($0.formattedAmount) per \($0.per.rawValue): \($0.description)" }))
        }
        if let waiting = service.waitingTime {
            let weeks = waiting.weeks == 1 ? "1 week" : "\(waiting.weeks) weeks"
            facts.append(.init(label: "Waiting time", value: "About \(weeks) (as of \(waiting.asOf.longForm))", items: []))
        }
        return facts
    }

    private func moreFacts(for service: Service) -> [ServiceView.Fact] {
        let eligibility = service.eligibility
        var facts: [ServiceView.Fact] = [
            .init(label: "Areas of need",
                  value: eligibility.needs.count == AreaOfNeed.allCases.count ? "All areas of need" : "",
                  items: eligibility.needs.count == AreaOfNeed.allCases.count ? [] : eligibility.needs.map(\.title)),
        ]
        if eligibility.diagnosisRequired {
            facts.append(.init(label: "Diagnosis", value: "A diagnosis is needed", items: []))
        }
        if eligibility.residence == .local {
            facts.append(.init(label: "Where you live", value: "For families who live in the area of \(items.site.council), or whose child is registered with a GP there", items: []))
        }
        facts.append(.init(label: "Personal budget", value: service.personalBudget
                           ? "You can pay with a personal budget or direct payment" : "Not paid for with a personal budget", items: []))
        if !service.languages.isEmpty {
            facts.append(.init(label: "Languages", value: "", items: service.languages.map(\.englishName)))
        }
        let payers = Commissioner.describe(service.commissionedBy)
        if !payers.isEmpty {
            facts.append(.init(label: "Paid for by", value: ServiceWording.capitalised(ServiceWording.joined(payers)), items: []))
        }
        facts.append(.init(label: "Last checked", value: service.lastReviewed.longForm, items: []))
        return facts
    }

    static func levelTitle(_ level: ServiceLevel) -> String {
        switch level {
        case .universal: "Open to all families"
        case .targeted: "Extra help"
        case .specialist: "Specialist support"
        }
    }
}
