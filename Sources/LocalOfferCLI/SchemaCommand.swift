import ArgumentParser
import Foundation
import LocalOffer

/// For the project's own maintainers: the JSON Schemas and the docs' field tables are written from
/// the field catalogue (Sources/LocalOfferModel/Catalogue/), never by hand.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write or check schema/*.schema.json and the field tables of docs/content-format.md.",
        discussion: """
        Both are generated from the field catalogue in Sources/LocalOfferModel/Catalogue/. After changing a \
        field there, run `localoffer schema --write` (or `make schema`) in the repository and commit the result; \
        `--check` exits with status 1 when a file differs.
        """
    )

    @Flag(name: .long, help: "Write the files that differ.")
    var write = false

    @Flag(name: .long, help: "Only report the files that differ (the default).")
    var check = false

    @Option(name: .long, help: ArgumentHelp("The repository checkout holding schema/ and docs/.", valueName: "DIR"))
    var root: String = "."

    func validate() throws {
        if write && check { throw ValidationError("give --write or --check, not both") }
    }

    func run() throws {
        let files = SchemaFiles(root: root)
        let result = write ? files.write() : files.outdated()
        switch result {
        case .failure(let problem):
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            throw ExitStatus.environmentFailure
        case .success(let paths) where write:
            print(paths.isEmpty ? "The schemas and the docs' field tables are up to date." : "Wrote \(paths.joined(separator: ", ")).")
        case .success(let paths):
            guard paths.isEmpty else {
                FileHandle.standardError.write(Data("""
                    error: these files differ from the field catalogue: \(paths.joined(separator: ", "))
                    Run `make schema` (localoffer schema --write) and commit the result.\n
                    """.utf8))
                throw ExitStatus.contentErrors
            }
            print("The schemas and the docs' field tables match the field catalogue.")
        }
    }
}
