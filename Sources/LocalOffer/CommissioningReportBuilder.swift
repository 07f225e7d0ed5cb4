import LocalOfferContent
import LocalOfferDiagnostics
import LocalOfferModel
import LocalOfferReports

/// The commissioners' report from a content folder, for `localoffer report`: the same figures the
/// build publishes at `/reports/`, from the published services as of `options.today`.
public struct CommissioningReportBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The report, or nil when the content has errors (they are in the diagnostics).
    public func build() -> (CommissioningReport?, [Diagnostic]) {
        let (source, loadProblems) = ContentLoader().load(from: options.contentDirectory)
        let (content, problems) = ContentValidator(today: options.today).validate(source)
        let diagnostics = (loadProblems + problems).sorted()
        guard let content, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (CommissioningReport(site: content.site, services: content.services, organisations: content.organisations,
                                    today: options.today), diagnostics)
    }
}
