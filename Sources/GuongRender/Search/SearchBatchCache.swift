// Unsafe code: the cache file's fixed-width numbers are loaded from its bytes in place (read at every rebuild), and
// written from the arrays' memory whole (a first build writes millions).
import Foundation
import GuongKit
import Synchronization

/// The search index's batches kept across builds (`.guong-cache/search`, beside the parse cache): what
/// reading a batch of documents found — its word forms and their postings — under a fingerprint of
/// everything the reading looked at (the executable, the batch's ids and every text of its documents, in
/// order). A rebuild after an edit then reads again only the batch that holds the edited profile; the
/// others come from the file. Documents are batched by their place in id order, so a profile added or
/// removed shifts the batches after it, which are read again (the index is then as a clean build's).
///
/// The file holds exactly the batches of the last build, a record each with its own checksum; it is dropped
/// whole when any record cannot be read back, and rewritten only when a batch was read. Safe to delete.
package final class SearchBatchCache: Sendable {
    private let location: URL
    /// The last build's batches, this build's, how many this build read, and whether it was saved (then both
    /// are emptied, freeing them before the index's files are made).
    private let state: Mutex<(previous: [Fingerprint: SearchPostings.Grouped], current: [Fingerprint: SearchPostings.Grouped],
                              read: Int, saved: Bool)>

    static let magic = Array("GUONG-SEARCH-2\n".utf8)
    /// A file that is not one `encode` wrote whole.
    struct Malformed: Error {}
    /// The largest cache file read (ten thousand profiles take about 10 MB, fifty thousand 64 MB).
    static let maximumBytes = 256 << 20

    /// The cache of the site at `siteRoot`, read now.
    package init(siteRoot: URL) {
        location = siteRoot.appendingPathComponent(".guong-cache/search", isDirectory: false)
        var previous: [Fingerprint: SearchPostings.Grouped] = [:]
        if case .read(let file) = FileBytes.read(location.path, limit: Self.maximumBytes), let batches = try? Self.decode(file) {
            previous = batches
        }
        state = Mutex((previous, [:], 0, false))
    }

    /// The batch kept under `key`, if the last build had it; it is kept for the next one too.
    func batch(_ key: Fingerprint) -> SearchPostings.Grouped? {
        state.withLock { state in
            guard let found = state.previous[key] else { return nil }
            state.current[key] = found
            return found
        }
    }

    /// Keeps a batch just read.
    func keep(_ batch: SearchPostings.Grouped, as key: Fingerprint) {
        state.withLock {
            $0.current[key] = batch
            $0.read += 1
        }
    }

    /// How many batches this build read rather than found.
    var batchesRead: Int { state.withLock { $0.read } }

    /// Writes this build's batches if any was read or one of the last build's is no longer used (a new file
    /// renamed over the old, a batch at a time); a cache that cannot be written is only a slower next build.
    /// Called once the batches are merged; later calls do nothing.
    package func save() {
        let (batches, changed) = state.withLock { state in
            defer { state = ([:], [:], state.read, true) }
            return state.saved ? ([:], false) : (state.current, state.read > 0 || state.current.count != state.previous.count)
        }
        guard changed else { return }
        CacheFile.replace(location) { handle in
            try handle.write(contentsOf: Self.magic)
            var written = Self.magic.count
            for (key, batch) in batches.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
                let record = Self.encode(batch, key: key)
                written += record.count
                guard written <= Self.maximumBytes else { throw CocoaError(.fileWriteOutOfSpace) }
                try handle.write(contentsOf: record)
            }
        }
    }

    /// The key of a batch: the executable, then each document's id and its texts by place.
    static func key(ids: ArraySlice<Int>, texts: [[(place: SearchDocument.Place, texts: [String])]]) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(ExecutableIdentity.fingerprint)
        for (id, places) in zip(ids, texts) {
            hasher.add(id)
            for (place, texts) in places {
                hasher.add(place.rawValue)
                hasher.add(texts.count)
                for text in texts { hasher.add(text) }
            }
        }
        return hasher.finalize()
    }

    /// One batch's record: its key, its sizes, its arrays as little-endian fixed-width numbers, and a
    /// checksum over all of that.
    static func encode(_ batch: SearchPostings.Grouped, key: Fingerprint) -> [UInt8] {
        var writer = RawWriter(bytes: [])
        writer.bytes.reserveCapacity(48 + batch.formBytes.count + batch.formStarts.count * 20 + batch.values.count * 4 + 16)
        writer.add(key.high)
        writer.add(key.low)
        writer.add(UInt64(batch.formStarts.count))
        writer.add(UInt64(batch.formBytes.count))
        writer.add(UInt64(batch.values.count))
        writer.bytes += batch.formBytes
        writer.add(batch.formStarts.map { UInt32($0) })
        writer.add(batch.formCounts.map { UInt32($0) })
        writer.add(batch.formHashes)
        writer.add(batch.starts.map { UInt32($0) })
        writer.add(batch.values)  // an Int32's bytes are its bit pattern's as a UInt32
        var checksum = FingerprintHasher()
        checksum.add(writer.bytes)
        let sum = checksum.finalize()
        writer.add(sum.high)
        writer.add(sum.low)
        return writer.bytes
    }

    /// The batches of a file `save` wrote: the magic, then records to the end, each checked against its
    /// checksum and for the bounds the merge relies on.
    static func decode(_ file: [UInt8]) throws(Malformed) -> [Fingerprint: SearchPostings.Grouped] {
        guard file.starts(with: magic) else { throw Malformed() }
        return try file.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<[Fingerprint: SearchPostings.Grouped], Malformed> in
            Result { () throws(Malformed) in try read(raw) }
        }.get()
    }

    private static func read(_ raw: UnsafeRawBufferPointer) throws(Malformed) -> [Fingerprint: SearchPostings.Grouped] {
        var reader = RawReader(raw: raw, offset: magic.count, end: raw.count)
        var batches: [Fingerprint: SearchPostings.Grouped] = [:]
        while reader.offset < reader.end {
            let start = reader.offset
            let key = Fingerprint(high: try reader.word(), low: try reader.word())
            let forms = try reader.count(of: 20), byteCount = try reader.count(of: 1), values = try reader.count(of: 4)
            let batch = SearchPostings.Grouped(
                formBytes: try reader.bytes(byteCount),
                formStarts: try reader.array(forms, width: 4) { Int($0.load32()) },
                formCounts: try reader.array(forms, width: 4) { Int($0.load32()) },
                formHashes: try reader.array(forms, width: 8) { $0.load64() },
                starts: try reader.array(forms + 1, width: 4) { Int($0.load32()) },
                values: try reader.array(values, width: 4) { Int32(bitPattern: $0.load32()) })
            var checksum = FingerprintHasher()
            checksum.add(UnsafeRawBufferPointer(rebasing: raw[start..<reader.offset]))
            guard checksum.finalize() == Fingerprint(high: try reader.word(), low: try reader.word()), batch.isWellFormed,
                  batches.updateValue(batch, forKey: key) == nil else { throw Malformed() }
        }
        return batches
    }
}

/// Little-endian fixed-width numbers appended to bytes.
private struct RawWriter {
    var bytes: [UInt8]

    mutating func add(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Each number little-endian, as `add` writes a `UInt64`: on a little-endian machine, the array's memory as it is.
    mutating func add<Number: FixedWidthInteger>(_ numbers: [Number]) {
        #if _endian(little)
        numbers.withUnsafeBytes { bytes += $0 }
        #else
        for number in numbers { withUnsafeBytes(of: number.littleEndian) { bytes += $0 } }
        #endif
    }
}

/// Reads what `RawWriter` wrote, every read checked against the end.
private struct RawReader {
    typealias Malformed = SearchBatchCache.Malformed

    let raw: UnsafeRawBufferPointer
    var offset: Int
    let end: Int

    func load64(at position: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }

    mutating func load64() -> UInt64 {
        defer { offset += 8 }
        return load64(at: offset)
    }

    mutating func load32() -> UInt32 {
        defer { offset += 4 }
        return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func word() throws(Malformed) -> UInt64 {
        guard end - offset >= 8 else { throw Malformed() }
        return load64()
    }

    /// A count of things that take at least `size` bytes each: one past what is left is corrupt.
    mutating func count(of size: Int) throws(Malformed) -> Int {
        let value = try word()
        guard value <= UInt64(end - offset) / UInt64(size) else { throw Malformed() }
        return Int(value)
    }

    mutating func bytes(_ count: Int) throws(Malformed) -> [UInt8] {
        guard end - offset >= count else { throw Malformed() }
        defer { offset += count }
        return Array(raw[offset..<offset + count])
    }

    /// `count` values of `width` bytes, each read by `read` (which reads exactly `width` bytes).
    mutating func array<T>(_ count: Int, width: Int, _ read: (inout RawReader) -> T) throws(Malformed) -> [T] {
        guard count <= (end - offset) / width else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(read(&self)) }
        return values
    }
}
