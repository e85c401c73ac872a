// Unsafe code: a folder's path and a name joined into a new string's storage in one copy each.
import Foundation
import GuongKit
import Synchronization

/// A profile's folder in the live site, as far as a rebuild from the spare tree needs it for the photo's files:
/// each one's inode number, as the listing of the live site before the build gave it (`OutputFolder.liveFiles`:
/// no `stat` of each file, nor a listing of each folder again, docs/performance.md, Photos).
///
/// The spare tree (`OutputFolder+Spare`) is the build before last's output; a photo file there that is the live
/// site's own (the same inode: the last build carried it over) and still carries the size and modification time
/// its cache entry stamped is the cache's file, unchanged: it stays. The live file is then that same file, so
/// its stamp is checked with the staged one's. Anything else — a file planted in the spare tree or put there
/// with the stamp's size and time, one replaced or deleted in the live site, one written over in place (its time
/// moves), a link — fails the test and is published the long way (`OutputFolder.publish`).
struct LiveFolder {
    /// The device the live site is on: an inode number means something only on its own.
    let device: UInt64
    /// The inode number of each name asked for, in order; nil for a name the live site does not have.
    let inodes: [UInt64?]

    /// The files at `paths` (relative to the site) of the live site `files`.
    init(_ files: LiveFiles, paths: [String]) {
        device = files.device
        inodes = paths.map { files.inodes[$0] }
    }

    /// Whether the file `name` (the `index`th asked for) of the staging folder `staged` is the live site's own
    /// and carries `stamp`: a regular file on the live folder's device, with its inode number, size and time.
    /// `name` may be a path below `staged`.
    func holds(_ name: String, at index: Int, stamped stamp: PreparedPhoto.Stamp, stagedIn staged: Int32) -> Bool {
        guard let inode = inodes[index] else { return false }
        var file = stat()
        guard name.withCString({ fstatat(staged, $0, &file, AT_SYMLINK_NOFOLLOW) }) == 0 else { return false }
        return file.st_mode & S_IFMT == S_IFREG && UInt64(file.st_dev) == device && UInt64(file.st_ino) == inode && stamp.stamps(file)
    }

    /// Whether every one of `paths` (relative to the staging folder `root`, as asked for, all in the folder
    /// `folder`) holds with its stamp. The folder itself must be one, not a link planted in the spare tree in its
    /// place: the paths would lead through it to the live site's own files.
    func holdsAll(_ paths: [String], in folder: String, stamped stamps: [PreparedPhoto.Stamp?], stagedIn root: Int32) -> Bool {
        var info = stat()
        guard root >= 0, fstatat(root, folder, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        return paths.indices.allSatisfy { index in
            guard let stamp = stamps[index] else { return false }
            return holds(paths[index], at: index, stamped: stamp, stagedIn: root)
        }
    }
}

/// The staging folder, opened at the first photo published and kept open for the others: a photo's files are
/// then looked up by their paths below it, instead of through a descriptor of the profile's folder opened and
/// closed for each photo (one system call fewer of the eleven an unchanged photo cost, docs/performance.md).
/// Closed when the last copy of the output folder goes.
final class StagingDescriptor: Sendable {
    private let path: String
    /// Not opened yet (nil), the descriptor, or -1 when it could not be opened.
    private let state = Mutex<Int32?>(nil)
    private let linkMet = Mutex(false)

    init(path: String) {
        self.path = path
    }

    /// The open staging folder, or -1. Opened on first use: the staging folder exists only once the output
    /// folder is prepared, and is the spare tree renamed when it could be, a new folder otherwise.
    var descriptor: Int32 {
        state.withLock { state in
            if let descriptor = state { return descriptor }
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            state = descriptor
            return descriptor
        }
    }

    /// Whether a photo's folder in the staging folder was found to be a link (or a file), and replaced.
    var metLink: Bool { linkMet.withLock { $0 } }

    func noteLink() { linkMet.withLock { $0 = true } }

    deinit {
        if let descriptor = state.withLock({ $0 }), descriptor >= 0 { close(descriptor) }
    }
}

/// The live site's files, listed before a build from the spare tree: the device and each file's inode number.
struct LiveFiles: Sendable {
    let device: UInt64
    /// By path relative to the site; links left out.
    let inodes: [String: UInt64]
}

/// `folder + "/" + name` in one allocation: each of a photo's files needs its site path, on every build.
func joinedPath(_ folder: String, _ name: String) -> String {
    folder.withUTF8Bytes { folder in
        name.withUTF8Bytes { name in
            String(unsafeUninitializedCapacity: folder.count + 1 + name.count) { buffer in
                _ = buffer.initialize(fromContentsOf: folder)
                buffer[folder.count] = UInt8(ascii: "/")
                _ = UnsafeMutableBufferPointer(rebasing: buffer[(folder.count + 1)...]).initialize(fromContentsOf: name)
                return folder.count + 1 + name.count
            }
        }
    }
}
