import Dispatch

/// Work spread over every core, results kept in input order (so output stays deterministic).
extension Array where Element: Sendable {
    package func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<Result>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let items = self
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(items[index]), at: index)
            }
        }
        return results.values
    }
}

/// Slots each written once, by one worker, before any is read; a raw buffer so workers never
/// contend on the array's exclusivity check.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    var values: [Value] { slots.map { $0! } }
}
