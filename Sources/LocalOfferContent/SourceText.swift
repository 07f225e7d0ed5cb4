/// A piece of a file's text together with the line it starts on, so later stages can report
/// positions in the file the editor sees (not in the fragment they were handed).
public struct SourceText: Sendable, Hashable {
    public var path: String
    public var text: String
    /// The 1-based line of the file on which `text` starts.
    public var firstLine: Int

    public init(path: String, text: String, firstLine: Int = 1) {
        self.path = path
        self.text = text
        self.firstLine = firstLine
    }
}
