import Foundation
import LocalOfferDiagnostics

/// `assets/`: the theme's CSS, JavaScript and icons, copied as they are, from a site's own theme
/// folder or from the theme built into the program.
public struct AssetsWriter: SiteWriter {
    public let name = "assets"
    public let inputs: WriterInputs = [.assets]

    public init() {}

    public func plan(_ context: WriterContext) -> [PlannedFile] {
        context.templates.assets.sorted { $0.key < $1.key }.map { relative, asset in
            // A site's own file or the built-in theme's bytes; either way compared by its bytes.
            PlannedFile(path: "assets/" + relative, fingerprint: nil) {
                asset.bytes().map(FileContents.bytes)
            }
        }
    }
}
