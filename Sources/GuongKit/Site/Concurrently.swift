import Dispatch
import Synchronization

/// Runs two pieces of work at the same time and returns both results: for serial stretches of a build that
/// need not wait for each other, so neither core idles while the other finishes its part.
package func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = Mutex<(A?, B?)>((nil, nil))
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 {
                    let value = first()
                    results.withLock { $0.0 = value }
                } else {
                    let value = second()
                    results.withLock { $0.1 = value }
                }
            }
        }
    }
    return results.withLock { ($0.0!, $0.1!) }
}
