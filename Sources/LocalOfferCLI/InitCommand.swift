import ArgumentParser
import Foundation
import LocalOffer
import LocalOfferModel

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: content/ with one organisation, service and page, ready to build.",
        discussion: """
        Writes content/site.yml, a glossary, synonyms, one organisation, one of its services and one \
        information page, every field explained. It checks and builds at once; the theme is built in. \
        The folder must be new or empty.
        """
    )

    @Argument(help: ArgumentHelp("The folder for the new site (created if missing).", valueName: "DIR"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The date written as 'last reviewed' (YYYY-MM-DD). Default: today.", valueName: "DATE"))
    var today: String?

    func run() throws {
        let date = try resolvedToday(today)
        switch SiteStarter(today: date).create(in: folder) {
        case .success(let paths):
            print("Started a new Local Offer in \(folder)/:")
            for path in paths { print("  \(path)") }
            print("""

            Next:
              cd \(folder)
              localoffer check      # every problem in every file, with where and how to fix it
              localoffer build      # the site, in public/
              localoffer new service NAME   # another service, every field explained
            """)
        case .failure(let problem):
            printDiagnostics([problem], format: .text)
            throw ExitStatus.environmentFailure
        }
    }
}

/// `--today DATE`, `LOCALOFFER_TODAY`, or today in the UK, for commands without the content options.
func resolvedToday(_ text: String?) throws -> LocalDate {
    if let text {
        guard let date = LocalDate(iso: text) else { throw ValidationError("--today must be a date such as 2026-11-23") }
        return date
    }
    guard let date = LocalDate.today() else { throw ValidationError("LOCALOFFER_TODAY must be a date such as 2026-11-23") }
    return date
}
