import Foundation

/// A file of the site's cache (`.guong-cache/`) replaced whole: written beside its place, then renamed over
/// it. One that cannot be written is removed with its temporary, so no stale or half-written one is ever read;
/// a cache that is missing is only a slower next build, so failures are not reported.
package enum CacheFile {
    /// Replaces the file at `url` with what `write` writes to the handle it is given. A FileHandle, not
    /// `Data.write`: no sync to the disk, which a cache does not need.
    package static func replace(_ url: URL, write: (FileHandle) throws -> Void) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try write(handle)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: url)
        }
    }
}
