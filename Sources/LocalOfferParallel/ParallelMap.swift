import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores and returns the results in the original order, so the
    /// output is the same whatever the scheduling. `transform` must not share mutable state.
    ///
    /// ```swift
    /// let pages = services.parallelMap { render($0) }
    /// ```
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        if count < 2 { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        // Chunks keep scheduling overhead low when each element is cheap.
        let chunkCount = Swift.min(count, ProcessInfoCores.count * 4)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        self.withUnsafeBufferPointer { elements in
            let elements = UncheckedSendable(elements)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, elements.value.count)
                guard start < end else { return }
                for index in start..<end {
                    results.store(transform(elements.value[index]), at: index)
                }
            }
        }
        return results.collect()
    }
}

/// Each slot is written by exactly one task and read only after all have finished.
///
/// The slots are one allocation that never moves: storing through `Array.withUnsafeMutableBufferPointer`
/// from many threads was a mutating access of the same array from each of them, a data race
/// ThreadSanitizer reported on every parallel build.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) {
        slots[index] = result
    }

    func collect() -> [Result] {
        slots.compactMap { $0 }
    }
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc) || canImport(Darwin)
        return Swift.max(1, Int(sysconfCores()))
        #else
        return 1
        #endif
    }()
}

#if canImport(Glibc)
import Glibc
private func sysconfCores() -> Int { sysconf(Int32(_SC_NPROCESSORS_ONLN)) }
#elseif canImport(Darwin)
import Darwin
private func sysconfCores() -> Int { sysconf(_SC_NPROCESSORS_ONLN) }
#endif
