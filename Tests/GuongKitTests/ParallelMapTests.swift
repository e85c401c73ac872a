import Synchronization
import Testing
@testable import GuongKit

/// `parallelMap` spreads work over every core in chunks and must give exactly `map`'s result.
@Suite("parallelMap")
struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 255, 256, 257, 1_000, 10_001])
    func keepsTheOrderAndMapsEachItemOnce(count: Int) {
        let items = Array(0..<count)
        let calls = Mutex(0)
        let mapped = items.parallelMap { item -> String in
            calls.withLock { $0 += 1 }
            return "#\(item)"
        }
        #expect(mapped == items.map { "#\($0)" })
        #expect(calls.withLock { $0 } == count)
    }
}
