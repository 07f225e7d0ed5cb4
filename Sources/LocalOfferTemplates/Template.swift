/// A Mustache template compiled into a tree: text as UTF-8 bytes, tags as nodes. Compiled once per
/// build and rendered for thousands of pages, on any thread.
public struct Template: Sendable {
    public let name: String
    let nodes: [Node]
    /// Every partial and parent this template names, to check they exist when the theme is loaded.
    public let references: [Reference]

    public struct Reference: Sendable, Hashable {
        public let name: String
        public let line: Int
        public let column: Int
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as it is).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
        case section(Name, [Node], inverted: Bool)
        /// `{{>name}}`.
        case partial(String)
        /// `{{<name}}…{{/name}}`: the named template, with the blocks given here replacing its own.
        case parent(String, overrides: [String: [Node]])
        /// `{{$name}}default{{/name}}`: replaced by a child template's block of the same name.
        case block(String, [Node])
    }

    /// A name as written in a tag: a dotted path (`page.site.name`), `.` for the current value, and an
    /// optional transform (`empty(items)`).
    struct Name: Sendable {
        let path: [String]
        let transform: Transform?
        var isImplicit: Bool { path.isEmpty }
    }

    enum Transform: String, Sendable {
        case empty, count, first, last, uppercased, lowercased, capitalized
    }
}
