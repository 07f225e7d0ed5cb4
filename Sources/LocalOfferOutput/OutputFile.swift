import Foundation

/// One file of the published site: a path relative to the output folder, and its bytes.
/// The path is checked on creation, so no output file can ever be written outside the folder.
public struct OutputFile: Sendable, Hashable {
    public let path: String
    public let contents: Data

    /// Returns nil for an absolute path, an empty component, `.` or `..`, or a backslash.
    public init?(path: String, contents: Data) {
        guard Self.isSafe(path) else { return nil }
        self.path = path
        self.contents = contents
    }

    public init?(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// Whether a relative path stays inside the output folder.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"),
              !path.contains("\t"), !path.contains("\n") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            !component.isEmpty && component != "." && component != ".."
        }
    }
}
