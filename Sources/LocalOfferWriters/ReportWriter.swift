import LocalOfferRendering

/// `reports/`: the commissioners' report (coverage, gaps, commissioners, reviews due, missing
/// information). `noindex`, not in the sitemap, and in the navigation only if site.yml says so.
/// Made from every service and the day of the build, so made on every build.
public struct ReportWriter: SiteWriter {
    public let name = "report"
    public let inputs: WriterInputs = WriterInputs.layout.union([.services, .organisations, .today])

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        let renderer = context.renderer
        // No page URL: the report is not listed in the sitemap.
        return [PlannedFile(path: context.urls.outputPath(for: context.urls.reports), fingerprint: nil) {
            renderer.report().map(FileContents.bytes)
        }]
    }
}
