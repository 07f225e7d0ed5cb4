import ArgumentParser
import Foundation
import LocalOffer

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [Eject.self]
    )

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eject",
            abstract: "Copy the built-in theme into a folder to change it.",
            discussion: """
            The build uses a templates/ folder beside the content folder over the built-in theme, file by \
            file: keep only the files you change. Existing files are never replaced unless --force is given.
            """
        )

        @Option(name: .long, help: ArgumentHelp("Where to copy the theme.", valueName: "DIR"))
        var output: String = "templates"

        @Flag(name: .long, help: "Replace files that already exist.")
        var force = false

        func run() throws {
            switch ThemeEjector(folder: output, force: force).eject() {
            case .success(let paths):
                print("Copied the built-in theme into \(output)/: \(paths.count) files. Change what you need and delete the rest.")
            case .failure(let problem):
                printDiagnostics([problem], format: .text)
                throw ExitStatus.environmentFailure
            }
        }
    }
}
