import Foundation

/// Using the cache for a load, and writing what the load found for the next one.
extension ParseCache {
    /// What a load did with one file.
    enum Outcome: Sendable {
        /// The entry held: its encoded result is carried into the next cache unchanged.
        case kept(FileIdentity, Range<Int>)
        /// Parsed, and may be kept for next time.
        case parsed(FileIdentity, [UInt8])
        /// Parsed, not to be kept.
        case uncached
    }

    /// Every file's result in order — the cached one where its entry holds, else `parse(file)` — and the cache
    /// the next load should find, or nil when it would be this one. `started` is when the load began (seconds
    /// since 1970): a file changed within `racyWindow` of it is not kept.
    package func results(for files: [ContentFile], started: Double,
                         parse: @Sendable (ContentFile) -> ProfileCache.Result) -> (results: [ProfileCache.Result], next: ParseCache?) {
        let cache = self
        let found = files.parallelMap { file -> (ProfileCache.Result, Outcome) in
            let identity = FileIdentity(path: file.path)
            if let identity, let entry = cache.entries[file.path], entry.identity == identity,
               let result = try? Self.decode(cache.bytes, range: entry.result) {
                return (result, .kept(identity, entry.result))
            }
            let result = parse(file)
            guard let identity, identity.latestChange < started - Self.racyWindow, Self.isCacheable(result) else { return (result, .uncached) }
            return (result, .parsed(identity, Self.encode(result)))
        }
        let unchanged = found.count == entries.count && found.allSatisfy { if case .kept = $0.1 { true } else { false } }
        return (found.map(\.0), unchanged ? nil : next(files: files, outcomes: found.map(\.1)))
    }

    /// The cache made of this load's outcomes.
    private func next(files: [ContentFile], outcomes: [Outcome]) -> ParseCache {
        var writer = CacheWriter()
        var entries: [String: Entry] = [:]
        for (file, outcome) in zip(files, outcomes) {
            let identity: FileIdentity, start: Int
            switch outcome {
            case .uncached: continue
            case .kept(let kept, let range):
                identity = kept
                writer.add(file.path)
                writer.add(identity.values) { $0.add($1) }
                writer.add(UInt64(range.count))
                start = writer.bytes.count
                writer.add(raw: bytes[range])
            case .parsed(let parsed, let encoded):
                identity = parsed
                writer.add(file.path)
                writer.add(identity.values) { $0.add($1) }
                writer.add(UInt64(encoded.count))
                start = writer.bytes.count
                writer.add(raw: encoded)
            }
            entries[file.path] = Entry(identity: identity, result: start..<writer.bytes.count)
        }
        return ParseCache(key: key, bytes: writer.bytes, entries: entries)
    }

    /// The largest cache file read or written (ten thousand profiles take a few tens of megabytes).
    static let maximumBytes = 256 << 20

    /// Writes the cache to `url` (a new file renamed over the old); a cache that cannot be written is only
    /// a slower next build, so failures are not reported, and a cache too large is removed instead.
    package func save(to url: URL) {
        let header = Self.header(key: key, payload: bytes)
        guard header.count + bytes.count <= Self.maximumBytes else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
        do {
            // A FileHandle, not Data.write: that syncs the file to the disk, which a cache does not need.
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: header)
            try handle.write(contentsOf: bytes)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// The magic, the key, the payload's length and its fingerprint.
    private static func header(key: Fingerprint, payload: [UInt8]) -> [UInt8] {
        let checksum = Fingerprint.of(payload)
        var header = magic
        for value in [key.high, key.low, UInt64(payload.count), checksum.high, checksum.low] {
            header += (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        return header
    }

    /// The payload of a cache file and its entries, if the file is whole and written for `key`.
    static func read(_ file: [UInt8], key: Fingerprint) throws(CacheReader.Malformed) -> (payload: [UInt8], entries: [String: Entry]) {
        let headerSize = magic.count + 40
        guard file.count >= headerSize, file.starts(with: magic) else { throw CacheReader.Malformed() }
        let word = { (index: Int) -> UInt64 in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(file[magic.count + 8 * index + $1]) << (8 * $1) }
        }
        guard Fingerprint(high: word(0), low: word(1)) == key, word(2) == UInt64(file.count - headerSize) else { throw CacheReader.Malformed() }
        let payload = Array(file[headerSize...])
        guard Fingerprint.of(payload) == Fingerprint(high: word(3), low: word(4)) else { throw CacheReader.Malformed() }
        var reader = CacheReader(payload)
        var entries: [String: Entry] = [:]
        let intRead: CacheReader.Read<Int> = { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.int() }
        while !reader.isAtEnd {
            let path = try reader.string()
            let values = try reader.array(intRead)
            guard values.count == 7, entries[path] == nil else { throw CacheReader.Malformed() }
            entries[path] = Entry(identity: FileIdentity(values: values), result: try reader.range())
        }
        return (payload, entries)
    }
}
