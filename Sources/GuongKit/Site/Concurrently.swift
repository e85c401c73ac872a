/// Runs two pieces of work at the same time and returns both results: for serial stretches of a build that
/// need not wait for each other, so neither core idles while the other finishes its part.
///
/// `second` runs on another thread (`Deferred`) and `first` on the caller's, not both inside one
/// `DispatchQueue.concurrentPerform`: libdispatch gives an apply nested in another a share of the cores
/// (their number divided by the outer apply's width), so a `parallelMap` inside either piece ran on one core.
package func concurrently<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let other = Deferred(second)
    return (first(), other.value)
}
