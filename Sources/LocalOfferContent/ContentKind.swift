/// What a content file is, from where it sits in `content/`.
public enum ContentKind: String, Sendable, Hashable, CaseIterable {
    case service
    case organisation
    case page

    /// The folder under `content/` that holds entries of this kind.
    public var folder: String {
        switch self {
        case .service: "services"
        case .organisation: "organisations"
        case .page: "pages"
        }
    }

    /// How links between entries name the file of an entry of this kind: `services/portage.md`.
    public func contentPath(_ slug: String) -> String {
        "\(folder)/\(slug).md"
    }
}
