/// A value a template can show: what view models hand the template engine. No `Any`, no reflection:
/// each view model says by name what it holds (`TemplateObject`), so a lookup is a `switch`.
public enum TemplateValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case object(any TemplateObject)
    case list([TemplateValue])
    case null

    /// Whether a section `{{#name}}` shows: not for null, false or an empty list.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .string, .int, .object: true
        }
    }
}

/// A view model: answers the names its templates use. Returns nil for a name it does not have,
/// so the lookup goes on down the context stack, as Mustache requires.
public protocol TemplateObject: TemplateConvertible {
    func templateValue(for name: String) -> TemplateValue?
}

/// Anything a view model's property can hold.
public protocol TemplateConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateConvertible {
    public var templateValue: TemplateValue { .string(self) }
}

extension Substring: TemplateConvertible {
    public var templateValue: TemplateValue { .string(String(self)) }
}

extension Int: TemplateConvertible {
    public var templateValue: TemplateValue { .int(self) }
}

extension Bool: TemplateConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Optional: TemplateConvertible where Wrapped: TemplateConvertible {
    public var templateValue: TemplateValue { self?.templateValue ?? .null }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension TemplateObject {
    /// Objects convert to themselves: a view model property holding another view model just works.
    public var templateValue: TemplateValue { .object(self) }
}
