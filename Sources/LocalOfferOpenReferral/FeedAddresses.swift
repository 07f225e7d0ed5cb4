/// The absolute addresses the feed links to, given by the build (which owns the site's layout).
public struct FeedAddresses: Sendable {
    /// The site's canonical address, ending in `/`: `https://localoffer.kingsmere.example.org/`.
    public let siteBase: String
    /// Where the endpoint is published, ending in `/`: `https://.../openreferral/`.
    public var feedBase: String { siteBase + ORUKFeed.folder + "/" }
    public let service: @Sendable (String) -> String
    public let organisation: @Sendable (String) -> String
    /// Content path (`services/portage.md`) → absolute address, for links written between entries.
    public let contentLinks: [String: String]

    public init(
        siteBase: String, service: @escaping @Sendable (String) -> String,
        organisation: @escaping @Sendable (String) -> String, contentLinks: [String: String]
    ) {
        self.siteBase = siteBase.hasSuffix("/") ? siteBase : siteBase + "/"
        self.service = service
        self.organisation = organisation
        self.contentLinks = contentLinks
    }
}
