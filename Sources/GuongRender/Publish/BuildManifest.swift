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

    /// The manifest of the output folder `folder` as just published: `fingerprints` by path, each with the
    /// stamp of its file now (files that cannot be stamped are left out, and will be rendered next time).
    /// `known` holds the stamps taken as files were put in place (a swap keeps inode, size and time); the
    /// other files are `lstat`ed.
    static func made(of fingerprints: [String: Fingerprint], known: [String: FileStamp] = [:], in folder: URL) -> BuildManifest {
        let paths = Array(fingerprints.keys)
        let stamps = paths.parallelMap { known[$0] ?? FileStamp(path: folder.path + "/" + $0) }
        var manifest = BuildManifest()
        manifest.entries.reserveCapacity(paths.count)
        for (path, stamp) in zip(paths, stamps) {
            guard let stamp else { continue }
            manifest.entries[path] = Entry(fingerprint: fingerprints[path]!, stamp: stamp)
        }
        return manifest
    }

    /// Writes the manifest to `url` whole (a temporary file renamed over it); a manifest that cannot be
    /// written is removed, so no stale one is read.
    func save(to url: URL) {
        let text = self.text
        CacheFile.replace(url) { try $0.write(contentsOf: text) }
    }
}
