import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferSite

/// The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 require,
/// in the structure of the GOV.UK model statement, from the data in site.yml.
public struct AccessibilityStatementView {
    public static let slug = SiteItemsBuilder.accessibilityStatementSlug

    struct Contact {
        let phone: ContactView.Phone?
        let textphone: ContactView.Phone?
        let email: ContactView.Email?
    }

    let page: LayoutView
    let siteName: String
    let council: String
    let address: String
    let standard: String
    let fullyCompliant: Bool
    let partiallyCompliant: Bool
    let notCompliant: Bool
    let knownIssues: [String]
    let contact: Contact
    let responseDays: Int
    let testedOn: String
    let testedBy: String?
    let preparedOn: String
    let lastReviewed: String
}

extension PageRenderer {
    /// Nil when site.yml has no accessibility section (the site then needs a page of its own).
    public func accessibilityStatement() -> Result<[UInt8], Diagnostic>? {
        guard let details = items.site.accessibility else { return nil }
        let url = urls.page(AccessibilityStatementView.slug)
        let site = items.site
        let contact = site.contact.map(ContactView.init)
        let view = AccessibilityStatementView(
            page: layouts.layout(
                title: "Accessibility statement for the \(site.name)",
                description: "How accessible this website is, how to ask for information in another format and how to report a problem.",
                url: url, breadcrumbs: [("Information and advice", urls.information)]
            ),
            siteName: site.name, council: site.council, address: site.baseURL.readable,
            standard: details.standard,
            fullyCompliant: details.status == .fullyCompliant,
            partiallyCompliant: details.status == .partiallyCompliant,
            notCompliant: details.status == .notCompliant,
            knownIssues: details.knownIssues,
            contact: AccessibilityStatementView.Contact(
                phone: contact?.phone, textphone: contact?.textphone,
                email: contact?.email ?? ContactView.Email(address: site.feedbackEmail.value, href: "mailto:" + site.feedbackEmail.value)
            ),
            responseDays: details.responseDays,
            testedOn: details.testedOn.longForm, testedBy: details.testedBy,
            preparedOn: details.preparedOn.longForm, lastReviewed: details.lastReviewed.longForm
        )
        return render("accessibility-statement", view)
    }
}

import LocalOfferDiagnostics
