import FlyingFox
import FlyingSocks
import Foundation

/// Server-sent events to every open page: `reload` after each rebuild. Each browser holds one
/// `/__localoffer/events` request open; the events are written to it as they happen.
actor ReloadEvents {
    private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    /// The body of one `text/event-stream` response: it ends when the browser goes away.
    func subscribe() -> EventStreamBody {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        // Browsers reconnect by themselves; 500 ms keeps the preview live after the server restarts.
        continuation.yield(Array("retry: 500\nevent: ready\ndata: ok\n\n".utf8))
        return EventStreamBody(stream: stream)
    }

    func send(_ event: String, data: String = "now") {
        let bytes = Array("event: \(event)\ndata: \(data)\n\n".utf8)
        for listener in listeners.values { listener.yield(bytes) }
    }

    var count: Int { listeners.count }

    func finishAll() {
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }
}

/// Event bytes as FlyingFox's response body wants them: a buffered async sequence of bytes.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = (await base.next() ?? [])[...] }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }
}
