// Unsafe code: a fingerprint reads its bytes eight at a time from the raw buffer of an array or a string.
/// 128 bits that stand for some content: two builds that give a page the same fingerprint give it the same
/// bytes. Stable across processes and machines (unlike `Hasher`, seeded per process), so a build can compare
/// with the fingerprints the previous build left. Not cryptographic: a school that made two of its own texts
/// collide would at worst keep its own old page (docs/security.md).
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// 32 hexadecimal digits.
    public var description: String { Self.hex(high) + Self.hex(low) }

    /// The fingerprint `description` wrote, or nil.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.dropFirst(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of `bytes`.
    public static func of(_ bytes: [UInt8]) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(bytes)
        return hasher.finalize()
    }
}

/// Makes a `Fingerprint` from a sequence of values, eight bytes at a time in two lanes (32 at a time in four
/// for long values).
/// Every `add` is length-delimited, so `("ab", "c")` and `("a", "bc")` differ.
public struct FingerprintHasher: Sendable {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var count: UInt64 = 0

    public init() {}

    public init(seed: Fingerprint) {
        add(seed)
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* 0x9E37_79B9_7F4A_7C15)
        a = (a << 29) | (a >> 35)
        b = ((b &+ word) &* 0xC2B2_AE3D_27D4_EB4F)
        b = ((b << 31) | (b >> 33)) ^ a
        count &+= 1
    }

    public mutating func add(_ value: UInt64) { mix(value) }
    public mutating func add(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }
    public mutating func add(_ value: Bool) { mix(value ? 0x9E : 0x5A) }

    public mutating func add(_ fingerprint: Fingerprint) {
        mix(fingerprint.high)
        mix(fingerprint.low)
    }

    public mutating func add(_ text: String) {
        text.withUTF8Bytes { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let end = bytes.count
        if end >= 32 {
            // Long values (a page, a body) 32 bytes at a time in four independent lanes, which the processor
            // runs side by side (xxHash64's round); the lanes then go through `mix` like any word.
            var lanes = (a &+ 0x60EA_27EE_ADC0_B5D6, b &+ 0xC2B2_AE3D_27D4_EB4F, a ^ b, b &- 0x9E37_79B9_7F4A_7C15)
            @inline(__always) func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
                let sum = lane &+ word &* 0xC2B2_AE3D_27D4_EB4F
                return ((sum << 31) | (sum >> 33)) &* 0x9E37_79B9_7F4A_7C15
            }
            while offset + 32 <= end {
                lanes.0 = round(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = round(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = round(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = round(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            mix(lanes.0)
            mix(lanes.1)
            mix(lanes.2)
            mix(lanes.3)
        }
        while offset + 8 <= end {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        // The last 1–7 bytes, the first in the lowest byte: one load ending at the value's end when the value
        // has 8 bytes or more, shifted down, instead of a byte at a time.
        var tail: UInt64 = 0
        let remaining = end - offset
        if remaining > 0 {
            if end >= 8 {
                tail = bytes.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) >> UInt64(8 * (8 - remaining))
            } else {
                withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) }
            }
        }
        // The length closes the value, so neighbouring values cannot run into each other.
        mix(tail)
        mix(UInt64(end))
    }

    public func finalize() -> Fingerprint {
        func avalanche(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x = x &* 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x = x &* 0xC4CE_B9FE_1A85_EC53
            return x ^ (x >> 33)
        }
        let high = avalanche(a ^ count)
        return Fingerprint(high: high, low: avalanche(b ^ high))
    }
}
