import ArgumentParser
import Dispatch
import Foundation
import LocalOffer
import LocalOfferServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while you edit it.",
        discussion: """
        Builds the site in memory and serves it on this computer. Saving a file in content/ or in a \
        templates folder rebuilds what it touches, and open pages reload by themselves; while the content \
        has errors, every page shows them with their file and line. Nothing is written to public/. Press \
        Ctrl-C to stop.
        """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A templates folder; repeat to layer (the first wins).", valueName: "DIR"))
    var templates: [String] = []

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: UInt16 = 4000

    @Option(name: .long, help: ArgumentHelp(
        "The address to listen on. Only this computer (127.0.0.1) unless you give another.", valueName: "ADDRESS"))
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the web browser.")
    var open = false

    @Flag(name: .long, help: "Print how long each step of a rebuild took.")
    var verbose = false

    func run() async throws {
        let options = BuildOptions(
            contentDirectory: contentOptions.content,
            templateDirectories: templates.isEmpty
                ? BuildOptions.siteTemplatesFolder(besideContent: contentOptions.content).map { [$0] } ?? []
                : templates,
            outputDirectory: "",
            baseURL: "/",
            today: try contentOptions.resolvedToday(),
            strict: contentOptions.strict
        )
        let site = PreviewSite(options: options)
        let server = try PreviewServer(
            site: site, host: host, port: port, watch: [options.contentDirectory] + options.templateDirectories, verbose: verbose
        ) { message in
            Self.say(message)
        }
        let prepared = site.rebuild()
        let first = site.finishPlanning(inParallel: true) ?? prepared
        printDiagnostics(first.diagnostics, format: .text)
        if !Self.isLoopback(host) {
            Self.say("Warning: listening on \(host): other computers on the network can see this preview.")
        }
        let task = Task { try await server.run() }
        // Ctrl-C and `kill` stop the server cleanly: open connections close, the watcher ends. The
        // signals are handled on a queue of their own, so nothing else running can delay them, and
        // should the server not have stopped within a few seconds (a busy machine, a stuck
        // connection) the preview ends anyway: an editor's Ctrl-C always works.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signalQueue = DispatchQueue(label: "localoffer serve signals")
        let stopSignals: [Int32] = [SIGINT, SIGTERM]
        let sources = stopSignals.map { (number: Int32) -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler {
                task.cancel()
                signalQueue.asyncAfter(deadline: .now() + .seconds(Self.stopGraceSeconds)) {
                    Self.say("Stopped.")
                    Foundation.exit(0)
                }
            }
            source.resume()
            return source
        }
        try await server.waitUntilListening()
        let listening = await server.port ?? port
        let address = "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(listening)/"
        Self.say(first.hasErrors
              ? "Serving \(address) — the content has errors; the browser shows them until they are fixed. Press Ctrl-C to stop."
              : "Serving \(address) (built in \(String(format: "%.2f", first.seconds)) s). Press Ctrl-C to stop.")
        if open { Self.openInBrowser(address) }

        _ = await task.result
        sources.forEach { $0.cancel() }
        Self.say("Stopped.")
    }

    /// How long Ctrl-C waits for open connections to close before the preview ends regardless.
    static let stopGraceSeconds = 3

    /// Straight to standard output, unbuffered: the preview's log is read as it happens.
    static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "localhost" || host.hasPrefix("127.")
    }

    static func openInBrowser(_ address: String) {
        #if os(macOS)
        let command = "/usr/bin/open"
        #else
        let command = "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = [address]
        try? process.run()
    }
}
