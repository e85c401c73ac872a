// Unsafe code: readdir(3)'s entries are C structures; a file's name is read at its offset.
import Foundation

/// The files below a folder, read with `readdir`: the kind of each entry comes with its name, so ten
/// thousand profiles are listed without a system call each (FileManager's enumerator, asked whether
/// each file is a link, was slower by the figure docs/performance.md gives). Hidden entries are skipped and links are
/// never followed into; a link is reported as one, for the caller to resolve.
package enum FolderWalk {
    package struct Entry {
        /// Relative to the walked folder: `truong-a/nguyen-van-a.md`.
        package var path: String
        /// The last component of `path`.
        var name: String
        package var isLink: Bool
        /// Its inode number, as the folder's listing gives it (`d_ino`).
        package var inode: UInt64
    }

    /// Every file and link to a file (or anything not a folder) below `folder`, in no particular order.
    package static func files(in folder: String) -> [Entry] {
        var entries: [Entry] = []
        walk(folder, prefix: "", into: &entries)
        return entries
    }

    private static func walk(_ folder: String, prefix: String, into entries: inout [Entry]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let listed = self.entries(of: directory) { name in
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0 ? info : nil
        }
        for (name, kind, inode) in listed where !name.hasPrefix(".") {
            if kind == DT_DIR {
                walk(folder + "/" + name, prefix: prefix + name + "/", into: &entries)
            } else {
                entries.append(Entry(path: prefix + name, name: name, isLink: kind == DT_LNK, inode: inode))
            }
        }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The entries of an open directory stream, `.` and `..` aside: each name with its kind (`DT_DIR`,
    /// `DT_LNK`, `DT_REG` …) and inode number. Where the file system leaves the kind unknown, `status(name)` (an
    /// `lstat`, never following a link) gives it; an entry it cannot give is left out.
    package static func entries(of directory: OpaquePointer, status: (String) -> stat?) -> [(name: String, kind: Int32, inode: UInt64)] {
        var entries: [(name: String, kind: Int32, inode: UInt64)] = []
        while let entry = readdir(directory) {
            // The name is read where it lies: a record is only as long as its name, so copying the whole
            // 256-byte `d_name` out of it can read past the end of readdir's buffer.
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            guard name != ".", name != ".." else { continue }
            var kind = Int32(entry.pointee.d_type)
            if kind == DT_UNKNOWN {  // some file systems leave it to lstat
                guard let info = status(name) else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = Int32(DT_DIR)
                case S_IFLNK: kind = Int32(DT_LNK)
                default: kind = Int32(DT_REG)
                }
            }
            entries.append((name, kind, UInt64(entry.pointee.d_ino)))
        }
        return entries
    }
}
