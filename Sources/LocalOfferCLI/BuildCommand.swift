import ArgumentParser
import Foundation
import LocalOffer

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and publish the site.",
        discussion: """
        Diagnostics go to standard error as path:line:column: error: message. The site is written to a \
        staging folder and swapped in only when the whole build succeeded: a failed build leaves the \
        previous site untouched. The theme is built in; a templates/ folder beside the content folder \
        (or each --templates DIR) overrides it file by file.
        """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp(
        "A theme folder over the built-in theme; repeat to layer (the first wins). Default: templates/ beside the content folder, if any.",
        valueName: "DIR"))
    var templates: [String] = []

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "Where the site is served: a path such as /local-offer/ or an absolute URL (default /).", valueName: "URL"))
    var baseURL: String = "/"

    @Flag(name: .long, help: "Print how long each step took (with --dry-run: list every page that would change).")
    var verbose = false

    @Flag(name: .customLong("dry-run"), help: "Say which pages the build would add, change and remove in the output folder; write nothing.")
    var dryRun = false

    func run() throws {
        // A file-size limit (`ulimit -f`) would otherwise kill the build mid-write with SIGXFSZ; ignored,
        // the write fails with EFBIG like a full disk, and the build cleans up and reports it.
        signal(SIGXFSZ, SIG_IGN)
        let options = BuildOptions(
            contentDirectory: contentOptions.content,
            templateDirectories: templates.isEmpty
                ? BuildOptions.siteTemplatesFolder(besideContent: contentOptions.content).map { [$0] } ?? []
                : templates,
            outputDirectory: output,
            baseURL: baseURL,
            today: try contentOptions.resolvedToday(),
            strict: contentOptions.strict
        )
        if dryRun {
            let result = SiteBuilder(options: options).dryRun()
            printDiagnostics(result.diagnostics, format: .text)
            print(result.report(listingEveryPage: verbose))
            let status = ExitStatus.forDiagnostics(result.diagnostics)
            if status != .success { throw status }
            return
        }
        let report = SiteBuilder(options: options).build()
        printDiagnostics(report.diagnostics, format: .text)
        if verbose {
            for step in report.steps {
                print(String(format: "  %-10@ %.3f s", step.name, step.seconds))
                guard step.name == "plan" else { continue }
                for writer in report.writerSteps.sorted(by: { $0.seconds > $1.seconds }) where writer.seconds >= 0.01 {
                    print(String(format: "    %-22@ %.3f s", writer.name, writer.seconds))
                }
            }
            if report.succeeded {
                print("  \(report.filesWritten) files: \(report.filesMade) made (\(report.filesRewritten) with new bytes), \(report.filesWritten - report.filesMade) kept from the previous build")
            }
        }
        print(report.succeeded ? "Built \(output)/: \(report.summary)" : "Not published (\(output)/ unchanged): \(report.summary)")
        let status = ExitStatus.forDiagnostics(report.diagnostics)
        if status != .success { throw status }
    }
}
