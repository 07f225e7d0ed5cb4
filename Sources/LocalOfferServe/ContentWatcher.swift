import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Calls back when anything under the watched folders changes: saved, created, deleted or renamed,
/// with the paths that changed (each watched folder joined with the path under it), so that only
/// what they touch is rebuilt. On Linux it asks the kernel (inotify) so an idle preview costs
/// nothing; elsewhere it compares the folders' file sizes and times a few times a second. Changes
/// arriving together (an editor saving through a temporary file) are reported once, after `settle`.
final class ContentWatcher: @unchecked Sendable {
    /// What changed: the paths, or nil when they are not known (the kernel's queue overflowed) and
    /// everything must be read again.
    typealias Changes = Set<String>?

    private let folders: [String]
    private let settle: Duration
    private let onChange: @Sendable (Changes) -> Void
    private var thread: Thread?
    private let state = NSLock()
    private var stopped = false

    init(folders: [String], settle: Duration = .milliseconds(30), onChange: @escaping @Sendable (Changes) -> Void) {
        self.folders = folders.filter { FileManager.default.fileExists(atPath: $0) }
        self.settle = settle
        self.onChange = onChange
    }

    /// Starts watching. The folders are watched when this returns (the kernel's watches are in
    /// place, or the polling's first picture is taken), so a file saved after it is never missed.
    func start() {
        #if canImport(Glibc)
        let inotify = InotifyWatches(folders: folders)
        #endif
        let firstPicture: [String: Double]?
        #if canImport(Glibc)
        firstPicture = inotify == nil ? signature() : nil
        #else
        firstPicture = signature()
        #endif
        let thread = Thread { [self] in
            #if canImport(Glibc)
            if let inotify { watch(with: inotify); return }
            #endif
            watchByPolling(from: firstPicture ?? [:])
        }
        thread.name = "localoffer content watcher"
        self.thread = thread
        thread.start()
    }

    func stop() {
        state.withLock { stopped = true }
    }

    private var isStopped: Bool { state.withLock { stopped } }

    private func settleThenReport(_ changes: Changes, beforeReporting drain: () -> Changes = { [] }) {
        let nanoseconds = settle.components.attoseconds / 1_000_000_000 + settle.components.seconds * 1_000_000_000
        if nanoseconds > 0 { usleep(useconds_t(nanoseconds / 1000)) }
        let more = drain()
        if let changes, let more { onChange(changes.union(more)) } else { onChange(nil) }
    }

    #if canImport(Glibc)
    /// The kernel's watches on every folder under the watched ones; nil when inotify is unavailable.
    final class InotifyWatches: @unchecked Sendable {
        let descriptor: Int32
        var watched: [Int32: String] = [:]
        static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

        init?(folders: [String]) {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            for folder in folders { watch(folder) }
        }

        deinit { close(descriptor) }

        func watch(_ folder: String) {
            let handle = inotify_add_watch(descriptor, folder, Self.mask)
            if handle >= 0 { watched[handle] = folder }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                var isFolder: ObjCBool = false
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { watch(path) }
            }
        }
    }

    private func watch(with inotify: InotifyWatches) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var poller = pollfd(fd: inotify.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let (changed, paths) = readEvents(inotify, into: &buffer)
            if changed {
                // What arrives while settling is part of the same save, so it is read before the
                // rebuild; what arrives during the rebuild stays queued and brings another one.
                settleThenReport(paths) { readEvents(inotify, into: &buffer).paths }
            }
        }
    }

    /// Reads every queued event, watches folders that were made, and says whether content changed
    /// and which paths did (editors' swap files included: they do not bring a rebuild by themselves,
    /// but what is read again must be all that changed).
    private func readEvents(_ inotify: InotifyWatches, into buffer: inout [UInt8]) -> (changed: Bool, paths: Changes) {
        var changed = false
        var paths: Changes = []
        var newFolders: [String] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify.descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                // Editors' swap and backup files are not content.
                if !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp")) { changed = true }
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed = true
                    paths = nil
                } else if let folder = inotify.watched[event.wd] {
                    paths?.insert(name.isEmpty ? folder : folder + "/" + name)
                } else {
                    paths = nil
                }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let parent = inotify.watched[event.wd] {
                    newFolders.append(parent + "/" + name)
                }
                offset = nameStart + Int(event.len)
            }
        }
        for folder in newFolders { inotify.watch(folder) }
        return (changed, paths)
    }
    #endif

    private func watchByPolling(from picture: [String: Double]) {
        var last = picture
        while !isStopped {
            usleep(250_000)
            guard signature() != last else { continue }
            var now: [String: Double] = [:]
            // The pictures are compared after settling; what changes during the rebuild is in the next one.
            settleThenReport([]) {
                now = signature()
                return Set(Set(now.keys).union(last.keys).filter { now[$0] != last[$0] })
            }
            last = now
        }
    }

    private func signature() -> [String: Double] {
        var result: [String: Double] = [:]
        for folder in folders {
            for relative in FileManager.default.subpaths(atPath: folder) ?? [] {
                let path = folder + "/" + relative
                if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
                    let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    let size = Double((attributes[.size] as? NSNumber)?.intValue ?? 0)
                    result[path] = time * 1_000_003 + size
                }
            }
        }
        return result
    }
}
