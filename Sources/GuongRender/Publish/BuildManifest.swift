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

    /// The manifest at `url`; empty when there is none or it cannot be read as one.
    static func load(_ url: URL) -> BuildManifest {
        guard let data = try? Data(contentsOf: url) else { return BuildManifest() }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(header) else { return BuildManifest() }
        var manifest = BuildManifest()
        manifest.entries.reserveCapacity(lines.count)
        for line in lines {
            // fingerprint, inode, size, seconds, nanoseconds, then the path (which may hold spaces).
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let fingerprint = Fingerprint(fields[0]), let inode = UInt64(fields[1]),
                  let size = Int(fields[2]), let seconds = Int(fields[3]), let nanoseconds = Int(fields[4]) else {
                return BuildManifest()
            }
            let stamp = FileStamp(inode: inode, size: size, seconds: seconds, nanoseconds: nanoseconds)
            manifest.entries[String(fields[5])] = Entry(fingerprint: fingerprint, stamp: stamp)
        }
        return manifest
    }

    /// The fingerprint the previous build gave `path`, if the file it wrote there is still there, untouched.
    func fingerprint(of path: String, in folder: URL) -> Fingerprint? {
        guard let entry = entries[path], FileStamp(path: folder.path + "/" + path) == entry.stamp else { return nil }
        return entry.fingerprint
    }

    /// The manifest of the output folder `folder` as just published: `fingerprints` by path, each with the
    /// stamp of its file now (files that cannot be stamped are left out, and will be rendered next time).
    static func made(of fingerprints: [String: Fingerprint], in folder: URL) -> BuildManifest {
        let paths = Array(fingerprints.keys)
        let stamps = paths.parallelMap { FileStamp(path: folder.path + "/" + $0) }
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
        var text = Self.header + "\n"
        text.reserveCapacity(entries.count * 96)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let stamp = entry.stamp
            text += "\(entry.fingerprint) \(stamp.inode) \(stamp.size) \(stamp.seconds) \(stamp.nanoseconds) \(path)\n"
        }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: url)
        }
    }
}
