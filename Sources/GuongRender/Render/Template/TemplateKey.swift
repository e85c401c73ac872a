// Unsafe code: a name's UTF-8 hashed in place (every value a page sets makes a key).
import GuongKit

/// A name a template looks up, with its hash made once: templates look names up hundreds of times a page,
/// and Swift's `String` hashing (seeded SipHash, per lookup) was most of the cost of a lookup.
struct TemplateKey: Sendable {
    let name: String
    /// 64-bit FNV-1a of the name's UTF-8: what objects sort their values by, and what a fingerprint adds for
    /// the name (the names are the renderers' own, a few hundred, whose hashes do not collide: a test checks).
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        // Over the UTF-8 in place: stepping through `name.utf8` cost several times as much (pages make thousands
        // of keys, one per value they set).
        hash = name.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
            return hash
        }
    }
}
