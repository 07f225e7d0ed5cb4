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
    let guideAges: [GuideAge]
    let guideNeeds: [SearchPageView.Option]

    struct GuideAge {
        let value: Int
        var plural: Bool { value != 1 }
    }
}

struct ServicePageView {
    let page: LayoutView
    let service: ServiceView
    let jsonLD: String
}

struct ServiceListEntry {
    let title: String
    let summary: String
    let url: String
    let organisation: String
    let ageRange: String
    let needsEHCPlan: Bool
    let allowsSelfReferral: Bool
    let isFree: Bool
}

struct LetterGroup {
    let letter: String
    let id: String
    let services: [ServiceListEntry]
}

struct ServicesIndexView {
    let page: LayoutView
    let letters: [LetterGroup]
    let count: Int
}

struct CategoryPageView {
    let page: LayoutView
    let description: String
    let services: [ServiceListEntry]
    let count: Int
    /// Printed instead of the list: a booklet with each service's key facts and contacts.
    let booklet: [ServiceView]
}

struct OrganisationPageView {
    let page: LayoutView
    let name: String
    let typeTitle: String?
    let website: ContactView.Website?
    let contact: ContactView
    let bodyHTML: String
    let services: [ServiceListEntry]
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
