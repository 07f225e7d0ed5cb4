import ArgumentParser
import Foundation
import LocalOffer

@main
struct LocalOfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "localoffer",
        abstract: "Build a SEND Local Offer website from Markdown content.",
        discussion: """
        Content lives in content/ (site.yml, glossary.yml, services/, organisations/, pages/); the theme in \
        templates/. `localoffer build` checks everything and publishes public/ only when there are no errors.
        """,
        version: LocalOfferVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, InitCommand.self, ThemeCommand.self, ReviewCommand.self]
    )
}
