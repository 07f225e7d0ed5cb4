/// What a published site holds: every file with the fingerprint of what it was made from and a
/// hash of its bytes. It is the marker file at the top of the site, so the next build knows the
/// folder is its own to replace and which files it can keep without making them again.
///
/// ```
/// Written by localoffer. This folder is replaced whole on every build.
/// index.html	-	9c0d4e1f2a3b4c5d	10240
/// services/portage/index.html	1f2e3d4c5b6a7988	0a1b2c3d4e5f6071	14302
/// ```
///
/// Tab-separated: path, fingerprint (`-` for a file that is always made and compared by its bytes),
/// content hash, size. Sorted by path, so two builds of the same input write the same manifest.
public struct OutputManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var fingerprint: UInt64?
        public var contentHash: UInt64
        public var size: Int

        public init(fingerprint: UInt64?, contentHash: UInt64, size: Int) {
            self.fingerprint = fingerprint
            self.contentHash = contentHash
            self.size = size
        }
    }

    public static let header = "Written by localoffer. This folder is replaced whole on every build."

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// Reads a marker file. An older marker with no entries gives an empty manifest: nothing is reused.
    public init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.hasPrefix("Written by localoffer") else { return nil }
        var entries: [String: Entry] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let hash = UInt64(fields[2], radix: 16), let size = Int(fields[3]) else { continue }
            let fingerprint = fields[1] == "-" ? nil : UInt64(fields[1], radix: 16)
            if fields[1] != "-" && fingerprint == nil { continue }
            entries[String(fields[0])] = Entry(fingerprint: fingerprint, contentHash: hash, size: size)
        }
        self.entries = entries
    }

    public var text: String {
        var out = Self.header + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out += path + "\t" + (entry.fingerprint.map(Self.hex) ?? "-") + "\t" + Self.hex(entry.contentHash) + "\t" + String(entry.size) + "\n"
        }
        return out
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
