import LocalOfferModel
import LocalOfferText

/// An Atom feed (RFC 4287) of the services added or changed most recently, by the date each was
/// last checked (`last_reviewed`): what a parent carer forum, a school or a partner subscribes to in
/// a feed reader to see what has changed in the Local Offer.
public enum ChangeFeed {
    /// The newest entries a feed carries; older changes are on the site.
    public static let limit = 100

    public struct Entry: Sendable, Hashable {
        public let id: String
        public let title: String
        public let url: String
        public let updated: LocalDate
        public let author: String
        /// (term, label): the service's topics.
        public let categories: [Category]
        public let summary: String
        /// The entry's HTML (a fragment, absolute links), escaped into the feed.
        public let contentHTML: String

        public struct Category: Sendable, Hashable {
            public let term: String
            public let label: String

            public init(term: String, label: String) {
                self.term = term
                self.label = label
            }
        }

        public init(id: String, title: String, url: String, updated: LocalDate, author: String, categories: [Category],
                    summary: String, contentHTML: String) {
            self.id = id
            self.title = title
            self.url = url
            self.updated = updated
            self.author = author
            self.categories = categories
            self.summary = summary
            self.contentHTML = contentHTML
        }
    }

    /// The services the feed carries, most recently checked first (then by title).
    public static func select<Item>(_ items: [Item], service: (Item) -> Service) -> [Item] {
        Array(items.sorted { left, right in
            let (a, b) = (service(left), service(right))
            return a.lastReviewed == b.lastReviewed ? Service.byTitle(a, b) : a.lastReviewed > b.lastReviewed
        }.prefix(limit))
    }

    public struct Header: Sendable {
        public let title: String
        public let subtitle: String
        /// A URN that never changes: `urn:uuid:...`.
        public let id: String
        public let selfURL: String
        public let homeURL: String
        public let author: String

        public init(title: String, subtitle: String, id: String, selfURL: String, homeURL: String, author: String) {
            self.title = title
            self.subtitle = subtitle
            self.id = id
            self.selfURL = selfURL
            self.homeURL = homeURL
            self.author = author
        }
    }

    public static func xml(_ header: Header, entries: [Entry]) -> String {
        let updated = entries.map(\.updated).max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
          <title>\(escape(header.title))</title>
          <subtitle>\(escape(header.subtitle))</subtitle>
          <id>\(escape(header.id))</id>
          <link rel="self" type="application/atom+xml" href="\(escape(header.selfURL))"/>
          <link rel="alternate" type="text/html" href="\(escape(header.homeURL))"/>
          <updated>\(timestamp(updated))</updated>
          <author><name>\(escape(header.author))</name></author>
          <generator>localoffer</generator>

        """
        for entry in entries {
            xml += """
              <entry>
                <title>\(escape(entry.title))</title>
                <id>\(escape(entry.id))</id>
                <link rel="alternate" type="text/html" href="\(escape(entry.url))"/>
                <updated>\(timestamp(entry.updated))</updated>
                <author><name>\(escape(entry.author))</name></author>

            """
            for category in entry.categories {
                xml += "    <category term=\"\(escape(category.term))\" label=\"\(escape(category.label))\"/>\n"
            }
            xml += """
                <summary type="text">\(escape(entry.summary))</summary>
                <content type="html">\(escape(entry.contentHTML))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 at midnight UTC: the day the service was checked (the content holds no time).
    static func timestamp(_ date: LocalDate?) -> String {
        "\(date?.description ?? "1970-01-01")T00:00:00Z"
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0xFFFE...0xFFFF).contains(value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
