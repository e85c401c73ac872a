// Unsafe code: `Hasher.combine(bytes:)` takes a raw buffer.
import Foundation

extension Hasher {
    /// Every byte of `data`: `Data`'s own hash reads only its first bytes, so an edit further into a file
    /// (a line of site.yaml, the manifest's content id) would leave its signature unchanged.
    package mutating func combineBytes(of bytes: [UInt8]) {
        combine(bytes.count)
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    package mutating func combineBytes(of data: Data?) {
        guard let data else {
            combine(-1)
            return
        }
        combine(data.count)
        data.withUnsafeBytes { combine(bytes: $0) }
    }
}
