// Unsafe code: renameat2(2), which glibc may lack, is looked up with dlsym and called through a C function pointer.
import Foundation
import GuongKit

/// The swap, in one step: a build killed at any moment leaves at `target` the old site or the new one,
/// never neither, and the next build clears what a killed one left beside it.
extension OutputFolder {
    /// Puts the staged site in place of the old one, then keeps the old one as the spare tree, the next
    /// build's staging folder (`OutputFolder+Spare`). The two folders are exchanged
    /// by one system call (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`); the staging
    /// name then holds the old site until it is deleted. Where the file system cannot exchange, two renames:
    /// the old site waits under a marked name that `recoverInterrupted()` puts back if a kill comes between.
    /// `alongside` runs once the new site is in place, while the old one is deleted.
    public func commit(alongside: @escaping @Sendable () -> Void = {}) throws(Problem) {
        var info = stat()
        guard lstat(target.path, &info) == 0 else {
            guard rename(staging.path, target.path) == 0 else { throw .io(path: target.path, reason: String(cString: strerror(errno))) }
            alongside()
            return
        }
        if let failure = Self.exchange(staging.path, target.path) {
            guard [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(failure) else {
                throw .io(path: target.path, reason: String(cString: strerror(failure)))
            }
            try commitByTwoRenames(alongside: alongside)
            return
        }
        let (staging, spare) = (self.staging, self.spare)
        _ = concurrently({ Self.keepAsSpare(staging, spare: spare) }, alongside)
    }

    /// The fallback: the old site moves to `.<name>.guong-old-<pid>`, the new one into place.
    func commitByTwoRenames(alongside: @escaping @Sendable () -> Void = {}) throws(Problem) {
        let old = Self.sibling(of: target, kind: "old", pid: getpid())
        guard rename(target.path, old.path) == 0 else { throw .io(path: target.path, reason: String(cString: strerror(errno))) }
        guard rename(staging.path, target.path) == 0 else {
            let failure = errno
            _ = rename(old.path, target.path)
            throw .io(path: target.path, reason: String(cString: strerror(failure)))
        }
        let spare = self.spare
        _ = concurrently({ Self.keepAsSpare(old, spare: spare) }, alongside)
    }

    /// Clears what killed builds left beside `target`: their staging folders (`.<name>.guong-new-<pid>`)
    /// and, when the output is missing because a kill came between the fallback's two renames, puts the old
    /// site (`.<name>.guong-old-<pid>`) back. Only folders that carry the marker, of processes no longer running.
    public func recoverInterrupted() {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        var stale = names.compactMap { name -> (url: URL, kind: String)? in
            for kind in ["new", "old"] {
                let prefix = ".\(target.lastPathComponent).guong-\(kind)-"
                guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(),
                      kill(pid, 0) != 0, errno == ESRCH else { continue }
                let url = parent.appendingPathComponent(name, isDirectory: true)
                return Self.isMarkedFolder(url) ? (url, kind) : nil
            }
            return nil
        }.sorted { $0.url.path < $1.url.path }
        var info = stat()
        if lstat(target.path, &info) != 0, errno == ENOENT, let index = stale.firstIndex(where: { $0.kind == "old" }),
           rename(stale[index].url.path, target.path) == 0 {
            stale.remove(at: index)
        }
        for folder in stale { Self.removeMarkedFolder(folder.url) }
    }

    /// Deletes a folder of ours with its marker last, so that a kill while deleting leaves a folder the
    /// next build still knows as its own.
    static func removeMarkedFolder(_ url: URL) {
        // Whatever could not be deleted stays marked, for the next build to clear.
        guard TreeRemoval.removeContents(of: url.path, keeping: markerName) else { return }
        unlink(url.appendingPathComponent(markerName).path)
        rmdir(url.path)
    }

    /// `.<name>.guong-<kind>-<pid>` beside `target`.
    static func sibling(of target: URL, kind: String, pid: Int32) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).guong-\(kind)-\(pid)", isDirectory: true)
    }

    /// A real folder (not a link) holding the marker as a regular file.
    static func isMarkedFolder(_ url: URL) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        return lstat(url.appendingPathComponent(markerName).path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Exchanges two paths atomically; the `errno` of a failure, or nil.
    static func exchange(_ a: String, _ b: String) -> Int32? {
        #if os(Linux)
        // glibc has renameat2 since 2.28, but Swift's Glibc module does not declare it: found at run time.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = renameAt2Symbol else { return ENOSYS }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE, <linux/fs.h>
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 ? nil : errno
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 ? nil : errno
        #else
        return ENOSYS
        #endif
    }
}

#if os(Linux)
private nonisolated(unsafe) let renameAt2Symbol = dlsym(nil, "renameat2")
#endif
