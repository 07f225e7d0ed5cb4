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
}
