import ArgumentParser
import Foundation
import LocalOffer
import LocalOfferModel

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the entries whose review is overdue or falls due soon, by organisation.",
        discussion: """
        For sending reminders: each organisation with its contact e-mail, then its services overdue or \
        due within the window, soonest first; information pages under the Local Offer team. A service \
        falls due on its review_by date, or 12 months after last_reviewed. --format csv gives one row per \
        entry for a mail merge. Entries with errors are left out (localoffer check lists them).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv
    }

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "DIR"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Include reviews falling due within this many days.", valueName: "DAYS"))
    var within: Int = ReviewSchedule.reviewWindowDays

    @Option(name: .long, help: "text (for people) or csv (for a spreadsheet or mail merge).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Judge dates against this day (YYYY-MM-DD) instead of today.", valueName: "DATE"))
    var today: String?

    func validate() throws {
        guard (0...3650).contains(within) else { throw ValidationError("--within must be from 0 to 3650 days") }
    }

    func run() throws {
        let list = ReviewList.make(contentDirectory: content, today: try resolvedToday(today), within: within)
        if !list.problems.isEmpty {
            printDiagnostics(list.problems, format: .text)
            throw ExitStatus.environmentFailure
        }
        switch format {
        case .text: print(list.text)
        case .csv: FileHandle.standardOutput.write(Data(list.csv.utf8))
        }
    }
}
