import Foundation
import LocalOfferDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder the build reads from (`content/`, a templates folder) that nothing read through it can leave.
///
/// Content comes from many hands, so a file in the folder may be a symbolic link to `/etc/passwd`,
/// a named pipe that would block a read forever, or a device. The rules:
/// - the folder itself may be a symbolic link: the user named it;
/// - inside it, a symbolic link is followed only when everything it resolves to stays inside the
///   folder (so `pages/send-faq.md → ../pages/faq.md` works); one that leads outside is refused with
///   a located error and never opened;
/// - only regular files are read: FIFOs, sockets and devices are refused without being opened for
///   reading, so none can hang the build;
/// - a file is read through one descriptor, opened without following a final symbolic link and checked
///   with `fstat` after opening, and never more than the limit is read from it.
///
/// ```swift
/// let folder = try ContainedFolder.open("content", role: "content").get()
/// let data = try folder.read(folder.path + "/site.yml", limit: 1 << 20).get()
/// ```
///
/// What this does not defend against is someone changing the folder *while* the build reads it
/// (replacing a checked folder by a link between the check and the open): the threat is content as
/// committed, not a concurrent attacker on the build machine.
public struct ContainedFolder: Sendable {
    /// The folder as the user named it: every diagnostic path starts with it.
    public let path: String
    /// The folder with every symbolic link resolved: what "inside" is measured against.
    public let resolvedPath: String
    /// "content" or "templates", for messages.
    public let role: String

    public enum Kind: Sendable, Equatable {
        case regularFile(bytes: Int)
        case directory
    }

    /// Nil with a diagnostic when the folder does not exist or is not a folder.
    public static func open(_ path: String, role: String) -> Result<ContainedFolder, Diagnostic> {
        guard let resolved = Self.realPath(path) else {
            return .failure(.error(.missingFile, "the \(role) folder '\(path)' does not exist", at: nil,
                                   hint: "run from the site's folder, or name it with --\(role) DIR"))
        }
        var status = stat()
        guard stat(resolved, &status) == 0, Self.isDirectory(status.st_mode) else {
            return .failure(.error(.missingFile, "'\(path)' is not a folder", at: nil,
                                   hint: "name the \(role) folder with --\(role) DIR"))
        }
        return .success(ContainedFolder(path: path, resolvedPath: resolved, role: role))
    }

    /// `folder.path + "/" + relative`, the way diagnostics name files.
    public func child(_ relative: String) -> String {
        path.hasSuffix("/") ? path + relative : path + "/" + relative
    }

    /// What is at `path` (a path under `self.path`): nil when nothing is there, a diagnostic when it
    /// must not be read (a link out of the folder, a dangling link, a FIFO, a socket or a device).
    public func inspect(_ path: String) -> Result<Kind, Diagnostic>? {
        var linkStatus = stat()
        guard lstat(path, &linkStatus) == 0 else { return nil }
        let isLink = Self.isSymbolicLink(linkStatus.st_mode)
        // Every component is resolved, not only the last: a folder on the way may be the link.
        guard let resolved = Self.realPath(path) else {
            return .failure(.error(
                .unreadableFile, "the symbolic link points to '\(Self.linkTarget(path) ?? "?")', which does not exist",
                at: SourceLocation(path: path), hint: "remove the link, or copy the file it meant into the \(role) folder"
            ))
        }
        guard resolved == resolvedPath || resolved.hasPrefix(resolvedPath.hasSuffix("/") ? resolvedPath : resolvedPath + "/") else {
            let what = isLink ? "the symbolic link points to '\(Self.linkTarget(path) ?? resolved)'" : "a folder on this path is a symbolic link to '\(resolved)'"
            return .failure(.error(
                .symbolicLinkOutside, "\(what), outside the \(role) folder; it is not read",
                at: SourceLocation(path: path),
                hint: "copy the file into the \(role) folder instead of linking to it; links that stay inside the folder are allowed"
            ))
        }
        var status = stat()
        guard stat(resolved, &status) == 0 else { return nil }
        if Self.isDirectory(status.st_mode) { return .success(.directory) }
        if Self.isRegularFile(status.st_mode) { return .success(.regularFile(bytes: Int(status.st_size))) }
        return .failure(.error(
            .notARegularFile, "this is \(Self.describe(status.st_mode)), not a regular file; it is not read",
            at: SourceLocation(path: path),
            hint: "only ordinary files are read from the \(role) folder; remove it or replace it with a file"
        ))
    }

    /// Whether the last component of `path` is a symbolic link (not followed).
    public static func isSymbolicLink(at path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && isSymbolicLink(status.st_mode)
    }

    /// The names in a folder under this one, sorted; empty when it cannot be listed.
    public func names(in folder: String) -> [String] {
        guard let resolved = Self.realPath(folder) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: resolved)) ?? []).sorted()
    }

    /// Every regular file under the folder, as sorted paths relative to it, and a diagnostic for each
    /// thing refused (links out of the folder, FIFOs, devices). Links inside the folder are followed,
    /// each real folder is listed once, so a link loop ends.
    public func regularFiles() -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        var visited: Set<String> = [resolvedPath]
        var pending: [String] = [""]
        while let relativeFolder = pending.popLast() {
            for name in names(in: relativeFolder.isEmpty ? path : child(relativeFolder)) {
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                let itemPath = child(relative)
                switch inspect(itemPath) {
                case nil: continue
                case .failure(let problem): problems.append(problem)
                case .success(.regularFile): files.append(relative)
                case .success(.directory):
                    if let real = Self.realPath(itemPath), visited.insert(real).inserted { pending.append(relative) }
                }
            }
        }
        return (files.sorted(), problems.sorted())
    }

    /// Reads a regular file inside the folder, at most `limit` bytes. Larger files are refused
    /// with `fileTooLarge` and never read whole.
    public func read(_ path: String, limit: Int) -> Result<Data, Diagnostic> {
        switch inspect(path) {
        case nil:
            return .failure(.error(.unreadableFile, "the file does not exist", at: SourceLocation(path: path)))
        case .failure(let problem):
            return .failure(problem)
        case .success(.directory):
            return .failure(.error(.unreadableFile, "this is a folder, not a file", at: SourceLocation(path: path),
                                   hint: "only files ending in .md directly inside the folder are entries"))
        case .success(.regularFile):
            break
        }
        guard let resolved = Self.realPath(path) else {
            return .failure(.error(.unreadableFile, "the file could not be read", at: SourceLocation(path: path)))
        }
        // O_NONBLOCK: should the file have been replaced by a FIFO since it was checked, open returns
        // at once instead of waiting for a writer; fstat below then refuses it.
        let descriptor = Glibc_open(resolved, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(.error(.unreadableFile, "the file could not be read (\(Self.errorText(errno)))", at: SourceLocation(path: path)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Self.isRegularFile(status.st_mode) else {
            return .failure(.error(.notARegularFile, "this is not a regular file; it is not read", at: SourceLocation(path: path)))
        }
        if Int(status.st_size) > limit {
            return .failure(tooLarge(path: path, bytes: Int(status.st_size), limit: limit))
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc_read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.error(.unreadableFile, "the file could not be read (\(Self.errorText(errno)))", at: SourceLocation(path: path)))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            // A file that grows while it is read is held to the same limit.
            if data.count > limit { return .failure(tooLarge(path: path, bytes: data.count, limit: limit)) }
        }
        return .success(data)
    }

    func tooLarge(path: String, bytes: Int, limit: Int) -> Diagnostic {
        .error(
            .fileTooLarge,
            "the file is \(ByteSize.describe(bytes)); a file in the \(role) folder may be at most \(ByteSize.describe(limit))",
            at: SourceLocation(path: path),
            hint: "split long information into several entries and link them, or link to a document published elsewhere"
        )
    }

    // MARK: - POSIX

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func type(_ mode: mode_t) -> mode_t { mode & mode_t(S_IFMT) }
    static func isDirectory(_ mode: mode_t) -> Bool { type(mode) == mode_t(S_IFDIR) }
    static func isRegularFile(_ mode: mode_t) -> Bool { type(mode) == mode_t(S_IFREG) }
    static func isSymbolicLink(_ mode: mode_t) -> Bool { type(mode) == mode_t(S_IFLNK) }

    static func describe(_ mode: mode_t) -> String {
        switch type(mode) {
        case mode_t(S_IFIFO): "a named pipe (FIFO)"
        case mode_t(S_IFSOCK): "a socket"
        case mode_t(S_IFCHR): "a character device"
        case mode_t(S_IFBLK): "a block device"
        default: "a special file"
        }
    }
}

// `open` and `read` are also names in Foundation's scope; these name the C functions plainly.
private func Glibc_open(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func Glibc_read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, buffer, count) }

/// Sizes as people read them: "900 bytes", "1 MiB", "20.3 MiB".
public enum ByteSize {
    public static func describe(_ bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(name)" : "\(rounded) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
