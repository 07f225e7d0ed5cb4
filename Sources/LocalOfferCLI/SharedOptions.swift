import ArgumentParser
import Foundation
import LocalOffer
import LocalOfferDiagnostics
import LocalOfferModel

/// Exit statuses: 0 success, 1 the content has errors, 2 usage or input/output failures.
enum ExitStatus {
    static let contentErrors = ExitCode(1)
    static let environmentFailure = ExitCode(2)

    static func forDiagnostics(_ diagnostics: [Diagnostic]) -> ExitCode {
        let errors = diagnostics.filter(\.isError)
        if errors.isEmpty { return .success }
        let environmental = errors.contains { error in
            error.code == .outputFailure || (error.code == .missingFile && error.location == nil)
        }
        return environmental ? environmentFailure : contentErrors
    }
}

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "DIR"))
    var content: String = "content"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

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
}

enum DiagnosticsOutput: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

func printDiagnostics(_ diagnostics: [Diagnostic], format: DiagnosticsOutput) {
    switch format {
    case .text:
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data((DiagnosticFormatter().format(diagnostics) + "\n").utf8))
    case .json:
        print(DiagnosticRecord.json(diagnostics))
    }
}
