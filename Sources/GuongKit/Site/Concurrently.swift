import Dispatch
import Synchronization

/// Runs two pieces of work at the same time and returns both results: for serial stretches of a build that
/// need not wait for each other, so neither core idles while the other finishes its part.
///
/// `second` runs on a thread of the global queue and `first` on the caller's, not both inside one
/// `DispatchQueue.concurrentPerform`: libdispatch gives an apply nested in another a share of the cores
/// (their number divided by the outer apply's width), so a `parallelMap` inside either piece ran on one core.
package func concurrently<A: Sendable, B: Sendable>(_ first: () -> A, _ second: @Sendable () -> B) -> (A, B) {
    withoutActuallyEscaping(second) { second in
        let other = SecondPiece(second)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            other.run()
            done.signal()
        }
        let value = first()
        done.wait()
        return (value, other.take())
    }
}

/// The other thread's piece of work and then its result. The closure is dropped before the caller is
/// signalled, so `withoutActuallyEscaping` finds it unreferenced when `concurrently` returns.
private final class SecondPiece<B: Sendable>: Sendable {
    private let state: Mutex<(work: (@Sendable () -> B)?, result: B?)>

    init(_ work: @escaping @Sendable () -> B) {
        state = Mutex((work, nil))
    }

    func run() {
        let value: B
        do {
            guard let work = state.withLock({ $0.work.take() }) else { return }
            value = work()
        }
        state.withLock { $0.result = value }
    }

    func take() -> B {
        state.withLock { $0.result! }
    }
}
