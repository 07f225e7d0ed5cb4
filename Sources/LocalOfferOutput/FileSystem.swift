import Foundation

/// The file operations publishing needs, as a struct of closures: `.local` does real disk access;
/// tests substitute failing operations to prove that a failed build leaves the old site untouched.
public struct FileSystem: Sendable {
    public var createDirectory: @Sendable (_ path: String) throws -> Void
    public var write: @Sendable (_ data: Data, _ path: String) throws -> Void
    public var move: @Sendable (_ from: String, _ to: String) throws -> Void
    public var remove: @Sendable (_ path: String) throws -> Void
    public var exists: @Sendable (_ path: String) -> Bool
    public var list: @Sendable (_ directory: String) -> [String]

    public init(
        createDirectory: @escaping @Sendable (String) throws -> Void,
        write: @escaping @Sendable (Data, String) throws -> Void,
        move: @escaping @Sendable (String, String) throws -> Void,
        remove: @escaping @Sendable (String) throws -> Void,
        exists: @escaping @Sendable (String) -> Bool,
        list: @escaping @Sendable (String) -> [String]
    ) {
        self.createDirectory = createDirectory
        self.write = write
        self.move = move
        self.remove = remove
        self.exists = exists
        self.list = list
    }

    public static let local = FileSystem(
        createDirectory: { path in
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        },
        write: { data, path in
            guard FileManager.default.createFile(atPath: path, contents: data) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        },
        move: { from, to in try FileManager.default.moveItem(atPath: from, toPath: to) },
        remove: { path in try FileManager.default.removeItem(atPath: path) },
        exists: { path in FileManager.default.fileExists(atPath: path) },
        list: { directory in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] }
    )
}
