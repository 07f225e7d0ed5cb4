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
/// The slots are one allocation made up front, written through a pointer. (An `Array` written from
/// several threads at once is not safe even at distinct indexes: `withUnsafeMutableBufferPointer`
/// checks uniqueness and moves the array's buffer out of `self` while it runs, so a concurrent call
/// can see an empty array and write past its end, corrupting the heap.)
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) {
        precondition(index >= 0 && index < count)
        slots[index] = result
    }

    func collect() -> [Result] {
        UnsafeBufferPointer(start: slots, count: count).compactMap { $0 }
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
