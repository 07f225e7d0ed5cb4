import Foundation
import LocalOfferText

/// Which program is building: part of every fingerprint, so that files made by another version (or
/// another build of the program) are made again rather than kept.
enum ToolIdentity {
    static let hash: UInt64 = {
        var hasher = StableHasher()
        hasher.combine(LocalOfferVersion.current)
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        if let attributes = try? FileManager.default.attributesOfItem(atPath: executable) {
            hasher.combine((attributes[.size] as? NSNumber)?.intValue ?? 0)
            hasher.combine(Int(((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) * 1000))
        }
        return hasher.value
    }()
}
