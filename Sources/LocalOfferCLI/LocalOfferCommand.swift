import ArgumentParser
import Foundation
import LocalOffer

@main
struct LocalOfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "localoffer",
        abstract: "Build a SEND Local Offer website from Markdown content.",
        discussion: """
        Content lives in content/ (site.yml, glossary.yml, services/, organisations/, pages/); the theme is \
        built in, and a templates/ folder beside content/ overrides it file by file. `localoffer build` checks \
        everything and publishes public/ only when there are no errors.
        """,
        version: LocalOfferVersion.current,
        subcommands: [
            BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, ImportCommand.self, ReportCommand.self,
            InitCommand.self, ThemeCommand.self, ReviewCommand.self, SchemaCommand.self,
        ]
    )
}
