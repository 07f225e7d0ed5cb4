import ArgumentParser
import Foundation
import LocalOffer
import LocalOfferDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every content file and report every problem; write nothing.",
        discussion: "Exits 1 if there is any error (or, with --strict, any warning)."
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: "How to print diagnostics: text (for people) or json (for editors and CI).")
    var format: DiagnosticsOutput = .text

    func run() throws {
        let options = BuildOptions(
            contentDirectory: contentOptions.content, today: try contentOptions.resolvedToday(), strict: contentOptions.strict
        )
        let diagnostics = SiteBuilder(options: options).check()
        printDiagnostics(diagnostics, format: format)
        if format == .text {
            let errors = diagnostics.errorCount
            let warnings = diagnostics.warningCount
            print("Checked \(contentOptions.content)/: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        let status = ExitStatus.forDiagnostics(diagnostics)
        if status != .success { throw status }
    }
}
