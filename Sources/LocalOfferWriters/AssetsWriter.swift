import Foundation
import LocalOfferDiagnostics

/// `assets/`: the theme's CSS, JavaScript and icons, copied as they are.
public struct AssetsWriter: SiteWriter {
    public let name = "assets"
    public let inputs: WriterInputs = [.assets]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        context.templates.assets.sorted { $0.key < $1.key }.map { relative, source in
            PlannedFile(path: "assets/" + relative, fingerprint: nil) {
                guard let data = FileManager.default.contents(atPath: source) else {
                    return .failure(.error(.unreadableFile, "the asset could not be read", at: SourceLocation(path: source)))
                }
                return .success(.data(data))
            }
        }
    }
}
