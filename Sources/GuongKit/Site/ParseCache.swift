import Foundation

/// Profiles as the last build parsed them, kept on disk in `.guong-cache/parses` so that a build reads and
/// parses only the files that changed since (docs/performance.md). A file's entry is trusted when its `stat`
/// (device, inode, size, modification and change times to the nanosecond) is the one noted, under the same
/// key: the executable, the settings files, the loader's options. A cached result carries the parse's
/// diagnostics, so warnings are reported on every build as a fresh parse would.
///
/// A profile's photo is kept with its own identity and its photo cache entry: the entry is used only while
/// the photo file is the same and the photo cache still holds the entry (the store is told it is in use, so
/// it is not cleaned away). What a parse reads besides its own file and photo keeps an entry out: links or
/// images to a relative path (`Confinement` resolves them on disk), blocks the parse set aside unseen (nested
/// too deep, beside the achievements), and any result with errors. A file (or photo) changed in the last
/// `racyWindow` seconds is not kept either: its time stamp could stay the same through another edit in the
/// same tick.
///
/// The file is dropped whole when it cannot be read back (magic, key, a value out of range), and an entry
/// whose checksum fails is parsed again: a damaged cache costs time, never a wrong site. Deleting it is safe.
package struct ParseCache: Sendable {
    /// The identity of a file's contents on disk: another file, or the same file written again, has another.
    package struct FileIdentity: Sendable, Equatable {
        var values: [Int]

        package init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            values = [Int(truncatingIfNeeded: info.st_dev), Int(truncatingIfNeeded: info.st_ino), Int(info.st_size),
                      Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
        }

        init(values: [Int]) { self.values = values }

        /// The later of the modification and change times, in seconds.
        var latestChange: Double {
            max(Double(values[3]) + Double(values[4]) / 1e9, Double(values[5]) + Double(values[6]) / 1e9)
        }
    }

    /// One file's entry: its identity, its checksum and its result, encoded, as a range of `bytes`.
    struct Entry: Sendable {
        var identity: FileIdentity
        var checksum: Fingerprint
        var result: Range<Int>
    }

    static let magic = Array("GUONG-PARSES-3\n".utf8)
    /// Seconds before the build's start within which a file's time stamp is not trusted.
    static let racyWindow = 2.0

    /// The cache file's bytes (the entries' results point into them).
    let bytes: [UInt8]
    let entries: [String: Entry]
    let key: Fingerprint

    /// An empty cache for `key`.
    package init(key: Fingerprint) {
        self.init(key: key, bytes: [], entries: [:])
    }

    init(key: Fingerprint, bytes: [UInt8], entries: [String: Entry]) {
        self.key = key
        self.bytes = bytes
        self.entries = entries
    }

    package var count: Int { entries.count }

    /// `.guong-cache/parses` in the site's folder, beside the photo cache and the build manifests.
    package static func location(siteRoot: URL) -> URL {
        siteRoot.appendingPathComponent(".guong-cache/parses", isDirectory: false)
    }

    /// The cache at `url` if it was written for `key` and reads back whole; else an empty one.
    package static func load(_ url: URL, key: Fingerprint) -> ParseCache {
        guard case .read(let file) = FileBytes.read(url.path, limit: maximumBytes),
              let entries = try? read(file, key: key) else { return ParseCache(key: key) }
        return ParseCache(key: key, bytes: file, entries: entries)
    }

    /// Whether a result may be kept: see the type's description.
    /// `photo` is the profile's photo as it is on disk now (`PhotoRecord(profile)`), nil without one.
    static func isCacheable(_ result: ProfileCache.Result, photo: PhotoRecord?, started: Double) -> Bool {
        guard let profile = result.profile, profile.checkedBytes == nil, !result.diagnostics.hasErrors else { return false }
        if profile.photo != nil || profile.preparedPhoto != nil {
            guard let photo, photo.identity.latestChange < started - racyWindow else { return false }
        }
        guard !result.diagnostics.contains(where: { unseenCodes.contains($0.code) }) else { return false }
        // Each block's HTML where it lies: gathering them into arrays first cost more than the scan.
        let isClean = { (blocks: [MarkdownBlock]) in
            blocks.allSatisfy { LinkScan.onlyAbsoluteLinks($0.htmlUTF8) && $0.items.allSatisfy { LinkScan.onlyAbsoluteLinks($0.htmlUTF8) } }
        }
        return isClean(profile.lead) && isClean(profile.body) && profile.achievements.allSatisfy { LinkScan.onlyAbsoluteLinks($0.htmlUTF8) }
    }

    /// Diagnostics a cached result would not repeat: a file with one is parsed every time.
    private static let unseenCodes: Set<DiagnosticCode> = [.linkOutside, .imageIgnored, .achievementsExtra, .markdownTooDeep, .markdownTooComplex]
}
