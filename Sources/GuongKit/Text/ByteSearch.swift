// Unsafe code: memchr over a buffer of UTF-8, the one place the byte searches of the hot loops live; a string's
// UTF-8 handed out where it lies.
import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first `byte` at or after `start`, found with `memchr`, or nil.
    @inlinable package func index(ofByte byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        return memchr(base + start, Int32(byte), count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 where it lies: a native string's storage, without the mutable copy
    /// `withUTF8` needs (a retain and a release, on the hot paths that read every value of a page); a bridged
    /// string is made contiguous first.
    @inlinable package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = self
        return try contiguous.withUTF8(body)
    }
}
