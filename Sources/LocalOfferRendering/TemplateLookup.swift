import LocalOfferTemplates

// What each view model offers its templates, by name: a switch, never reflection, so a lookup costs
// nanoseconds. A name a template uses that no view offers is reported by the build (see
// `TemplateLibrary.render`), so a typo in a template or a field missing here cannot pass unnoticed.

extension HomePageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "categories": categories.templateValue
        case "keyPages": keyPages.templateValue
        case "serviceCount": serviceCount.templateValue
        case "ages": ages.templateValue
        case "needs": needs.templateValue
        case "startURL": startURL.templateValue
        default: nil
        }
    }
}

extension HomePageView.CategoryEntry: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "description": self.description.templateValue
        case "url": url.templateValue
        case "count": count.templateValue
        default: nil
        }
    }
}


extension ServicePageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "service": service.templateValue
        case "jsonLD": jsonLD.templateValue
        default: nil
        }
    }
}

extension ServiceListEntry: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "summary": summary.templateValue
        case "url": url.templateValue
        case "organisation": organisation.templateValue
        case "ageRange": ageRange.templateValue
        case "needsEHCPlan": needsEHCPlan.templateValue
        case "ehcPlanTag": ehcPlanTag.templateValue
        case "allowsSelfReferral": allowsSelfReferral.templateValue
        case "isFree": isFree.templateValue
        case "contact": contact.templateValue
        case "absoluteURL": absoluteURL.templateValue
        default: nil
        }
    }
}

extension ListPaging: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "pagination": pagination.templateValue
        case "pageRanges": pageRanges.templateValue
        case "showing": showing.templateValue
        case "number": number.templateValue
        case "count": count.templateValue
        case "isFirstPage": isFirstPage.templateValue
        default: nil
        }
    }
}

extension LetterGroup: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "letter": letter.templateValue
        case "id": id.templateValue
        case "continued": continued.templateValue
        case "services": services.templateValue
        default: nil
        }
    }
}

extension LetterLink: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "letter": letter.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension ServicesIndexView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "letterLinks": letterLinks.templateValue
        case "letters": letters.templateValue
        case "count": count.templateValue
        case "paging": paging.templateValue
        default: nil
        }
    }
}

extension CategoryPageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "description": self.description.templateValue
        case "services": services.templateValue
        case "count": count.templateValue
        case "paging": paging.templateValue
        default: nil
        }
    }
}

extension OrganisationPageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "name": self.name.templateValue
        case "typeTitle": typeTitle.templateValue
        case "website": website.templateValue
        case "contact": contact.templateValue
        case "bodyHTML": bodyHTML.templateValue
        case "services": services.templateValue
        case "count": count.templateValue
        case "paging": paging.templateValue
        default: nil
        }
    }
}

extension OrganisationsIndexView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "organisations": organisations.templateValue
        default: nil
        }
    }
}

extension OrganisationsIndexView.Entry: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "url": url.templateValue
        case "count": count.templateValue
        default: nil
        }
    }
}

extension InformationIndexView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "pages": pages.templateValue
        default: nil
        }
    }
}

extension InformationIndexView.Entry: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "summary": summary.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension InformationPageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "summary": summary.templateValue
        case "bodyHTML": bodyHTML.templateValue
        case "contents": contents.templateValue
        case "lastReviewed": lastReviewed.templateValue
        default: nil
        }
    }
}

extension InformationPageView.Heading: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "text": text.templateValue
        case "id": id.templateValue
        default: nil
        }
    }
}

extension GlossaryView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "letters": letters.templateValue
        default: nil
        }
    }
}

extension GlossaryView.Entry: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "term": term.templateValue
        case "id": id.templateValue
        case "meaning": meaning.templateValue
        case "aliases": aliases.templateValue
        default: nil
        }
    }
}

extension GlossaryView.Letter: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "letter": letter.templateValue
        case "id": id.templateValue
        case "entries": entries.templateValue
        default: nil
        }
    }
}

extension LayoutOnlyView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        default: nil
        }
    }
}

extension CountedLink: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        case "count": count.templateValue
        default: nil
        }
    }
}

extension BrowseIndexView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "ages": ages.templateValue
        case "needs": needs.templateValue
        case "categories": categories.templateValue
        default: nil
        }
    }
}

extension BrowsePageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "intro": intro.templateValue
        case "services": services.templateValue
        case "count": count.templateValue
        case "refinements": refinements.templateValue
        case "paging": paging.templateValue
        default: nil
        }
    }
}

extension BrowsePageView.RefinementGroup: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "links": links.templateValue
        default: nil
        }
    }
}

extension SearchPageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "indexURL": indexURL.templateValue
        case "scriptURL": scriptURL.templateValue
        case "ages": ages.templateValue
        case "needs": needs.templateValue
        case "categories": categories.templateValue
        case "browseAges": browseAges.templateValue
        case "browseNeeds": browseNeeds.templateValue
        case "browseCategories": browseCategories.templateValue
        default: nil
        }
    }
}

extension SearchPageView.Option: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "value": value.templateValue
        case "title": title.templateValue
        default: nil
        }
    }
}

extension ServiceView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "slug": slug.templateValue
        case "title": title.templateValue
        case "summary": summary.templateValue
        case "url": url.templateValue
        case "absoluteURL": absoluteURL.templateValue
        case "organisation": organisation.templateValue
        case "categories": categories.templateValue
        case "levelTitle": levelTitle.templateValue
        case "ageRange": ageRange.templateValue
        case "needsEHCPlan": needsEHCPlan.templateValue
        case "allowsSelfReferral": allowsSelfReferral.templateValue
        case "isFree": isFree.templateValue
        case "keyFacts": keyFacts.templateValue
        case "moreFacts": moreFacts.templateValue
        case "ehcPlanTag": ehcPlanTag.templateValue
        case "criteria": criteria.templateValue
        case "contact": contact.templateValue
        case "locations": locations.templateValue
        case "schedule": schedule.templateValue
        case "bodyHTML": bodyHTML.templateValue
        case "lastReviewed": lastReviewed.templateValue
        case "lastReviewedISO": lastReviewedISO.templateValue
        case "reviewBy": reviewBy.templateValue
        case "reviewOverdue": reviewOverdue.templateValue
        default: nil
        }
    }
}

extension ServiceView.Link: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension ServiceView.Fact: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "label": label.templateValue
        case "value": value.templateValue
        case "items": items.templateValue
        default: nil
        }
    }
}

extension ServiceView.ScheduleRow: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "days": days.templateValue
        case "hours": hours.templateValue
        default: nil
        }
    }
}

extension ServiceView.LocationView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "addressLines": addressLines.templateValue
        case "mapURL": mapURL.templateValue
        case "accessibility": accessibility.templateValue
        default: nil
        }
    }
}

extension ContactView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "phone": phone.templateValue
        case "textphone": textphone.templateValue
        case "email": email.templateValue
        case "website": website.templateValue
        case "address": address.templateValue
        default: nil
        }
    }
}

extension ContactView.Phone: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "display": display.templateValue
        case "href": href.templateValue
        default: nil
        }
    }
}

extension ContactView.Email: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "address": address.templateValue
        case "href": href.templateValue
        default: nil
        }
    }
}

extension ContactView.Website: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "href": href.templateValue
        case "readable": readable.templateValue
        default: nil
        }
    }
}

extension ContactView.Address: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "lines": lines.templateValue
        case "mapURL": mapURL.templateValue
        default: nil
        }
    }
}

extension LayoutView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "site": site.templateValue
        case "title": title.templateValue
        case "documentTitle": documentTitle.templateValue
        case "description": self.description.templateValue
        case "canonicalURL": canonicalURL.templateValue
        case "breadcrumbs": breadcrumbs.templateValue
        case "nav": nav.templateValue
        case "reportProblemMailto": reportProblemMailto.templateValue
        case "noindex": noindex.templateValue
        default: nil
        }
    }
}

extension LayoutView.SiteView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "council": council.templateValue
        case "language": language.templateValue
        case "feedbackEmail": feedbackEmail.templateValue
        default: nil
        }
    }
}

extension LayoutView.Crumb: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension LayoutView.Navigation: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "home": home.templateValue
        case "services": services.templateValue
        case "search": search.templateValue
        case "browse": browse.templateValue
        case "information": information.templateValue
        case "glossary": glossary.templateValue
        case "myList": myList.templateValue
        case "organisations": organisations.templateValue
        case "accessibility": accessibility.templateValue
        case "privacy": privacy.templateValue
        case "report": report.templateValue
        case "assets": assets.templateValue
        default: nil
        }
    }
}

extension AccessibilityStatementView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "siteName": siteName.templateValue
        case "council": council.templateValue
        case "address": address.templateValue
        case "standard": standard.templateValue
        case "fullyCompliant": fullyCompliant.templateValue
        case "partiallyCompliant": partiallyCompliant.templateValue
        case "notCompliant": notCompliant.templateValue
        case "knownIssues": knownIssues.templateValue
        case "contact": contact.templateValue
        case "responseDays": responseDays.templateValue
        case "testedOn": testedOn.templateValue
        case "testedBy": testedBy.templateValue
        case "preparedOn": preparedOn.templateValue
        case "lastReviewed": lastReviewed.templateValue
        default: nil
        }
    }
}

extension AccessibilityStatementView.Contact: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "phone": phone.templateValue
        case "textphone": textphone.templateValue
        case "email": email.templateValue
        default: nil
        }
    }
}

extension PaginationView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "previous": previous.templateValue
        case "next": next.templateValue
        case "items": items.templateValue
        case "current": current.templateValue
        case "count": count.templateValue
        default: nil
        }
    }
}

extension PaginationView.Item: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "url": url.templateValue
        case "isCurrent": isCurrent.templateValue
        case "isEllipsis": isEllipsis.templateValue
        default: nil
        }
    }
}

extension PaginationView.Link: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "url": url.templateValue
        case "label": label.templateValue
        default: nil
        }
    }
}

extension PageRangeView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "number": number.templateValue
        case "url": url.templateValue
        case "first": first.templateValue
        case "last": last.templateValue
        default: nil
        }
    }
}

extension QuestionPageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "step": step.templateValue
        case "question": question.templateValue
        case "hint": hint.templateValue
        case "answers": answers.templateValue
        case "isGrid": isGrid.templateValue
        case "backURL": backURL.templateValue
        default: nil
        }
    }
}

extension QuestionPageView.Answer: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "label": label.templateValue
        case "hint": hint.templateValue
        case "url": url.templateValue
        default: nil
        }
    }
}

extension GuidedResultsView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "answers": answers.templateValue
        case "services": services.templateValue
        case "count": count.templateValue
        case "shownCount": shownCount.templateValue
        case "allURL": allURL.templateValue
        case "allTitle": allTitle.templateValue
        case "searchURL": searchURL.templateValue
        case "startAgainURL": startAgainURL.templateValue
        default: nil
        }
    }
}

extension GuidedResultsView.AnswerRow: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "question": question.templateValue
        case "answer": answer.templateValue
        case "changeURL": changeURL.templateValue
        default: nil
        }
    }
}

// The commissioners' report (report.mustache) and the change feed's entries (feed-entry.mustache).

extension ReportPageView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "page": page.templateValue
        case "generatedOn": generatedOn.templateValue
        case "serviceCount": serviceCount.templateValue
        case "heatMap": heatMap.templateValue
        case "needs": needs.templateValue
        case "coverage": coverage.templateValue
        case "gaps": gaps.templateValue
        case "hasGaps": hasGaps.templateValue
        case "commissioners": commissioners.templateValue
        case "totals": totals.templateValue
        case "reviews": reviews.templateValue
        case "hasReviews": hasReviews.templateValue
        case "reviewSummary": reviewSummary.templateValue
        case "missing": missing.templateValue
        case "hasMissing": hasMissing.templateValue
        case "missingCriteria": missingCriteria.templateValue
        case "missingWaitingTime": missingWaitingTime.templateValue
        case "missingLocation": missingLocation.templateValue
        default: nil
        }
    }
}

extension ReportPageView.CoverageRow: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "stage": stage.templateValue
        case "cells": cells.templateValue
        default: nil
        }
    }
}

extension ReportPageView.Cell: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "services": services.templateValue
        case "withoutPlan": withoutPlan.templateValue
        case "gap": gap.templateValue
        default: nil
        }
    }
}

extension ReportPageView.Gap: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "stage": stage.templateValue
        case "need": need.templateValue
        case "kind": kind.templateValue
        default: nil
        }
    }
}

extension ReportPageView.CommissionerRow: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "universal": universal.templateValue
        case "targeted": targeted.templateValue
        case "specialist": specialist.templateValue
        case "total": total.templateValue
        default: nil
        }
    }
}

extension ReportPageView.OrganisationReviews: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "organisation": organisation.templateValue
        case "id": id.templateValue
        case "listings": listings.templateValue
        default: nil
        }
    }
}

extension ReportPageView.Listing: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        case "reviewBy": reviewBy.templateValue
        case "status": status.templateValue
        case "isOverdue": isOverdue.templateValue
        default: nil
        }
    }
}

extension ReportPageView.Missing: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        case "organisation": organisation.templateValue
        case "criteria": criteria.templateValue
        case "waitingTime": waitingTime.templateValue
        case "location": location.templateValue
        default: nil
        }
    }
}

extension ChangeFeedEntryView: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "summary": summary.templateValue
        case "url": url.templateValue
        case "organisation": organisation.templateValue
        case "ages": ages.templateValue
        case "needsEHCPlan": needsEHCPlan.templateValue
        case "cost": cost.templateValue
        case "phone": phone.templateValue
        case "email": email.templateValue
        case "lastReviewed": lastReviewed.templateValue
        default: nil
        }
    }
}
