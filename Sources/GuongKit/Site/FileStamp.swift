import Foundation

/// A file's identity on disk — inode, size, modification time — as `stat` gives it: another file, or the
/// same file written again, has another. What the build manifest trusts a previous output's file by, and
/// what the preview's profile cache trusts a photo by.
package struct FileStamp: Sendable, Equatable {
    package var inode: UInt64
    package var size: Int
    package var seconds: Int
    package var nanoseconds: Int

    package init(inode: UInt64, size: Int, seconds: Int, nanoseconds: Int) {
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The stamp of the file at `path`, or nil. Without `followingLinks` a link is not followed and only a
    /// regular file has a stamp.
    package init?(path: String, followingLinks: Bool = false) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        guard followingLinks || info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    /// The stamp of the open file `descriptor`, or nil.
    package init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        self.init(inode: UInt64(info.st_ino), size: Int(info.st_size),
                  seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}
