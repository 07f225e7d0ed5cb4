import Foundation

/// The default theme, built into the program: every Mustache template and asset of `templates/`,
/// so that `localoffer build` works in any folder that has `content/`. A site's own templates
/// folder overrides it file by file; `localoffer theme eject` copies it out for changing.
///
/// `EmbeddedTheme.swift` is generated from `templates/` by `scripts/embed-theme.py`; a test fails
/// when the two differ.
///
/// ```swift
/// BuiltInTheme.files["layout.mustache"]   // the bytes of templates/layout.mustache
/// ```
public enum BuiltInTheme {
    /// How diagnostics name the built-in theme's files: `(built-in theme)/service.mustache`.
    public static let displayName = "(built-in theme)"

    /// Every file, by its path under `templates/` (`layout.mustache`, `assets/site.css`).
    /// Decoded once, on first use.
    public static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for (path, encoded) in encodedFiles {
            // The generator wrote valid base64; an undecodable entry would be left out and caught
            // by the test that compares the built-in theme with templates/.
            if let data = Data(base64Encoded: encoded) { files[path] = [UInt8](data) }
        }
        return files
    }()

    /// The paths of every file, sorted.
    public static var paths: [String] { encodedFiles.map(\.path) }

    /// How a file of the built-in theme is named in messages.
    public static func displayPath(_ relative: String) -> String {
        displayName + "/" + relative
    }
}
