import ArgumentParser
import Foundation
import LocalOffer
import LocalOfferReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the commissioners' report: coverage, gaps, commissioners, reviews due, missing information.",
        discussion: """
        The same figures as the report page the build publishes at /reports/, from the published services. \
        --format csv prints each table under its own header row, for a spreadsheet.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv
    }

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: "text (for people) or csv (for a spreadsheet).")
    var format: Format = .text

    func run() throws {
        let options = BuildOptions(contentDirectory: contentOptions.content, today: try contentOptions.resolvedToday())
        let (report, diagnostics) = CommissioningReportBuilder(options: options).build()
        guard let report else {
            printDiagnostics(diagnostics, format: .text)
            FileHandle.standardError.write(Data("No report: the content has errors; run localoffer check.\n".utf8))
            throw ExitStatus.forDiagnostics(diagnostics)
        }
        print(format == .csv ? ReportText.csv(report) : ReportText.text(report), terminator: "")
    }
}
