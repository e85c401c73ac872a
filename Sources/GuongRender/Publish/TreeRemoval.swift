import Foundation
import GuongKit

/// Deletes folder trees by descriptors: each entry is removed by `unlinkat` relative to its own folder, its
/// kind taken from `readdir`, so a file costs one system call and no lookup of its path from the root
/// (FileManager's `removeItem` looked every path up whole and `lstat`-ed each entry). The entries of a large
/// folder (ten thousand profile folders) are deleted on every core.
enum TreeRemoval {
    /// A folder with at least this many entries has them deleted in parallel.
    private static let parallelFrom = 64

    /// Deletes everything in the folder at `path` but the entry named `keeping`, and leaves the folder;
    /// whether all of it went.
    static func removeContents(of path: String, keeping: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return removeEntries(in: descriptor, keeping: keeping)
    }

    /// Deletes the entries of the open folder `descriptor` (not following links), all but `keeping`.
    private static func removeEntries(in descriptor: Int32, keeping: String? = nil) -> Bool {
        let entries = self.entries(of: descriptor).filter { $0.name != keeping }
        let remove = { @Sendable (entry: (name: String, isFolder: Bool)) -> Bool in
            guard entry.isFolder else { return unlinkat(descriptor, entry.name, 0) == 0 }
            let child = openat(descriptor, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                _ = removeEntries(in: child)
                close(child)
            }
            return unlinkat(descriptor, entry.name, AT_REMOVEDIR) == 0
        }
        return (entries.count >= parallelFrom ? entries.parallelMap(remove) : entries.map(remove)).allSatisfy { $0 }
    }

    /// The names in the open folder `descriptor` (`.` and `..` aside) and whether each is a folder, not a link.
    private static func entries(of descriptor: Int32) -> [(name: String, isFolder: Bool)] {
        // closedir closes the descriptor it was given: it gets its own.
        let own = dup(descriptor)
        guard own >= 0, let directory = fdopendir(own) else {
            if own >= 0 { close(own) }
            return []
        }
        defer { closedir(directory) }
        rewinddir(directory)
        return FolderWalk.entries(of: directory) { name in
            var info = stat()
            return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
        }.map { ($0.name, $0.kind == DT_DIR) }
    }
}
