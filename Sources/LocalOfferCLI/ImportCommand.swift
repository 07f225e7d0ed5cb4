import ArgumentParser
import Foundation
import LocalOffer
import LocalOfferImport
import LocalOfferModel
import LocalOfferOpenReferral

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import services from an Open Referral feed or a spreadsheet into the content folder.",
        discussion: """
        Writes Markdown entries into services/ and organisations/. An entry that lacks what the schema \
        requires is written as a draft, with a comment naming what is missing. Nothing is written unless \
        the whole import is clean (or --partial is given), and no existing file is replaced without --force. \
        See docs/import.md.
        """,
        subcommands: [OpenReferralImportCommand.self, CSVImportCommand.self]
    )
}

struct ImportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder to write into (it needs a site.yml).", valueName: "DIR"))
    var content: String = "content"

    @Flag(name: .long, help: "Replace existing entries of the same name.")
    var force = false

    @Flag(name: .long, help: "Write the records that are clean even when others have errors.")
    var partial = false

    @Flag(name: .customLong("dry-run"), help: "Report what would be written; write nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Judge dates against this day (YYYY-MM-DD) instead of today.", valueName: "DATE"))
    var today: String?

    func resolvedToday() throws -> LocalDate {
        if let today {
            guard let date = LocalDate(iso: today) else { throw ValidationError("--today must be a date such as 2026-11-23") }
            return date
        }
        guard let date = LocalDate.today() else { throw ValidationError("LOCALOFFER_TODAY must be a date such as 2026-11-23") }
        return date
    }

    /// Plans, reports and (unless it may not) writes; the exit status follows the problems.
    func run(read: (ImportTarget, LocalDate) -> (services: [ImportedService], problems: [ImportProblem], recordsRead: Int)) throws {
        let today = try resolvedToday()
        let target: ImportTarget
        switch ImportTarget.load(content) {
        case .success(let loaded): target = loaded
        case .failure(let problem):
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
            throw ExitStatus.environmentFailure
        }
        let (services, problems, recordsRead) = read(target, today)
        let plan = ImportPlanner(target: target, force: force, partial: partial, today: today)
            .plan(services, problems: problems, recordsRead: recordsRead)
        var written = false
        var writeProblems: [ImportProblem] = []
        if plan.canWrite, !dryRun {
            writeProblems = ImportWriter.write(plan)
            written = writeProblems.isEmpty
        }
        let all = plan.problems + writeProblems
        if !all.isEmpty {
            FileHandle.standardError.write(Data((all.map(\.description).joined(separator: "\n") + "\n").utf8))
        }
        print(plan.summary(written: written))
        if !writeProblems.isEmpty { throw ExitStatus.environmentFailure }
        if all.contains(where: { $0.isError && $0.code == .importUnreadable }) && services.isEmpty { throw ExitStatus.environmentFailure }
        if !plan.errors.isEmpty && !partial { throw ExitStatus.contentErrors }
    }
}

struct OpenReferralImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openreferral",
        abstract: "Import an Open Referral UK feed (1.0 or 3.0) saved as files.",
        discussion: """
        Give JSON files (an ORUK 1.0 list of services or {content, totalElements} page; an ORUK 3.0 /services \
        page or /services/{id} document) or folders of them, such as a saved endpoint.
        """
    )

    @Argument(help: ArgumentHelp("Feed files or folders.", valueName: "FILE|DIR"))
    var paths: [String]

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run { target, today in
            ORUKImport(categories: target.categories, today: today).read(paths)
        }
    }
}

struct CSVImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a spreadsheet saved as CSV, one row per service (columns in docs/import.md)."
    )

    @Argument(help: ArgumentHelp("The CSV file (UTF-8, comma-separated, a header row first).", valueName: "FILE"))
    var file: String

    @OptionGroup var options: ImportOptions

    func run() throws {
        try options.run { target, today in
            CSVServiceImport(categories: target.categories, today: today).read(file)
        }
    }
}
