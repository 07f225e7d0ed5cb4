/// Every output of a build, in the order `build --verbose` lists them. A new output is one new
/// writer file in this module and one line here.
public enum SiteWriters {
    public static let standard: [any SiteWriter] = [
        SitePagesWriter(),
        ServicePagesWriter(),
        ServiceListsWriter(.alphabeticalAndTopics),
        ServiceListsWriter(.organisations),
        ServiceListsWriter(.browse),
        GuidedStartWriter(),
        SearchIndexWriter(),
        OpenReferralWriter(),
        ReportWriter(),
        ChangeFeedWriter(),
        AssetsWriter(),
        SitemapWriter(),
    ]
}
