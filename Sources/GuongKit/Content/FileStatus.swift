import Foundation

/// What is at a path, symbolic links followed, from one `stat` call: only regular files are ever read,
/// so a named pipe or a device among the content cannot block or flood a build.
enum FileStatus: Equatable {
    case missing
    case directory
    case regular(size: Int)
    /// A pipe, socket or device.
    case other

    init(_ url: URL) {
        var info = stat()
        self.init(stat(url.path, &info) == 0 ? info : nil)
    }

    /// What a `stat` found; nil when it failed.
    init(_ status: stat?) {
        guard let info = status else {
            self = .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular(size: Int(info.st_size))
        case S_IFDIR: self = .directory
        default: self = .other
        }
    }
}
