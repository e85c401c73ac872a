// Unsafe code: hands a photo's bytes (up to 20 MB) to the hash and to libvips without a copy; an entry's path and name compared in place.
import Foundation
import Synchronization

/// Prepares photos through libvips and keeps the results in the photo cache (`.guong-cache/photos/` at the
/// site's root), keyed by the photo's content hash and the settings, so a photo is processed once. A file
/// whose size, time and inode are those of a photo seen before is not even read again. Safe to use from
/// every core at once.
public final class PhotoStore: Sendable {
    /// The cache's folder; nil keeps nothing (photos are still checked, for a file checked on its own).
    public let folder: URL?
    /// `folder` as a path, made once.
    private let folderPath: String?
    public let settings: PhotoSettings
    /// The settings' part of an entry's name (`<content hash>-<settingsKey>`): an entry made under other
    /// settings (another guong, another libvips) is never taken for this one's.
    private let settingsKey: String
    private let state = Mutex(State())

    private struct State {
        /// File signature (path, size, time, inode) → entry name, read from the cache's index on first use.
        var index: [String: String]?
        /// The entries the photos of this run use.
        var used: Set<String> = []
        var indexChanged = false
    }

    /// A store for the site at `siteRoot`, its cache in `.guong-cache/photos/` there.
    public convenience init(siteRoot: URL, settings: PhotoSettings = PhotoSettings()) {
        self.init(folder: siteRoot.appendingPathComponent(".guong-cache/photos", isDirectory: true), settings: settings)
    }

    public init(folder: URL?, settings: PhotoSettings = PhotoSettings()) {
        self.folder = folder
        folderPath = folder?.path
        self.settings = settings
        settingsKey = String(settings.fingerprint.withUTF8Bytes { Vips.sha256(UnsafeRawBufferPointer($0)) }.prefix(12))
    }

    /// Whether the entry `name` was made under these settings. The index keeps the entry a file was last
    /// prepared into, whatever the settings were then: without this, photos prepared by an older guong would be
    /// published as it made them for as long as their files do not change.
    private func isMadeUnderTheseSettings(_ name: String) -> Bool {
        name.withUTF8Bytes { name in
            settingsKey.withUTF8Bytes { key in
                name.count > key.count && name[name.count - key.count - 1] == UInt8(ascii: "-")
                    && memcmp(name.baseAddress! + (name.count - key.count), key.baseAddress!, key.count) == 0
            }
        }
    }

    /// Checks and prepares the photo at `url`, whose extension names `format`: from the cache when it holds it.
    /// Given the `checked` bytes (intake's), it judges and hashes those instead of reading the file; given the
    /// file's `signature` (`signature(path:status:)`), it does not `stat` it again.
    func prepare(_ url: URL, format: PhotoFormat, checked: [UInt8]? = nil, signature known: String? = nil) -> Result<PreparedPhoto, PhotoProblem> {
        let signature = checked == nil ? known ?? Self.signature(of: url) : nil
        if let signature, let name = lookup(signature), isMadeUnderTheseSettings(name), let photo = entry(name) {
            return .success(photo)
        }
        let bytes: [UInt8]
        if let checked {
            bytes = checked
        } else {
            guard let data = try? Data(contentsOf: url) else { return .failure(.corrupt) }
            bytes = [UInt8](data)
        }
        let name = bytes.withUnsafeBytes { String(Vips.sha256($0).prefix(32)) } + "-" + settingsKey
        if let photo = entry(name) {
            if let signature { remember(signature, name) }
            return .success(photo)
        }
        let result = bytes.withUnsafeBytes { PhotoProcessor(settings: settings).process($0, format: format) }
        switch result {
        case .failure(let problem):
            return .failure(problem)
        case .success(let processed):
            guard let folder else {
                return .success(PreparedPhoto(width: processed.width, height: processed.height, isVector: format == .svg,
                                              files: processed.files.map(\.file), folder: URL(fileURLWithPath: "/dev/null")))
            }
            var photo = PreparedPhoto(width: processed.width, height: processed.height, isVector: format == .svg,
                                      files: processed.files.map(\.file), folder: folder.appendingPathComponent(name, isDirectory: true))
            do {
                photo = try write(photo, files: processed.files, name: name)
            } catch {
                return .failure(.cacheUnwritable(path: folder.path))
            }
            if let signature { remember(signature, name) }
            return .success(photo)
        }
    }

    /// Saves the index and, after a run that prepared every photo of the site, removes the entries it did
    /// not use: the cache never holds more than the site's photos.
    public func finish(removingUnused: Bool) {
        guard let folder else { return }
        let (index, used, changed) = state.withLock { state in (state.index ?? [:], state.used, state.indexChanged) }
        let kept = removingUnused ? index.filter { used.contains($0.value) } : index
        if changed || kept.count != index.count {
            let text = kept.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined()
            try? Data(text.utf8).write(to: folder.appendingPathComponent("index"), options: .atomic)
        }
        guard removingUnused, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name != "index" && !name.hasPrefix(".") && !used.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    // MARK: - The cache

    private func lookup(_ signature: String) -> String? {
        state.withLock { state in
            if state.index == nil { state.index = readIndex() }
            return state.index?[signature]
        }
    }

    private func remember(_ signature: String, _ name: String) {
        state.withLock { state in
            if state.index == nil { state.index = readIndex() }
            if state.index?[signature] != name {
                state.index?[signature] = name
                state.indexChanged = true
            }
        }
    }

    private func readIndex() -> [String: String] {
        // A larger index is treated as none: each photo is then hashed once more and the index written anew.
        guard let folderPath, case .read(let bytes) = FileBytes.read(folderPath + "/index", limit: 256 << 20) else { return [:] }
        var index: [String: String] = [:]
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.lastIndex(of: UInt8(ascii: "\t")) else { continue }
            index[String(decoding: line[..<tab], as: UTF8.self)] = String(decoding: line[(tab + 1)...], as: UTF8.self)
        }
        return index
    }

    /// `photo` as the cache holds it now, if it still holds its entry, which is then marked used: a profile
    /// taken from the parse cache keeps its photo's entry from being cleaned. A photo whose files all carry
    /// their stamps is the entry as it was read, so long as its `info` is the one it was read from (one
    /// `lstat`, on every build for each such photo): an entry's files change only with its `info` (`restamp`),
    /// and one deleted and made again holds the same bytes under a new `info`. When the `info` is another,
    /// nil: the profile is read again, and the parse cache keeps the entry as it is now. A photo without stamps
    /// is read from the entry's `info`, which gives them.
    package func stillHolds(_ photo: PreparedPhoto) -> PreparedPhoto? {
        guard let folderPath, let name = Self.entryName(photo.folderPath, in: folderPath), isMadeUnderTheseSettings(name) else { return nil }
        guard photo.files.allSatisfy({ $0.stamp != nil }), let known = photo.infoStamp else { return entry(name) }
        guard FileStamp(path: photo.folderPath + "/info") == known else { return nil }
        _ = state.withLock { $0.used.insert(name) }
        return photo
    }

    /// The name of the entry at `path` if it is one directly in the cache's folder `folder`; compared as bytes
    /// (String's `hasPrefix` and `dropFirst` compare and count characters, for every photo on every build).
    private static func entryName(_ path: String, in folder: String) -> String? {
        path.withUTF8Bytes { path in
            folder.withUTF8Bytes { folder -> String? in
                guard !folder.isEmpty, path.count > folder.count + 1, memcmp(path.baseAddress!, folder.baseAddress!, folder.count) == 0,
                      path[folder.count] == UInt8(ascii: "/") else { return nil }
                let name = UnsafeBufferPointer(rebasing: path[(folder.count + 1)...])
                return name.contains(UInt8(ascii: "/")) ? nil : String(decoding: name, as: UTF8.self)
            }
        }
    }

    /// The entry `name`, if the cache holds it whole; it is then marked used.
    private func entry(_ name: String) -> PreparedPhoto? {
        guard let folderPath else { return nil }
        let entry = folderPath + "/" + name
        // Stamped before it is read: an `info` replaced in between is read again next time, never trusted stale.
        let stamp = FileStamp(path: entry + "/info")
        guard var photo = Self.readInfo(entry: entry) else { return nil }
        photo.infoStamp = stamp
        _ = state.withLock { $0.used.insert(name) }
        return Self.addingStamps(to: photo, entry: entry)
    }

    /// Writes an entry beside its place, then renames it there: a cut-short run leaves no half entry. Returns
    /// `photo` with its files' stamps.
    private func write(_ photo: PreparedPhoto, files: [ProcessedPhoto.Output], name: String) throws -> PreparedPhoto {
        guard let folder else { return photo }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".\(name).\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: staging) }
        for output in files {
            try Data(output.bytes).write(to: staging.appendingPathComponent(output.file.name))
        }
        var stamped = Self.stamped(photo, entry: staging.path) ?? photo
        try Data(stamped.info.utf8).write(to: staging.appendingPathComponent("info"))
        // The rename keeps the file, its inode and its time.
        stamped.infoStamp = FileStamp(path: staging.appendingPathComponent("info").path)
        if rename(staging.path, photo.folder.path) != 0 {
            // Another run made the same entry meanwhile: the same bytes, with its own stamps.
            guard let existing = entry(name) else { throw CocoaError(.fileWriteUnknown) }
            return existing
        }
        _ = state.withLock { $0.used.insert(name) }
        return stamped
    }

    /// What says a file is unchanged without reading it: its path, size, modification time and inode.
    private static func signature(of url: URL) -> String? {
        var status = stat()
        let path = url.path
        guard stat(path, &status) == 0 else { return nil }
        return signature(path: path, status: status)
    }

    /// The signature of the file at `path` that `stat` found as `status`.
    static func signature(path: String, status: stat) -> String {
        "\(path)\t\(status.st_size)\t\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)\t\(status.st_ino)"
    }
}
