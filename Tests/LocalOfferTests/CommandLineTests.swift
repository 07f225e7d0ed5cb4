import Foundation
import Testing

/// Runs the real `localoffer` executable, as editors and CI do.
@Suite("The localoffer command")
struct CommandLineTests {
    static var executable: String { TestSite.repositoryRoot.appendingPathComponent(".build/debug/localoffer").path }

    struct Run {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LOCALOFFER_TODAY"] = "2026-11-23"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
    func buildWithABrokenEntryExitsOneAndPrintsPathLineColumn() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        let first = try Self.run(["build", "--content", content, "--templates", TestSite.defaultTheme, "--output", folder + "/public"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("pages written, 0 warnings, 0 errors in"))
        let before = TestSite.snapshot(of: folder + "/public")

        let service = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/services").sorted().first)
        let path = content + "/services/" + service
        let text = TestSite.text(content + "/services", service)
        try text.replacingOccurrences(of: "\nsummary:", with: "\nsumary:").write(toFile: path, atomically: true, encoding: .utf8)

        let second = try Self.run(["build", "--content", content, "--templates", TestSite.defaultTheme, "--output", folder + "/public"])
        #expect(second.status == 1)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("summary:") }) + 1
        #expect(second.standardError.contains("\(path):\(line):1: error: unknown key 'sumary' [LO101]"))
        #expect(second.standardError.contains("hint: did you mean 'summary'?"))
        #expect(second.standardError.contains("is missing the required key 'summary'"))
        #expect(second.standardOutput.contains("Not published"))
        #expect(TestSite.snapshot(of: folder + "/public") == before)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
    func checkWritesNothingAndReportsJSON() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        let clean = try Self.run(["check", "--content", content, "--format", "json"])
        #expect(clean.status == 0)
        #expect(clean.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        try "---\ntitle: x\n---\n".write(toFile: content + "/services/bad.md", atomically: true, encoding: .utf8)
        let broken = try Self.run(["check", "--content", content, "--format", "json"])
        #expect(broken.status == 1)
        let records = try JSONSerialization.jsonObject(with: Data(broken.standardOutput.utf8)) as? [[String: Any]]
        #expect((records ?? []).contains { ($0["code"] as? String) == "LO105" && ($0["line"] as? Int) == 2 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["content"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
    func usageAndInputFailuresExitTwo() throws {
        #expect(try Self.run(["build", "--content", "/nonexistent/content"]).status == 2)
        #expect(try Self.run(["build", "--no-such-option"]).status != 0)
        #expect(try Self.run(["check", "--today", "not-a-date"]).status != 0)
        let help = try Self.run(["build", "--help"])
        #expect(help.status == 0 && help.standardOutput.contains("--base-url"))
        let version = try Self.run(["--version"])
        #expect(version.status == 0 && !version.standardOutput.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
    func newServiceValidatesOnceFilledAndNeverOverwrites() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        let created = try Self.run(["new", "service", "holiday-club", "--content", content])
        #expect(created.status == 0)
        let path = content + "/services/holiday-club.md"
        let placeholder = try Self.run(["check", "--content", content])
        #expect(placeholder.status == 1, "placeholders must not validate")
        // Every placeholder in the first run, each once, as a placeholder (not as a missing organisation).
        let scaffold = TestSite.text(content + "/services", "holiday-club.md").components(separatedBy: "\n")
        for field in ["title: TODO", "organisation: TODO", "categories: [TODO]", "  name: TODO", "  phone: TODO"] {
            let line = try #require(scaffold.firstIndex { $0.hasPrefix(field) }) + 1
            #expect(placeholder.standardError.contains("\(path):\(line):"), "\(field) not reported in the first run")
        }
        #expect(placeholder.standardError.contains("still has the placeholder 'TODO' [LO801]"))
        #expect(!placeholder.standardError.contains("[LO304]") && !placeholder.standardError.contains("[LO305]"))
        #expect(!placeholder.standardError.contains("[LO202]"), "a placeholder phone is a placeholder, not a bad number")
        let organisation = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/organisations").sorted().first)
        let filled = TestSite.text(content + "/services", "holiday-club.md")
            .replacingOccurrences(of: "title: TODO", with: "title: Holiday club for disabled children")
            .replacingOccurrences(of: "summary: TODO", with: "summary: Play and activities in the school holidays.")
            .replacingOccurrences(of: "organisation: TODO", with: "organisation: \(organisation.dropLast(3))")
            .replacingOccurrences(of: "categories: [TODO]", with: "categories: [leisure-and-play]")
            .replacingOccurrences(of: "criteria: TODO", with: "criteria: Open to all disabled children in the borough.")
            .replacingOccurrences(of: "name: TODO", with: "name: Play team")
            .replacingOccurrences(of: "phone: TODO", with: "phone: 020 7946 0555")
            .replacingOccurrences(of: "email: TODO", with: "email: play@kingsmere.example.org")
            .replacingOccurrences(of: "website: TODO", with: "website: https://kingsmere.example.org/play")
        // Deleting only the marker leaves the scaffold's instruction, which is still reported.
        let markerOnly = filled.replacingOccurrences(of: "TODO: ", with: "")
        try markerOnly.write(toFile: path, atomically: true, encoding: .utf8)
        let instructions = try Self.run(["check", "--content", content])
        #expect(instructions.status == 1)
        #expect(instructions.standardError.components(separatedBy: "still has the instruction 'localoffer new' wrote [LO801]").count == 4,
                "\(instructions.standardError)")
        let written = filled.replacingOccurrences(of: #"(?m)^TODO: .*$"#, with: "We run play days in the school holidays.", options: .regularExpression)
        #expect(!written.contains("TODO"))
        try written.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try Self.run(["check", "--content", content])
        #expect(check.status == 0, "\(check.standardError)")
        let again = try Self.run(["new", "service", "holiday-club", "--content", content])
        #expect(again.status != 0)
        #expect(TestSite.text(content + "/services", "holiday-club.md") == written)
    }
}

@Suite("Strict checking")
struct StrictCheckTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.executable)))
    func strictTurnsWarningsIntoErrors() throws {
        let folder = TestSite.temporaryFolder()
        let content = try TestSite.copyDemoContent(to: folder)
        let service = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/services").sorted().first)
        let path = content + "/services/" + service
        let text = TestSite.text(content + "/services", service)
        let overdue = text.replacingOccurrences(
            of: #"(?m)^last_reviewed: .*$"#, with: "last_reviewed: 2024-01-10", options: .regularExpression)
        #expect(overdue != text)
        try overdue.write(toFile: path, atomically: true, encoding: .utf8)
        let lenient = try CommandLineTests.run(["check", "--content", content])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("warning: review overdue since 10 January 2025 [LO109]"))
        let strict = try CommandLineTests.run(["check", "--content", content, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("error: review overdue since 10 January 2025 [LO109]"))
    }
}
