// Unsafe code: readdir(3)'s entries are C structures; a name is compared where it lies.
import Foundation
import GuongKit

/// A profile's folder in the live site, as far as a rebuild from the spare tree needs it for the photo's files:
/// each one's inode number, read from the folder's listing at once (one `getdents` for the folder instead of a
/// `stat` per file, docs/performance.md, Photos).
///
/// The spare tree (`OutputFolder+Spare`) is the build before last's output; a photo file there that is the live
/// site's own (the same inode: the last build carried it over) and still carries the size and modification time
/// its cache entry stamped is the cache's file, unchanged: it stays. The live file is then that same file, so
/// its stamp is checked with the staged one's. Anything else — a file planted in the spare tree or put there
/// with the stamp's size and time, one replaced or deleted in the live site, one written over in place (its time
/// moves), a link — fails the test and is published the long way (`OutputFolder.publish`).
struct LiveFolder {
    /// The device the live folder is on: an inode number means something only on its own.
    let device: UInt64
    /// The inode number of each name asked for, in order; nil for a name the folder does not list.
    let inodes: [UInt64?]

    /// The folder at `path` (never followed if a link), its entries named `names`; nil when it cannot be read.
    init?(_ path: String, names: [String]) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, let directory = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(directory) }
        var inodes = [UInt64?](repeating: nil, count: names.count)
        while let entry = readdir(directory) {
            let name = (UnsafeRawPointer(entry) + Self.nameOffset).assumingMemoryBound(to: CChar.self)
            for index in names.indices where inodes[index] == nil {
                if names[index].withCString({ strcmp($0, name) }) == 0 {
                    inodes[index] = UInt64(entry.pointee.d_ino)
                    break
                }
            }
        }
        device = UInt64(info.st_dev)
        self.inodes = inodes
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// Whether the file `name` (the `index`th asked for) of the staging folder `staged` is the live site's own
    /// and carries `stamp`: a regular file on the live folder's device, with its inode number, size and time.
    func holds(_ name: String, at index: Int, stamped stamp: PreparedPhoto.Stamp, stagedIn staged: Int32) -> Bool {
        guard let inode = inodes[index] else { return false }
        var file = stat()
        guard name.withCString({ fstatat(staged, $0, &file, AT_SYMLINK_NOFOLLOW) }) == 0 else { return false }
        return file.st_mode & S_IFMT == S_IFREG && UInt64(file.st_dev) == device && UInt64(file.st_ino) == inode && stamp.stamps(file)
    }
}

/// `folder + "/" + name` in one allocation: a photo's nine files each need their site path, on every build.
func joinedPath(_ folder: String, _ name: String) -> String {
    var (folder, name) = (folder, name)
    return folder.withUTF8 { folder in
        name.withUTF8 { name in
            String(unsafeUninitializedCapacity: folder.count + 1 + name.count) { buffer in
                _ = buffer.initialize(fromContentsOf: folder)
                buffer[folder.count] = UInt8(ascii: "/")
                _ = UnsafeMutableBufferPointer(rebasing: buffer[(folder.count + 1)...]).initialize(fromContentsOf: name)
                return folder.count + 1 + name.count
            }
        }
    }
}
