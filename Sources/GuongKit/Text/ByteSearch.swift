// Unsafe code: memchr over a buffer of UTF-8, the one place the byte searches of the hot loops live.
import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` at or after `start`, found with `memchr`, or nil.
    @inlinable package func index(ofByte byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        return memchr(base + start, Int32(byte), count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
    }
}
