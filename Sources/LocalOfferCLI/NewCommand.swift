import ArgumentParser
import Foundation
import LocalOffer

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new entry with every field present and explained.",
        discussion: "Writes content/<kind>s/<slug>.md. Never overwrites an existing file."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case service, organisation, page
    }

    @Argument(help: "What to create: service, organisation or page.")
    var kind: Kind

    @Argument(help: "The file name without .md: lower-case letters, digits and single hyphens.")
    var slug: String

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "DIR"))
    var content: String = "content"

    func run() throws {
        let scaffold = EntryScaffold(contentDirectory: content)
        switch scaffold.create(kind: EntryScaffold.Kind(rawValue: kind.rawValue) ?? .service, slug: slug) {
        case .success(let path):
            print("Created \(path). Fill in the fields marked TODO, then run: localoffer check")
        case .failure(let problem):
            FileHandle.standardError.write(Data("error: \(problem.message)\n".utf8))
            throw ExitStatus.environmentFailure
        }
    }
}
