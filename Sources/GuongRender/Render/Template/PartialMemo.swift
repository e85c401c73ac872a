import Foundation
import GuongKit
import Synchronization

/// Partials rendered once per object for a whole build. A profile's card appears on its unit's pages, its
/// fields', years' and kind's listings and beside six other profiles — about ten times a build — and rendering
/// it each time touched the same scattered strings and objects again (its share of rendering is in
/// docs/performance.md). Objects marked with a `memoKey` (unique among the objects rendered with one memo) may be
/// memoized: the first time a partial is shown with one on top of the stack, its output is kept if every name
/// it looked up was found at or above that object, or at the root under one of `constantRootNames` (names the
/// caller guarantees are the same in every root, such as the UI strings). Anything else — a name found in a
/// page's own values, or missing, which a page might have — makes the output depend on the page, and that
/// partial is rendered every time for that object. Output is therefore exactly what rendering it would give.
final class PartialMemo: Sendable {
    enum Entry: Sendable {
        case output([UInt8])
        /// The partial looked up something the page may decide: render it every time.
        case refused
    }

    private struct Key: Hashable {
        /// The partial's index among the compiled templates.
        var partial: Int
        var object: Int
    }

    let constantRootNames: Set<String>
    private let entries = Mutex<[Key: Entry]>([:])

    init(constantRootNames: Set<String>) {
        self.constantRootNames = constantRootNames
    }

    func entry(partial: Int, object: Int) -> Entry? {
        entries.withLock { $0[Key(partial: partial, object: object)] }
    }

    /// How many outputs are kept, and how many partials were refused.
    var counts: (kept: Int, refused: Int) {
        entries.withLock {
            $0.values.reduce(into: (0, 0)) { counts, entry in
                if case .output = entry { counts.0 += 1 } else { counts.1 += 1 }
            }
        }
    }

    func store(_ entry: Entry, partial: Int, object: Int) {
        entries.withLock { $0[Key(partial: partial, object: object)] = entry }
    }
}
