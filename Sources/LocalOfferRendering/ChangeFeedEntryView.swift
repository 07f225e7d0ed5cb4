import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferSite

/// The HTML of one entry of the change feed: what the service is, who it is for and how to get in
/// touch, with absolute links (a feed reader shows it away from the site).
struct ChangeFeedEntryView {
    let summary: String
    let url: String
    let organisation: String
    let ages: String
    let needsEHCPlan: Bool
    let cost: String
    let phone: String?
    let email: String?
    let lastReviewed: String
}

extension PageRenderer {
    /// The HTML of the change feed's entry for the published service at `index` (of `items.services`).
    public func changeFeedEntry(at index: Int) -> Result<String, Diagnostic> {
        let item = items.services[index]
        let service = item.entry
        let view = ChangeFeedEntryView(
            summary: service.summary, url: items.links.absolute(item.url),
            organisation: items.organisationName(service.organisation),
            ages: service.eligibility.age.description, needsEHCPlan: service.eligibility.ehcPlan == .required,
            cost: service.cost.isFree ? "Free" : "There is a charge",
            phone: service.contact.phone?.display, email: service.contact.email?.value,
            lastReviewed: service.lastReviewed.longForm
        )
        return render("feed-entry", view).map { String(decoding: $0, as: UTF8.self) }
    }
}
