import LocalOfferModel

/// The context each template receives. `page` is the layout's part; the rest is the page's own.
struct HomePageView {
    struct CategoryEntry {
        let title: String
        let description: String
        let url: String
        let count: Int
    }

    let page: LayoutView
    let categories: [CategoryEntry]
    let keyPages: [ServiceView.Link]
    let serviceCount: Int
    let ages: [CountedLink]
    let needs: [CountedLink]
    /// The guided start's first question.
    let startURL: String
}

struct ServicePageView {
    let page: LayoutView
    let service: ServiceView
    let jsonLD: String
}

/// A service in a list: what a family needs to decide whether to open it, and, for printed
/// booklets, how to get in touch. Never the whole service page.
struct ServiceListEntry {
    let title: String
    let summary: String
    let url: String
    let organisation: String
    let ageRange: String
    /// At every age: then the tag is grey, otherwise green.
    let needsEHCPlan: Bool
    let ehcPlanTag: String
    let allowsSelfReferral: Bool
    let isFree: Bool
    /// Printed booklets only: how to get in touch (made only when a template asks), and the page's
    /// full address.
    let contactDetails: Contact
    let absoluteURL: String
    var contact: ContactView { ContactView(contactDetails) }
}

/// What every page of a paged list shows around its services.
struct ListPaging {
    let pagination: PaginationView?
    /// On the first page of a list too long for the pagination to link every page.
    let pageRanges: [PageRangeView]
    /// "Showing 51 to 100 of 2,340 services".
    let showing: String
    let number: Int
    let count: Int
    var isFirstPage: Bool { number == 1 }
}

struct LetterGroup {
    let letter: String
    let id: String
    /// The letter's services began on an earlier page.
    let continued: Bool
    let services: [ServiceListEntry]
}

/// A letter of the A to Z index and the page where its services start.
struct LetterLink {
    let letter: String
    let url: String
}

struct ServicesIndexView {
    let page: LayoutView
    let letterLinks: [LetterLink]
    let letters: [LetterGroup]
    let count: Int
    let paging: ListPaging
}

struct CategoryPageView {
    let page: LayoutView
    let description: String
    let services: [ServiceListEntry]
    let count: Int
    let paging: ListPaging
}

struct OrganisationPageView {
    let page: LayoutView
    let name: String
    let typeTitle: String?
    let website: ContactView.Website?
    let contact: ContactView
    let bodyHTML: String
    let services: [ServiceListEntry]
    let count: Int
    let paging: ListPaging
}

struct OrganisationsIndexView {
    struct Entry {
        let name: String
        let url: String
        let count: Int
    }

    let page: LayoutView
    let organisations: [Entry]
}

struct InformationIndexView {
    struct Entry {
        let title: String
        let summary: String
        let url: String
    }

    let page: LayoutView
    let pages: [Entry]
}

struct InformationPageView {
    let page: LayoutView
    let summary: String
    let bodyHTML: String
    let contents: [Heading]
    let lastReviewed: String

    struct Heading {
        let text: String
        let id: String
    }
}

struct GlossaryView {
    struct Entry {
        let term: String
        let id: String
        let meaning: String
        let aliases: String?
    }

    struct Letter {
        let letter: String
        let id: String
        let entries: [Entry]
    }

    let page: LayoutView
    let letters: [Letter]
}

/// A page whose template needs nothing but the layout's values (not found, my list).
struct LayoutOnlyView {
    let page: LayoutView
}
