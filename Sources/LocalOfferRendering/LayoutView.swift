import LocalOfferText
import LocalOfferModel
import LocalOfferSite

/// What every page's layout needs: the site, where the page sits, and where everything else is.
struct LayoutView {
    struct SiteView {
        let name: String
        let council: String
        let language: String
        let feedbackEmail: String
    }

    struct Crumb {
        let title: String
        let url: String
    }

    struct Navigation {
        let home: String
        let services: String
        let search: String
        let browse: String
        let information: String
        let glossary: String
        let myList: String
        let organisations: String
        let accessibility: String?
        let privacy: String?
        /// The commissioners' report, when site.yml puts it in the navigation.
        let report: String?
        let assets: String
    }

    let site: SiteView
    let title: String
    /// The `<title>`: page first, then the site, as GOV.UK does.
    let documentTitle: String
    let description: String
    let canonicalURL: String
    let breadcrumbs: [Crumb]
    let nav: Navigation
    /// "Report a problem with this page": a pre-filled email to the Local Offer team.
    let reportProblemMailto: String
    /// Pages that are steps on a way somewhere (guided start questions and answers): not for search engines.
    let noindex: Bool
}

struct LayoutFactory {
    let site: Site
    let urls: SiteURLs
    let canonicalBase: String
    let hasPrivacyNotice: Bool

    /// `section` goes into the `<title>` when a page's title could also name a page of another kind
    /// ("Preparing for adulthood" is a topic and an information page): every title stays unique.
    func layout(
        title: String, description: String, url: String, breadcrumbs: [(String, String)], section: String? = nil, noindex: Bool = false
    ) -> LayoutView {
        let isHome = url == urls.home
        let relative = url.hasPrefix(urls.basePath) ? String(url.dropFirst(urls.basePath.count)) : url
        let canonical = canonicalBase + relative
        let subject = "Problem with the page: \(title)"
        let body = "Page: \(canonical)\n\nWhat is wrong or missing?\n\n"
        return LayoutView(
            site: LayoutView.SiteView(
                name: site.name, council: site.council, language: site.language,
                feedbackEmail: site.feedbackEmail.value
            ),
            title: title,
            documentTitle: isHome ? "\(site.name) – \(site.council)" : "\(title) – \(section.map { $0 + " – " } ?? "")\(site.name)",
            description: description,
            canonicalURL: canonical,
            breadcrumbs: isHome ? [] : [LayoutView.Crumb(title: "Home", url: urls.home)]
                + breadcrumbs.map { LayoutView.Crumb(title: $0.0, url: $0.1) },
            nav: LayoutView.Navigation(
                home: urls.home, services: urls.services, search: urls.search, browse: urls.browse, information: urls.information,
                glossary: urls.glossary, myList: urls.myList, organisations: urls.organisations,
                accessibility: site.accessibility == nil ? nil : urls.page(AccessibilityStatementView.slug),
                privacy: hasPrivacyNotice ? urls.page("privacy-notice") : nil,
                report: site.reportInNavigation ? urls.reports : nil,
                assets: urls.assets
            ),
            reportProblemMailto: "mailto:\(site.feedbackEmail.value)?subject=\(MailtoEncoding.encode(subject))&body=\(MailtoEncoding.encode(body))",
            noindex: noindex
        )
    }
}

/// Percent-encoding for `mailto:` subject and body (RFC 6068) and for query strings: everything
/// but unreserved ASCII characters.
enum MailtoEncoding {
    static func encode(_ text: String) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count * 2)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E:
                encoded.append(byte)
            default:
                encoded += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
