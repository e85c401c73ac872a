import Foundation
import GuongKit

/// What the last build into an output folder left there, file by file: the fingerprint each file was made
/// from, and the file's identity (inode, size, modification time) as that build left it. A page whose
/// fingerprint comes out the same is then not rendered again, as long as its file is still the one that
/// build wrote. Kept in the site's cache (`.guong-cache/builds/`), one file per output folder: safe to
/// delete (the next build then renders every page), never published.
struct BuildManifest: Sendable {
    struct Entry: Sendable, Equatable {
        var fingerprint: Fingerprint
        var stamp: FileStamp
    }

    /// By path relative to the output folder.
    var entries: [String: Entry] = [:]

    static let header = "guong build manifest 1"

    /// The manifest's file for the output folder `target` of the site at `siteRoot`.
    static func location(siteRoot: URL, target: URL) -> URL {
        siteRoot.appendingPathComponent(".guong-cache/builds", isDirectory: true)
            .appendingPathComponent(Fingerprint.of(Array(target.standardizedFileURL.path.utf8)).description + ".txt")
    }

    /// The fingerprint the previous build gave `path`, if the file it wrote there is still there, untouched.
    func fingerprint(of path: String, in folder: URL) -> Fingerprint? {
        guard let entry = entries[path], FileStamp(path: folder.path + "/" + path) == entry.stamp else { return nil }
        return entry.fingerprint
    }

    /// A file a build put in place: its path, what it was made from, and its stamp when that was known as the
    /// file was put there.
    struct Recorded: Sendable {
        var path: String
        var fingerprint: Fingerprint
        var stamp: FileStamp?
    }

    /// The manifest of the output folder `folder` as just published, file by file in the order given: each
    /// recorded file with its stamp now (files that cannot be stamped are left out, and will be rendered next
    /// time). A stamp taken as the file was put in place is kept (a swap keeps inode, size and time); the
    /// other files are `lstat`ed.
    static func lines(of recorded: [Recorded], in folder: URL) -> [Line] {
        let base = folder.path + "/"
        return recorded.parallelMap { file -> Line? in
            guard let stamp = file.stamp ?? FileStamp(path: base + file.path) else { return nil }
            return Line(path: file.path, entry: Entry(fingerprint: file.fingerprint, stamp: stamp))
        }.compactMap { $0 }
    }

    /// Writes the manifest of `lines` to `url` whole (a temporary file renamed over it); a manifest that cannot
    /// be written is removed, so no stale one is read.
    static func save(_ lines: [Line], to url: URL) {
        let text = text(of: lines)
        CacheFile.replace(url) { try $0.write(contentsOf: text) }
    }
}
