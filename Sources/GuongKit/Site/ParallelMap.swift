import Dispatch
import Synchronization

/// Work spread over every core, results kept in input order (so output stays deterministic).
extension Array where Element: Sendable {
    /// How many consecutive items a worker maps before it hands its results over: the lock is taken about
    /// `chunks` times whatever the count, and every core stays busy to the end.
    private static var chunks: Int { 256 }

    package func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let size = Swift.max(1, (count + Self.chunks - 1) / Self.chunks)
        let chunkCount = (count + size - 1) / size
        // Each chunk's results, put in its own slot by the one worker that mapped it.
        let results = Mutex([[Result]](repeating: [], count: chunkCount))
        withoutActuallyEscaping(transform) { transform in
            let items = self
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let mapped = items[chunk * size..<Swift.min(items.count, (chunk + 1) * size)].map(transform)
                results.withLock { $0[chunk] = mapped }
            }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
