/// A compact byte encoding for caches on disk: integers as LEB128 varints (signed ones zig-zagged), byte
/// strings and strings with their length first. Written and read back by the same executable only (a
/// cache's key holds the executable's identity), so it needs no schema.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// Forgets the bytes written, keeping their storage for the next ones.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func add(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func add(_ value: Int) {
        let signed = Int64(value)
        add(UInt64(bitPattern: (signed << 1) ^ (signed >> 63)))
    }

    mutating func add(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func add(_ value: some Collection<UInt8>) {
        add(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func add(_ value: String) { add(value.utf8) }

    /// Bytes as they are, without their length (the caller wrote it).
    mutating func add(raw value: some Collection<UInt8>) { bytes.append(contentsOf: value) }

    /// An optional value: a flag, then the value when there is one.
    mutating func add<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        add(value != nil)
        if let value { write(&self, value) }
    }

    /// A count, then every element.
    mutating func add<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        add(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheWriter` wrote. Any read past the end, or a value out of range, throws: the caller drops
/// the whole cache, never trusts part of it.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var isAtEnd: Bool { offset == end }

    mutating func unsigned() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Malformed) -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func bool() throws(Malformed) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// The range of the next length-prefixed run of bytes.
    mutating func range() throws(Malformed) -> Range<Int> {
        let count = try unsigned()
        guard count <= UInt64(end - offset) else { throw Malformed() }
        let range = offset..<(offset + Int(count))
        offset = range.upperBound
        return range
    }

    mutating func byteArray() throws(Malformed) -> [UInt8] { Array(bytes[try range()]) }

    mutating func string() throws(Malformed) -> String { String(decoding: bytes[try range()], as: UTF8.self) }

    mutating func optional<T>(_ read: (inout CacheReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try unsigned()
        // Every element takes at least a byte: a count past what is left is corrupt, not a huge allocation.
        guard count <= UInt64(end - offset) else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
