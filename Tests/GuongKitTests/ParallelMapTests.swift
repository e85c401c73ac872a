import Dispatch
import Foundation
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

/// `concurrently` runs its two pieces at once, and a `parallelMap` inside either still has every core: a
/// dispatch apply nested in another gets a share of the cores (on two, one), which once put the parsing of
/// every profile on one core.
@Suite("concurrently")
struct ConcurrentlyTests {
    @Test func returnsBothResults() {
        let (a, b) = concurrently({ (1...100).reduce(0, +) }, { "hai" })
        #expect(a == 5_050)
        #expect(b == "hai")
    }

    @Test("a parallelMap inside either piece runs on more than one thread while the other is done",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func nestedWorkUsesEveryCore() {
        // While the other piece is done at once, as the previous output's reading is beside the loading.
        #expect(concurrently({ Self.threadsUsed() }, { 0 }).0 > 1)
        #expect(concurrently({ 0 }, { Self.threadsUsed() }).1 > 1)
    }

    /// How many threads a `parallelMap` ran on whose first item waits (up to ten seconds) until another
    /// item has run: on one thread it waits in vain, on two the other thread lets it go at once.
    private static func threadsUsed() -> Int {
        let another = DispatchSemaphore(value: 0)
        let threads = Mutex(Set<UInt>())
        _ = Array(0..<8).parallelMap { item -> Int in
            threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            if item == 0 { _ = another.wait(timeout: .now() + 10) } else { another.signal() }
            return item
        }
        return threads.withLock { $0.count }
    }
}
