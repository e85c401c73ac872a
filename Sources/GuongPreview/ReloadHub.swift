import Foundation
import Synchronization
import GuongKit
import GuongRender

/// The open pages' event streams: every page subscribes, every rebuild is broadcast to all of them.
final class ReloadHub: Sendable {
    private struct Clients {
        var streams: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let clients = Mutex(Clients())

    /// A stream of Server-Sent Events messages; already finished once the server is stopping.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(16))
        let id: Int? = clients.withLock { clients in
            guard !clients.closed else { return nil }
            clients.nextID += 1
            clients.streams[clients.nextID] = continuation
            return clients.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.clients.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    var clientCount: Int { clients.withLock { $0.streams.count } }

    func broadcast(_ message: String) {
        let targets = clients.withLock { Array($0.streams.values) }
        for client in targets { client.yield(message) }
    }

    /// Ends every stream, so the server can stop without waiting for open pages.
    func close() {
        let targets = clients.withLock { clients in
            clients.closed = true
            let all = Array(clients.streams.values)
            clients.streams = [:]
            return all
        }
        for client in targets { client.finish() }
    }

    /// The `state` event for a store state.
    static func message(_ state: PageStore.State) -> String {
        struct Payload: Encodable {
            var version: String, previous: String, changed: [String]?, builtAt: Int, hasSite: Bool, problems: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = Payload(version: state.version, previous: state.previous, changed: state.changed, builtAt: state.builtAt,
                              hasSite: state.hasSite, problems: state.problems)
        let json = (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: state\ndata: \(json)\n\n"
    }

    /// A comment line that keeps idle connections open and finds the closed ones.
    static let keepAlive = ": ping\n\n"
}
