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
/// The file holds exactly the batches of the last build; it is dropped whole when it cannot be read back,
/// and rewritten only when a batch was read. Safe to delete.
package final class SearchBatchCache: Sendable {
    private let location: URL
    private let previous: [Fingerprint: SearchPostings.Grouped]
    private let current = Mutex<(batches: [Fingerprint: SearchPostings.Grouped], read: Int)>(([:], 0))

    static let magic = Array("GUONG-SEARCH-1\n".utf8)
    /// The largest cache file read (ten thousand profiles take about 20 MB).
    static let maximumBytes = 256 << 20

    /// The cache of the site at `siteRoot`, read now.
    package init(siteRoot: URL) {
        location = siteRoot.appendingPathComponent(".guong-cache/search", isDirectory: false)
        if case .read(let file) = FileBytes.read(location.path, limit: Self.maximumBytes), let batches = try? Self.decode(file) {
            previous = batches
        } else {
            previous = [:]
        }
    }

    /// The batch kept under `key`, if the last build had it; it is kept for the next one too.
    func batch(_ key: Fingerprint) -> SearchPostings.Grouped? {
        guard let found = previous[key] else { return nil }
        current.withLock { $0.batches[key] = found }
        return found
    }

    /// Keeps a batch just read.
    func keep(_ batch: SearchPostings.Grouped, as key: Fingerprint) {
        current.withLock {
            $0.batches[key] = batch
            $0.read += 1
        }
    }

    /// How many batches this build read rather than found.
    var batchesRead: Int { current.withLock { $0.read } }

    /// Writes this build's batches if any was read or one of the last build's is no longer used (a new file
    /// renamed over the old); a cache that cannot be written is only a slower next build.
    package func save() {
        let (batches, read) = current.withLock { ($0.batches, $0.read) }
        guard read > 0 || batches.count != previous.count else { return }
        let folder = location.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(location.lastPathComponent).\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let bytes = Self.encode(batches)
            guard bytes.count <= Self.maximumBytes else { throw CocoaError(.fileWriteOutOfSpace) }
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
            guard rename(temporary.path, location.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: location)
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

    static func encode(_ batches: [Fingerprint: SearchPostings.Grouped]) -> [UInt8] {
        var writer = CacheWriter()
        writer.add(raw: magic)
        writer.add(UInt64(batches.count))
        for (key, batch) in batches.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            writer.add(key.high)
            writer.add(key.low)
            writer.add(batch.formBytes)
            writer.add(batch.formStarts) { $0.add($1) }
            writer.add(batch.formCounts) { $0.add($1) }
            writer.add(batch.formHashes) { $0.add($1) }
            writer.add(batch.starts) { $0.add($1) }
            writer.add(batch.values) { $0.add(Int($1)) }
        }
        var checksum = FingerprintHasher()
        checksum.add(writer.bytes)
        let sum = checksum.finalize()
        writer.add(sum.high)
        writer.add(sum.low)
        return writer.bytes
    }

    /// The batches of a file `encode` wrote, each checked for the bounds the merge relies on.
    static func decode(_ file: [UInt8]) throws(CacheReader.Malformed) -> [Fingerprint: SearchPostings.Grouped] {
        guard file.starts(with: magic) else { throw CacheReader.Malformed() }
        var reader = CacheReader(file, range: magic.count..<file.count)
        let int: (inout CacheReader) throws(CacheReader.Malformed) -> Int = { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.int() }
        let unsigned: (inout CacheReader) throws(CacheReader.Malformed) -> UInt64 = { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.unsigned() }
        var batches: [Fingerprint: SearchPostings.Grouped] = [:]
        let count = try reader.unsigned()
        guard count <= UInt64(file.count) else { throw CacheReader.Malformed() }
        for _ in 0..<count {
            let key = Fingerprint(high: try reader.unsigned(), low: try reader.unsigned())
            let batch = SearchPostings.Grouped(
                formBytes: try reader.byteArray(), formStarts: try reader.array(int), formCounts: try reader.array(int),
                formHashes: try reader.array(unsigned), starts: try reader.array(int),
                values: try reader.array { (reader: inout CacheReader) throws(CacheReader.Malformed) in
                    let value = try reader.int()
                    guard let small = Int32(exactly: value) else { throw CacheReader.Malformed() }
                    return small
                })
            guard batch.isWellFormed else { throw CacheReader.Malformed() }
            batches[key] = batch
        }
        let end = reader.offset
        let sum = Fingerprint(high: try reader.unsigned(), low: try reader.unsigned())
        var checksum = FingerprintHasher()
        checksum.add(Array(file[..<end]))
        guard reader.isAtEnd, checksum.finalize() == sum else { throw CacheReader.Malformed() }
        return batches
    }
}
