// Unsafe code: readdir(3)'s entries are C structures; a name is read at its offset.
import Foundation

/// Deleting a folder and everything below it through descriptors: each file is one `unlinkat` of its name
/// in its folder's descriptor, with no `stat` (the kind comes with the name from `readdir`) and no path
/// looked up from the root. The previous site is deleted so after every build's swap, and it holds every
/// published photo file (docs/performance.md, Photos). Links are deleted, never followed.
enum FolderRemoval {
    /// Deletes the folder `path` with everything in it, the entry named `last` (the output's marker) after
    /// all the others, so that an interrupted deletion leaves a folder still known as guong's. Best effort:
    /// what cannot be deleted stays, as with `FileManager.removeItem` whose failures were ignored.
    static func remove(_ path: String, last: String? = nil) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            // Not a folder (or a link to one): deleted as itself.
            if errno == ENOTDIR || errno == ELOOP { unlink(path) }
            return
        }
        removeContents(of: descriptor, keeping: last) { folder in
            if let last { unlinkat(folder, last, 0) }
        }
        rmdir(path)
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// Deletes what the open folder `descriptor` holds but `kept`, calls `finally` with its descriptor, and
    /// closes it.
    private static func removeContents(of descriptor: Int32, keeping kept: String? = nil, finally: (Int32) -> Void = { _ in }) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            // The name is read where it lies (see FolderWalk): a record is only as long as its name.
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." || name == kept { continue }
            var type = Int32(entry.pointee.d_type)
            if type == DT_UNKNOWN {  // some file systems leave it to lstat
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == DT_DIR {
                folders.append(name)
            } else {
                unlinkat(descriptor, name, 0)
            }
        }
        for name in folders {
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 { removeContents(of: child) }
            unlinkat(descriptor, name, AT_REMOVEDIR)
        }
        finally(descriptor)
    }
}
