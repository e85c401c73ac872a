import Dispatch
import Synchronization

/// A value made on another thread while the caller goes on: reading `value` waits until it is ready. For
/// work that only the end of a build needs (the search index), so it fills the cores' idle moments while the
/// pages render instead of holding them up.
package final class Deferred<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let ready = DispatchGroup()

    /// Starts `make` now, on another thread.
    package init(_ make: @escaping @Sendable () -> Value) {
        ready.enter()
        DispatchQueue.global().async {
            let value = make()
            self.result.withLock { $0 = value }
            self.ready.leave()
        }
    }

    /// A value that is ready already.
    package init(ready value: Value) {
        result.withLock { $0 = value }
    }

    /// The value, once made.
    package var value: Value {
        ready.wait()
        return result.withLock { $0! }
    }
}
