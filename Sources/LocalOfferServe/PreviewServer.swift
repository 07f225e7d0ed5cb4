import FlyingFox
import FlyingSocks
import Foundation
import LocalOffer
import LocalOfferDiagnostics

/// `localoffer serve`: the site on a local address, rebuilt as files are saved. Open pages reload
/// by themselves through server-sent events; while the content has errors, every page shows them.
/// The reload script is added to pages as they are served, never to what `build` writes, and it is
/// a file of its own, so the strict Content-Security-Policy of the real site still holds.
public final class PreviewServer: Sendable {
    public static let eventsPath = "/__localoffer/events"
    public static let scriptPath = "/__localoffer/reload.js"
    public static let stylePath = "/__localoffer/preview.css"

    static let reloadScriptTag = "<script src=\"\(scriptPath)\" defer></script>"
    static let reloadScript = """
    // localoffer serve: reload the page when the site is rebuilt. Not part of the built site.
    (() => {
      const events = new EventSource("\(eventsPath)");
      events.addEventListener("reload", () => location.reload());
    })();
    """

    public let site: PreviewSite
    let events = ReloadEvents()
    let server: HTTPServer
    let watcher: ContentWatcher
    private let report: @Sendable (String) -> Void

    /// - Parameters:
    ///   - host: the address to listen on; `127.0.0.1` unless the user says otherwise.
    ///   - port: 0 for any free port.
    ///   - watch: the folders whose changes rebuild the site (content and templates).
    public init(
        site: PreviewSite, host: String, port: UInt16, watch: [String], verbose: Bool = false,
        report: @escaping @Sendable (String) -> Void
    ) throws {
        self.site = site
        self.report = report
        let address = try sockaddr_in.inet(ip4: host, port: port)
        server = HTTPServer(address: address, timeout: 60 * 60 * 24, logger: .disabled)
        let events = self.events
        let siteForWatcher = site
        let finishing = DispatchQueue(label: "localoffer serve: planning the rest")
        watcher = ContentWatcher(folders: watch) { changes in
            let started = DispatchTime.now()
            let result = siteForWatcher.rebuild(changed: changes)
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            report(Self.describe(result, milliseconds: milliseconds) + (verbose ? "\n" + Self.describeSteps(result) : ""))
            Task { await events.send("reload", data: String(result.generation)) }
            // The files not asked for yet are planned a moment after the open pages were told to
            // reload, once they have asked for the page, and on one core; two files at one address
            // are found there, and shown as errors. The watcher goes on meanwhile.
            let generation = result.generation
            finishing.asyncAfter(deadline: .now() + .milliseconds(150)) {
                guard siteForWatcher.currentGeneration == generation else { return }
                let started = DispatchTime.now()
                let late = siteForWatcher.finishPlanning()
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                if let late {
                    report(Self.describe(late, milliseconds: milliseconds))
                    Task { await events.send("reload", data: String(late.generation)) }
                } else if verbose {
                    report(String(format: "  then every other file planned in %.0f ms", milliseconds))
                }
            }
        }
        // Watching starts before the first build, so nothing saved from now on is missed.
        watcher.start()
    }

    /// The port the server listens on, once it is listening.
    public var port: UInt16? {
        get async {
            guard let address = await server.listeningAddress else { return nil }
            if case .ip4(_, let port) = address { return port }
            if case .ip6(_, let port) = address { return port }
            return nil
        }
    }

    /// Serves until the task is cancelled (Ctrl-C), then stops cleanly.
    public func run() async throws {
        let site = self.site
        let events = self.events
        await server.appendRoute(HTTPRoute("GET \(Self.eventsPath)")) { _ in
            HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store", HTTPHeader("X-Accel-Buffering"): "no"],
                body: HTTPBodySequence(from: await events.subscribe())
            )
        }
        await server.appendRoute(HTTPRoute("GET \(Self.scriptPath)")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                         body: Data(Self.reloadScript.utf8))
        }
        await server.appendRoute(HTTPRoute("GET \(Self.stylePath)")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: Data(ErrorPage.css.utf8))
        }
        await server.appendRoute("GET,HEAD *") { request in
            Self.respond(to: request.target.path(percentEncoded: true), site: site)
        }
        defer { watcher.stop() }
        try await withTaskCancellationHandler {
            try await server.run()
        } onCancel: {
            Task {
                await events.finishAll()
                await self.server.stop(timeout: 1)
            }
        }
    }

    public func waitUntilListening() async throws {
        try await server.waitUntilListening(timeout: 10)
    }

    static func respond(to path: String, site: PreviewSite) -> HTTPResponse {
        let headers: HTTPHeaders = [
            .cacheControl: "no-store",
            // The same policy the real site must work under: the preview adds only same-origin files.
            HTTPHeader("Content-Security-Policy"): "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
        ]
        switch site.response(for: path) {
        case .errors(let diagnostics):
            var errorHeaders = headers
            errorHeaders[.contentType] = "text/html; charset=utf-8"
            return HTTPResponse(statusCode: .internalServerError, headers: errorHeaders,
                                body: Data(ErrorPage.html(diagnostics, reloadScript: reloadScriptTag).utf8))
        case .file(let bytes, let filePath):
            var fileHeaders = headers
            fileHeaders[.contentType] = contentType(for: filePath)
            let body = filePath.hasSuffix(".html") ? withReloadScript(bytes) : Data(bytes)
            return HTTPResponse(statusCode: .ok, headers: fileHeaders, body: body)
        case .notFound:
            // A folder without its slash, as static servers redirect it.
            if !path.hasSuffix("/"), case .file = site.response(for: path + "/") {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: path + "/"])
            }
            var notFoundHeaders = headers
            notFoundHeaders[.contentType] = "text/html; charset=utf-8"
            if case .file(let bytes, _) = site.response(for: "/404.html") {
                return HTTPResponse(statusCode: .notFound, headers: notFoundHeaders, body: withReloadScript(bytes))
            }
            return HTTPResponse(statusCode: .notFound, headers: notFoundHeaders, body: Data("Not found".utf8))
        }
    }

    /// The reload script goes before `</head>`: only in what is served, never in what is built.
    static func withReloadScript(_ page: [UInt8]) -> Data {
        let marker = Array("</head>".utf8)
        guard let index = page.firstRange(of: marker)?.lowerBound else { return Data(page) }
        var data = Data(page[..<index])
        data.append(contentsOf: Array((reloadScriptTag + "\n").utf8))
        data.append(contentsOf: page[index...])
        return data
    }

    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "txt": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "atom": "application/atom+xml"
        default: "application/octet-stream"
        }
    }

    /// `--verbose`: each step's time, and within planning each writer's.
    static func describeSteps(_ rebuild: PreviewSite.Rebuild) -> String {
        func line(_ name: String, _ seconds: Double, indent: String) -> String {
            indent + name.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %.1f ms", seconds * 1000)
        }
        return rebuild.steps.flatMap { step in
            [line(step.name, step.seconds, indent: "  ")]
                + (step.name == "plan" ? rebuild.writerSteps.map { line($0.name, $0.seconds, indent: "    ") } : [])
        }.joined(separator: "\n")
    }

    static func describe(_ rebuild: PreviewSite.Rebuild, milliseconds: Double) -> String {
        let time = String(format: "%.0f ms", milliseconds)
        if rebuild.hasErrors {
            let count = rebuild.diagnostics.errorCount
            return "Rebuilt in \(time): \(count) \(count == 1 ? "error" : "errors"); the browser shows \(count == 1 ? "it" : "them")\n"
                + DiagnosticFormatter().format(rebuild.diagnostics)
        }
        let warnings = rebuild.diagnostics.warningCount
        return "Rebuilt in \(time)" + (warnings > 0 ? " (\(warnings) warnings)" : "") + "; open pages reload"
    }
}
