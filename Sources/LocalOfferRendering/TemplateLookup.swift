import Mustache

// Templates look values up by name thousands of times per page. Without these conformances
// swift-mustache reflects (Mirror) on every lookup, which made rendering the slowest step;
// a switch is a few nanoseconds. Only the types rendered in long lists or on every page need it.

extension ServiceListEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "url": url
        case "organisation": organisation
        case "ageRange": ageRange
        case "needsEHCPlan": needsEHCPlan
        case "allowsSelfReferral": allowsSelfReferral
        case "isFree": isFree
        case "contact": contact
        case "absoluteURL": absoluteURL
        default: nil
        }
    }
}

extension CountedLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "count": count
        default: nil
        }
    }
}

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "title": title
        case "documentTitle": documentTitle
        case "description": description
        case "canonicalURL": canonicalURL
        case "breadcrumbs": breadcrumbs
        case "nav": nav
        case "reportProblemMailto": reportProblemMailto
        default: nil
        }
    }
}

extension LayoutView.SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "council": council
        case "language": language
        case "feedbackEmail": feedbackEmail
        default: nil
        }
    }
}

extension LayoutView.Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension LayoutView.Navigation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "home": home
        case "services": services
        case "search": search
        case "browse": browse
        case "information": information
        case "glossary": glossary
        case "myList": myList
        case "organisations": organisations
        case "accessibility": accessibility
        case "privacy": privacy
        case "assets": assets
        default: nil
        }
    }
}

extension LetterGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": letter
        case "id": id
        case "continued": continued
        case "services": services
        default: nil
        }
    }
}

extension CategoryPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "description": description
        case "services": services
        case "count": count
        case "paging": paging
        default: nil
        }
    }
}

extension BrowsePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "intro": intro
        case "services": services
        case "count": count
        case "refinements": refinements
        case "paging": paging
        default: nil
        }
    }
}

extension ServicesIndexView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "letterLinks": letterLinks
        case "letters": letters
        case "count": count
        case "paging": paging
        default: nil
        }
    }
}

extension OrganisationPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "name": self.name
        case "typeTitle": typeTitle
        case "website": website
        case "contact": contact
        case "bodyHTML": bodyHTML
        case "services": services
        case "count": count
        case "paging": paging
        default: nil
        }
    }
}

extension ListPaging: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pagination": pagination
        case "pageRanges": pageRanges
        case "showing": showing
        case "number": number
        case "count": count
        case "isFirstPage": isFirstPage
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "previous": previous
        case "next": next
        case "items": items
        case "current": current
        case "count": count
        default: nil
        }
    }
}

extension PaginationView.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "url": url
        case "isCurrent": isCurrent
        case "isEllipsis": isEllipsis
        default: nil
        }
    }
}

extension PaginationView.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "label": label
        default: nil
        }
    }
}

extension PageRangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "url": url
        case "first": first
        case "last": last
        default: nil
        }
    }
}

extension LetterLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": letter
        case "url": url
        default: nil
        }
    }
}

extension ServicePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "service": service
        case "jsonLD": jsonLD
        default: nil
        }
    }
}

extension ServiceView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "slug": slug
        case "title": title
        case "summary": summary
        case "url": url
        case "absoluteURL": absoluteURL
        case "organisation": organisation
        case "categories": categories
        case "levelTitle": levelTitle
        case "ageRange": ageRange
        case "needsEHCPlan": needsEHCPlan
        case "allowsSelfReferral": allowsSelfReferral
        case "isFree": isFree
        case "facts": facts
        case "criteria": criteria
        case "contact": contact
        case "locations": locations
        case "schedule": schedule
        case "bodyHTML": bodyHTML
        case "lastReviewed": lastReviewed
        case "lastReviewedISO": lastReviewedISO
        case "reviewBy": reviewBy
        case "reviewOverdue": reviewOverdue
        default: nil
        }
    }
}

extension ServiceView.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension ServiceView.Fact: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "items": items
        default: nil
        }
    }
}

extension ServiceView.LocationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "addressLines": addressLines
        case "mapURL": mapURL
        case "accessibility": accessibility
        default: nil
        }
    }
}

extension ServiceView.ScheduleRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "days": days
        case "hours": hours
        default: nil
        }
    }
}

extension ContactView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "phone": phone
        case "textphone": textphone
        case "email": email
        case "website": website
        case "address": address
        default: nil
        }
    }
}

extension ContactView.Phone: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "display": display
        case "href": href
        default: nil
        }
    }
}

extension ContactView.Email: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "address": address
        case "href": href
        default: nil
        }
    }
}

extension ContactView.Website: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "readable": readable
        default: nil
        }
    }
}

extension ContactView.Address: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lines": lines
        case "mapURL": mapURL
        default: nil
        }
    }
}
