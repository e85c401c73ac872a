import Foundation
import GuongKit

/// Which folders a build may never replace or write into, compared on both sides as the file system resolves
/// them: `content/` itself a link, an output that is a link into it, `..` after a link, a bind mount of it.
extension OutputFolder {
    /// The target as the file system will reach it, or why it is protected: the site, `content/`, `theme/`
    /// (or anything inside the last two), a folder holding the site, the root or the home folder.
    static func guardedTarget(_ target: URL, siteRoot: URL) throws(Problem) -> URL {
        let path = resolved(target.path)
        let site = resolved(siteRoot.path)
        let sources = [site + "/content", site + "/theme"].map(resolved)
        let home = resolved(FileManager.default.homeDirectoryForCurrentUser.path)
        let holds = { (outer: String, inner: String) in inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/") }
        if path == "/" || path == home || holds(path, site) || sources.contains(where: { holds(path, $0) || holds($0, path) }) {
            throw .protected(path: path)
        }
        // The same folder under two names (a bind mount): compared by device and inode, up the whole chain.
        let sourceIDs = Set(sources.compactMap(identity))
        if ancestors(of: path).contains(where: { identity($0).map(sourceIDs.contains) ?? false }) {
            throw .protected(path: path)
        }
        if let targetID = identity(path), ([site] + sources).flatMap(ancestors).contains(where: { identity($0) == targetID }) {
            throw .protected(path: path)
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// `path` made absolute with every link resolved: the longest part that exists through `realpath`, the
    /// rest (which cannot hold links) joined after it, `.` and `..` applied.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while true {
            if let real = realpath("/" + existing.joined(separator: "/"), nil) {
                defer { free(real) }
                var parts = String(cString: real).split(separator: "/").map(String.init)
                for part in rest {
                    switch part {
                    case ".": continue
                    case "..": if !parts.isEmpty { parts.removeLast() }
                    default: parts.append(part)
                    }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let last = existing.popLast() else { return absolute }
            rest.insert(last, at: 0)
        }
    }

    /// `path` and every folder above it, up to `/`.
    static func ancestors(of path: String) -> [String] {
        var result = [path]
        var current = path
        while current != "/", let slash = current.lastIndex(of: "/") {
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            result.append(current)
        }
        return result
    }

    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The device and inode of an existing path (links followed).
    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
