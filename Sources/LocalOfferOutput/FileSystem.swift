import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations publishing needs, as a struct of closures: `.local` does real disk access;
/// tests substitute failing operations to prove that a failed build leaves the old site untouched.
public struct FileSystem: Sendable {
    /// Creates a folder and any missing parents; succeeds when it exists.
    public var createDirectory: @Sendable (_ path: String) throws -> Void
    public var write: @Sendable (_ bytes: UnsafeRawBufferPointer, _ path: String) throws -> Void
    /// Makes `to` another name for the file at `from` (a hard link): no bytes are copied or rewritten.
    public var link: @Sendable (_ from: String, _ to: String) throws -> Void
    public var move: @Sendable (_ from: String, _ to: String) throws -> Void
    public var remove: @Sendable (_ path: String) throws -> Void
    public var exists: @Sendable (_ path: String) -> Bool
    public var list: @Sendable (_ directory: String) -> [String]
    /// A folder's entries, each marked whether it is a folder; a symbolic link is never a folder
    /// here, so a walk that removes what it finds never follows one out of the site.
    public var entries: @Sendable (_ directory: String) -> [(name: String, isDirectory: Bool)]
    public var read: @Sendable (_ path: String) -> Data?
    /// The size of a regular file, or nil (also for a symbolic link: it is not followed).
    public var size: @Sendable (_ path: String) -> Int?
    /// Whether the path is a folder itself, not a symbolic link to one.
    public var isDirectory: @Sendable (_ path: String) -> Bool
    /// Swaps two existing paths in one step (Linux `renameat2(RENAME_EXCHANGE)`), so that no moment
    /// passes with neither in place. Throws `POSIXFailure` with ENOSYS, EINVAL or EOPNOTSUPP where
    /// the system or the file system cannot (the caller then falls back to two renames).
    public var exchange: @Sendable (_ first: String, _ second: String) throws -> Void

    public init(
        createDirectory: @escaping @Sendable (String) throws -> Void,
        write: @escaping @Sendable (UnsafeRawBufferPointer, String) throws -> Void,
        link: @escaping @Sendable (String, String) throws -> Void,
        move: @escaping @Sendable (String, String) throws -> Void,
        remove: @escaping @Sendable (String) throws -> Void,
        exists: @escaping @Sendable (String) -> Bool,
        list: @escaping @Sendable (String) -> [String],
        read: @escaping @Sendable (String) -> Data?,
        size: @escaping @Sendable (String) -> Int?,
        exchange: @escaping @Sendable (String, String) throws -> Void = { first, _ in
            throw POSIXFailure(operation: "exchange", path: first, code: ENOSYS)
        },
        entries: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)] = FileSystem.directoryEntries,
        isDirectory: @escaping @Sendable (String) -> Bool = { path in
            var status = stat()
            return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        }
    ) {
        self.createDirectory = createDirectory
        self.write = write
        self.link = link
        self.move = move
        self.remove = remove
        self.exists = exists
        self.list = list
        self.read = read
        self.size = size
        self.exchange = exchange
        self.entries = entries
        self.isDirectory = isDirectory
    }

    /// `readdir`, with `lstat` where the file system does not say an entry's type.
    public static let directoryEntries: @Sendable (String) -> [(name: String, isDirectory: Bool)] = { directory in
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var found: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var status = stat()
                isDirectory = lstat(directory + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            }
            found.append((name, isDirectory))
        }
        return found
    }

    public static let local = FileSystem(
        createDirectory: { path in
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        },
        write: { bytes, path in
            // Plain POSIX: FileManager's atomic write adds a temporary file and a sync per file,
            // which the staging folder makes unnecessary.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXFailure(operation: "write", path: path) }
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { break }
                let written = systemWrite(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXFailure(operation: "write", path: path)
                }
                offset += written
            }
        },
        link: { from, to in
            guard systemLink(from, to) == 0 else { throw POSIXFailure(operation: "link", path: to) }
        },
        move: { from, to in try FileManager.default.moveItem(atPath: from, toPath: to) },
        remove: { path in try FileManager.default.removeItem(atPath: path) },
        exists: { path in FileManager.default.fileExists(atPath: path) },
        list: { directory in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] },
        read: { path in FileManager.default.contents(atPath: path) },
        size: { path in
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(status.st_size)
        },
        exchange: { first, second in
            try AtomicExchange.exchange(first, second)
        }
    )
}

/// `renameat2(…, RENAME_EXCHANGE)`: glibc has it since 2.28 and Linux since 3.15, but Swift's Glibc
/// module does not declare it (it is a GNU extension), so it is looked up by name at run time.
/// Elsewhere (macOS, musl without it, old kernels, file systems that cannot) it reports ENOSYS or
/// EINVAL, and publishing falls back to two renames.
enum AtomicExchange {
    static let renameExchange: UInt32 = 1 << 1

    #if canImport(Glibc)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif

    static func exchange(_ first: String, _ second: String) throws {
        #if canImport(Glibc)
        guard let renameat2 else { throw POSIXFailure(operation: "exchange", path: first, code: ENOSYS) }
        guard renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 else {
            throw POSIXFailure(operation: "exchange \(first) with", path: second)
        }
        #else
        throw POSIXFailure(operation: "exchange", path: first, code: ENOSYS)
        #endif
    }

    /// The errors that mean "not possible here", as opposed to "went wrong".
    static func isUnsupported(_ error: any Error) -> Bool {
        guard let failure = error as? POSIXFailure else { return false }
        return [ENOSYS, EINVAL, EOPNOTSUPP, ENOTSUP, EXDEV].contains(failure.code)
    }
}

/// A failed system call, with what failed and why in words.
public struct POSIXFailure: Error, LocalizedError, Sendable {
    public let operation: String
    public let path: String
    public let code: Int32

    public init(operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var errorDescription: String? {
        "\(operation) \(path): \(String(cString: strerror(code)))"
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemLink = Glibc.link
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemLink = Darwin.link
#endif
