import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Calls back when anything under the watched folders changes: saved, created, deleted or renamed.
/// On Linux it asks the kernel (inotify) so an idle preview costs nothing; elsewhere it compares the
/// folders' file sizes and times a few times a second. Changes arriving together (an editor saving
/// through a temporary file) are reported once, after `settle`.
final class ContentWatcher: @unchecked Sendable {
    private let folders: [String]
    private let settle: Duration
    private let onChange: @Sendable () -> Void
    private var thread: Thread?
    private let state = NSLock()
    private var stopped = false

    init(folders: [String], settle: Duration = .milliseconds(30), onChange: @escaping @Sendable () -> Void) {
        self.folders = folders.filter { FileManager.default.fileExists(atPath: $0) }
        self.settle = settle
        self.onChange = onChange
    }

    func start() {
        let thread = Thread { [self] in
            #if canImport(Glibc)
            if watchWithInotify() { return }
            #endif
            watchByPolling()
        }
        thread.name = "localoffer content watcher"
        self.thread = thread
        thread.start()
    }

    func stop() {
        state.withLock { stopped = true }
    }

    private var isStopped: Bool { state.withLock { stopped } }

    private func settleThenReport() {
        let nanoseconds = settle.components.attoseconds / 1_000_000_000 + settle.components.seconds * 1_000_000_000
        if nanoseconds > 0 { usleep(useconds_t(nanoseconds / 1000)) }
        onChange()
    }

    #if canImport(Glibc)
    /// Returns false when inotify is unavailable, so the caller polls instead.
    private func watchWithInotify() -> Bool {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        var watched: [Int32: String] = [:]
        func watch(_ folder: String) {
            let handle = inotify_add_watch(descriptor, folder, mask)
            if handle >= 0 { watched[handle] = folder }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                var isFolder: ObjCBool = false
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { watch(path) }
            }
        }
        for folder in folders { watch(folder) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            var changed = false
            var newFolders: [String] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    // Editors' swap and backup files are not content.
                    if !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp")) { changed = true }
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                       let parent = watched[event.wd] {
                        newFolders.append(parent + "/" + name)
                    }
                    offset = nameStart + Int(event.len)
                }
            }
            for folder in newFolders { watch(folder) }
            if changed {
                settleThenReport()
                // Drain what arrived while settling: it is part of the same save.
                while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
            }
        }
        return true
    }
    #endif

    private func watchByPolling() {
        var last = signature()
        while !isStopped {
            usleep(250_000)
            let now = signature()
            if now != last {
                last = now
                settleThenReport()
                last = signature()
            }
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
