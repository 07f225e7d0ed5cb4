/// A theme's compiled templates, by name (`service`, `partials/contact`). Renders a view model into
/// UTF-8 bytes, escaping every value for HTML unless the template uses `{{{triple}}}` braces.
///
/// ```swift
/// let set = try TemplateSet(sources: ["page": "<h1>{{title}}</h1>"])
/// let html = set.render("page", PageView(title: "Portage"))   // "<h1>Portage</h1>" as bytes
/// ```
public struct TemplateSet: Sendable {
    public let templates: [String: Template]

    public init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Compiles every source; the first error of each template is reported with its position.
    public static func compile(_ sources: [String: String]) -> (TemplateSet, [(name: String, error: TemplateError)]) {
        var templates: [String: Template] = [:]
        var errors: [(name: String, error: TemplateError)] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try TemplateParser.parse(text, name: name)
            } catch {
                errors.append((name, error))
            }
        }
        return (TemplateSet(templates: templates), errors)
    }

    /// Partials and parents that no template provides.
    public func missingReferences() -> [(template: String, reference: Template.Reference)] {
        templates.sorted { $0.key < $1.key }.flatMap { name, template in
            template.references.filter { templates[$0.name] == nil }.map { (name, $0) }
        }
    }

    /// What rendering gave: the page, and the names the templates used that no value offered.
    public struct Rendered {
        public let bytes: [UInt8]
        /// A template asked for a name that nothing in its context has: a typo in the template, or a
        /// view model that does not offer it. Rendered as nothing, and worth a warning.
        public let unknownNames: [String]
    }

    /// Templates that include themselves, directly or through others: they would never end.
    public func includeCycles() -> [String] {
        var cycles: Set<String> = []
        func visit(_ name: String, _ path: [String]) {
            guard let template = templates[name] else { return }
            for reference in template.references {
                if let start = path.firstIndex(of: reference.name) {
                    cycles.insert((path[start...] + [reference.name]).joined(separator: " → "))
                } else if path.count < Renderer.maximumDepth {
                    visit(reference.name, path + [reference.name])
                }
            }
        }
        for name in templates.keys { visit(name, [name]) }
        // Each cycle once, however many of its templates it was found from.
        var seen: Set<Set<String>> = []
        return cycles.sorted().filter { cycle in
            seen.insert(Set(cycle.split(separator: " ").map(String.init).filter { $0 != "→" })).inserted
        }
    }

    /// Nil when there is no template of that name.
    public func render(_ name: String, _ root: some TemplateObject) -> Rendered? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(templates: templates)
        renderer.stack.append(.object(root))
        renderer.render(template.nodes, overrides: [:], depth: 0)
        return Rendered(bytes: renderer.output, unknownNames: renderer.unknownNames)
    }
}

/// One rendering: the output buffer and the context stack.
struct Renderer {
    let templates: [String: Template]
    var output: [UInt8] = []
    var stack: [TemplateValue] = []
    var unknownNames: [String] = []
    /// Partials that include themselves would never end.
    static let maximumDepth = 64

    init(templates: [String: Template]) {
        self.templates = templates
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [Template.Node], overrides: [String: [Template.Node]], depth: Int) {
        guard depth < Self.maximumDepth else { return }
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                write(resolve(name), escaped: escaped)
            case .section(let name, let body, let inverted):
                let value = resolve(name)
                if inverted {
                    if !value.isTruthy { render(body, overrides: overrides, depth: depth) }
                } else {
                    switch value {
                    case .list(let items):
                        for item in items {
                            stack.append(item)
                            render(body, overrides: overrides, depth: depth)
                            stack.removeLast()
                        }
                    case .bool(true):
                        render(body, overrides: overrides, depth: depth)
                    case .null, .bool(false):
                        break
                    case .string, .int, .object:
                        stack.append(value)
                        render(body, overrides: overrides, depth: depth)
                        stack.removeLast()
                    }
                }
            case .partial(let name):
                if let template = templates[name] { render(template.nodes, overrides: overrides, depth: depth + 1) }
            case .parent(let name, let own):
                // The outermost template's blocks win: a child overrides its parent's overrides.
                let merged = overrides.merging(own) { outer, _ in outer }
                if let template = templates[name] { render(template.nodes, overrides: merged, depth: depth + 1) }
            case .block(let name, let defaults):
                render(overrides[name] ?? defaults, overrides: overrides, depth: depth)
            }
        }
    }

    mutating func resolve(_ name: Template.Name) -> TemplateValue {
        var value: TemplateValue
        if let first = name.path.first {
            var found: TemplateValue?
            for frame in stack.reversed() {
                if case .object(let object) = frame, let match = object.templateValue(for: first) {
                    found = match
                    break
                }
            }
            if found == nil { unknownNames.append(name.path.joined(separator: ".")) }
            value = found ?? .null
            for component in name.path.dropFirst() {
                guard case .object(let object) = value, let found = object.templateValue(for: component) else {
                    value = .null
                    break
                }
                value = found
            }
        } else {
            value = stack.last ?? .null
        }
        guard let transform = name.transform else { return value }
        return Self.apply(transform, to: value)
    }

    static func apply(_ transform: Template.Transform, to value: TemplateValue) -> TemplateValue {
        switch (transform, value) {
        case (.empty, .list(let items)): .bool(items.isEmpty)
        case (.empty, .string(let text)): .bool(text.isEmpty)
        case (.empty, .null): .bool(true)
        case (.empty, _): .bool(false)
        case (.count, .list(let items)): .int(items.count)
        case (.count, .string(let text)): .int(text.count)
        case (.first, .list(let items)): items.first ?? .null
        case (.last, .list(let items)): items.last ?? .null
        case (.uppercased, .string(let text)): .string(text.uppercased())
        case (.lowercased, .string(let text)): .string(text.lowercased())
        case (.capitalized, .string(let text)): .string(text.prefix(1).uppercased() + text.dropFirst())
        default: value
        }
    }

    mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(var text):
            text.withUTF8 { bytes in
                if escaped { HTMLBytes.appendEscaped(bytes, to: &output) } else { output.append(contentsOf: bytes) }
            }
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .object, .list:
            break
        }
    }
}

/// HTML escaping on bytes: the five characters that can change the meaning of markup.
enum HTMLBytes {
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            runStart = index + 1
        }
        if bytes.count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }
}
