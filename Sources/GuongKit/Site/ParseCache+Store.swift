// Unsafe code: each entry's checksum is taken over its bytes in place in the cache file, not over a copy.
import Foundation

/// Using the cache for a load, and writing what the load found for the next one.
///
/// The file: the magic, the key (16 bytes), then one entry after another — the path, the identity, the
/// entry's checksum (over the path, the identity and the result) and the encoded result. An entry is checked
/// when it is used, on every core, and written out one after the other, parsed files encoded a chunk at a
/// time on every core, so neither a load nor a save holds a second copy of the cache in memory.
extension ParseCache {
    /// What a load did with one file.
    enum Outcome: Sendable {
        /// The entry held: its encoded result is carried into the next cache unchanged.
        case kept(Entry)
        /// Parsed, and may be kept for next time: encoded when the cache is saved, from the load's results.
        case parsed(FileIdentity, PhotoRecord?)
        /// Parsed, not to be kept.
        case uncached
    }

    /// What a load leaves for the next one: each file's outcome, written by `save(to:)`.
    package struct Update: Sendable {
        let cache: ParseCache
        let files: [ContentFile]
        /// Each file's result (the parsed ones encoded at saving) and outcome, as the load found them.
        let found: [(result: ProfileCache.Result, outcome: Outcome)]

        /// Files encoded at once while saving: their encodings, not every file's, are held in memory (at
        /// 50,000 profiles they come to 260 MB).
        static let chunk = 1_024

        /// Writes the next cache to `url` (a new file renamed over the old); a cache that cannot be written
        /// is only a slower next build, so failures are not reported.
        package func save(to url: URL) {
            CacheFile.replace(url) { handle in
                var writer = CacheWriter()
                writer.add(raw: ParseCache.magic)
                for value in [cache.key.high, cache.key.low] { writer.add(raw: (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }) }
                var written = 0
                for start in stride(from: 0, to: found.count, by: Self.chunk) {
                    let range = start..<min(start + Self.chunk, found.count)
                    let encoded = Array(range).parallelMap { index -> [UInt8]? in
                        guard case .parsed(_, let photo) = found[index].outcome else { return nil }
                        return ParseCache.encode(found[index].result, photo: photo)
                    }
                    for (index, encoded) in zip(range, encoded) {
                        let path = files[index].path
                        switch found[index].outcome {
                        case .uncached: continue
                        case .kept(let entry):
                            ParseCache.write(path: path, identity: entry.identity, checksum: entry.checksum, result: cache.bytes[entry.result], to: &writer)
                        case .parsed(let identity, _):
                            guard let encoded else { continue }
                            ParseCache.write(path: path, identity: identity,
                                             checksum: ParseCache.checksum(path: path, identity: identity, encoded, in: encoded.indices),
                                             result: encoded[...], to: &writer)
                        }
                        if writer.bytes.count >= 1 << 20 {
                            written += writer.bytes.count
                            guard written <= ParseCache.maximumBytes else { throw CocoaError(.fileWriteOutOfSpace) }
                            try handle.write(contentsOf: writer.bytes)
                            // The same storage for the next megabyte: a new one grew by copies, page after new page.
                            writer.removeAll()
                        }
                    }
                }
                try handle.write(contentsOf: writer.bytes)
            }
        }
    }

    /// Every file's result in order — the cached one where its entry holds, else `parse(file)` — and what the
    /// next load should find, or nil when it would find this cache. `started` is when the load began (seconds
    /// since 1970): a file changed within `racyWindow` of it is not kept.
    /// `reuse` sees each result taken from the cache and may refuse it (then the file is parsed) or refresh it.
    /// `update` is handed what the next load should find as soon as it is known, before the results are gathered
    /// in order: a caller that saves it on another thread saves it meanwhile.
    package func results(for files: [ContentFile], started: Double,
                         reuse: @Sendable (ProfileCache.Result) -> ProfileCache.Result? = { $0 },
                         update: (Update) -> Void = { _ in },
                         parse: @Sendable (ContentFile) -> ProfileCache.Result) -> (results: [ProfileCache.Result], next: Update?) {
        let cache = self
        let found = files.parallelMap { file -> (result: ProfileCache.Result, outcome: Outcome) in
            let identity = FileIdentity(path: file.path)
            if let identity, let entry = cache.entries[file.path], entry.identity == identity,
               Self.checksum(path: file.path, identity: identity, cache.bytes, in: entry.result) == entry.checksum,
               let decoded = try? Self.decode(cache.bytes, range: entry.result), let result = reuse(decoded) {
                return (result, .kept(entry))
            }
            let result = parse(file)
            // The photo's identity is taken once: the one judged not racy is the one written.
            let photo = result.profile.flatMap(PhotoRecord.init)
            guard let identity, identity.latestChange < started - Self.racyWindow,
                  Self.isCacheable(result, photo: photo, started: started) else { return (result, .uncached) }
            return (result, .parsed(identity, photo))
        }
        let unchanged = found.count == entries.count && found.allSatisfy { if case .kept = $0.outcome { true } else { false } }
        let next = unchanged ? nil : Update(cache: self, files: files, found: found)
        if let next { update(next) }
        return (found.map(\.result), next)
    }

    /// The largest cache file read or written (ten thousand profiles take about 50 MB).
    static let maximumBytes = 256 << 20

    static func write(path: String, identity: FileIdentity, checksum: Fingerprint, result: ArraySlice<UInt8>, to writer: inout CacheWriter) {
        writer.add(path)
        writer.add(identity.values) { $0.add($1) }
        writer.add(checksum.high)
        writer.add(checksum.low)
        writer.add(result)
    }

    /// An entry's checksum: its path, its identity and its encoded result, read in place.
    static func checksum(path: String, identity: FileIdentity, _ bytes: [UInt8], in range: Range<Int>) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(path)
        for value in identity.values { hasher.add(value) }
        bytes.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[range])) }
        return hasher.finalize()
    }

    /// The entries of a cache file, their results as ranges of `file`, if it was written for `key` and its
    /// entries read back whole (each is checked against its checksum when it is used).
    static func read(_ file: [UInt8], key: Fingerprint) throws(CacheReader.Malformed) -> [String: Entry] {
        let headerSize = magic.count + 16
        guard file.count >= headerSize, file.starts(with: magic) else { throw CacheReader.Malformed() }
        let word = { (index: Int) -> UInt64 in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(file[magic.count + 8 * index + $1]) << (8 * $1) }
        }
        guard Fingerprint(high: word(0), low: word(1)) == key else { throw CacheReader.Malformed() }
        var reader = CacheReader(file, range: headerSize..<file.count)
        var entries: [String: Entry] = [:]
        let intRead: CacheReader.Read<Int> = { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.int() }
        while !reader.isAtEnd {
            let path = try reader.string()
            let values = try reader.array(intRead)
            guard values.count == 7, entries[path] == nil else { throw CacheReader.Malformed() }
            let checksum = Fingerprint(high: try reader.unsigned(), low: try reader.unsigned())
            entries[path] = Entry(identity: FileIdentity(values: values), checksum: checksum, result: try reader.range())
        }
        return entries
    }
}
