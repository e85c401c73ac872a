// Unsafe code: a photo file copied block by block with read(2)/write(2), or compared with the previous output as raw bytes.
import Foundation
import GuongKit

/// Publishing a file of the photo cache without reading it. A cache file is never changed once written (an
/// entry is written whole beside its place, then renamed there), so the output may share it: on the cache's
/// file system the published file is a hard link to it; elsewhere it is a copy carrying its modification
/// time. A rebuild then knows an unchanged photo file by `stat` alone — the same inode, or the same size and
/// time — and carries it over like any unchanged file, with no byte of it read.
///
/// A photo's files are published together, through descriptors of the three folders involved (the cache
/// entry, the profile's folder in the previous output and in the staging folder): each file then costs a
/// `stat` of the cache's file, one of the previous output's and a `link`, each looking up one name instead
/// of a whole path (docs/performance.md, Photos). And a previous output's file with the size and time the
/// cache's file had when its entry was made (`PreparedPhoto.Stamp`) is that file, hard-linked or copied: it is
/// carried over on that one `stat`, without looking at the cache's.
extension OutputFolder {
    /// Puts the cache's files `photo` into the staging folder, and hands `record` each one's site path and
    /// how it compares with the previous output's file there; called from many threads, each with its own photo.
    public func publish(_ photo: CachedPhotoFiles, record: (String, OutputChange) -> Void) throws(Problem) {
        // From the spare tree, the staged folder holds the live site's own files already when nothing changed: the
        // live files' inode numbers, listed before the build, and one `stat` of each staged file tell them (`LiveFolder`).
        let relativePaths = photo.names.map { joinedPath(photo.siteFolder, $0) }
        let live = usesSpare ? liveFiles.map { LiveFolder($0, paths: relativePaths) } : nil
        // Most often all of them: each looked up from the staging folder, the profile's folder not even opened.
        if let live, live.holdsAll(relativePaths, in: photo.siteFolder, stamped: photo.stamps, stagedIn: stagingRoot.descriptor) {
            for path in relativePaths { record(path, .unchanged) }
            return
        }
        let staged = try Folder(staging: stagingPath + "/" + photo.siteFolder, onLink: stagingRoot.noteLink)
        let previousPath = targetPath + "/" + photo.siteFolder
        // Opened only for a file not told so: an unchanged rebuild neither stats the live files one by one nor
        // looks into the cache.
        var previous: PreviousFolder?
        var entry: Folder?
        var restamped = false
        for index in photo.names.indices {
            let (name, stamp) = (photo.names[index], photo.stamps[index])
            let relativePath = relativePaths[index]
            if let stamp, let live, live.holds(name, at: index, stamped: stamp, stagedIn: staged.descriptor) {
                record(relativePath, .unchanged)
                continue
            }
            let opened = previous ?? (hasPrevious ? Folder.previous(previousPath) : .missing)
            previous = opened
            if let stamp, case .folder(let folder) = opened,
               Self.keep(name, stamped: stamp, from: folder, to: staged, replacing: usesSpare) {
                record(relativePath, .unchanged)
            } else {
                // From the spare tree, a file may be there already, maybe a link to the live site's: replaced.
                if usesSpare { unlinkat(staged.descriptor, name, 0) }
                let cache: Folder
                if let entry { cache = entry } else { cache = try Folder(photo.cacheFolder) }
                entry = cache
                record(relativePath, try publish(name, stamped: stamp, from: cache, to: staged, previous: opened, as: relativePath,
                                                 restamped: &restamped))
            }
        }
        if restamped { PhotoStore.restamp(entry: photo.cacheFolder) }
    }

    /// Links the previous output's file `name` into the staging folder if it is the cache's file as `stamp`
    /// says it was made: a regular file of that size and modification time.
    /// With `replacing` (the staging folder started as the spare tree), a staged file that is the previous one
    /// already is left as it is, and any other removed first.
    private static func keep(_ name: String, stamped stamp: PreparedPhoto.Stamp, from previous: Folder, to staged: Folder,
                             replacing: Bool) -> Bool {
        var old = stat()
        guard fstatat(previous.descriptor, name, &old, AT_SYMLINK_NOFOLLOW) == 0, old.st_mode & S_IFMT == S_IFREG,
              stamp.stamps(old) else { return false }
        if replacing {
            var present = stat()
            if fstatat(staged.descriptor, name, &present, AT_SYMLINK_NOFOLLOW) == 0 {
                if present.st_mode & S_IFMT == S_IFREG, present.st_dev == old.st_dev, present.st_ino == old.st_ino { return true }
                unlinkat(staged.descriptor, name, 0)
            }
        }
        return linkat(previous.descriptor, name, staged.descriptor, name, 0) == 0
    }

    /// Publishes the cache's file `name`, which its entry's `info` says carries `stamp`. `restamped` is set when
    /// the file does not (anymore) carry it, or took the previous output's time here: the entry's `info` is
    /// then stamped again, once for the photo, or every later rebuild would come this long way.
    private func publish(_ name: String, stamped stamp: PreparedPhoto.Stamp?, from entry: Folder, to staged: Folder,
                         previous: PreviousFolder, as relativePath: String, restamped: inout Bool) throws(Problem) -> OutputChange {
        var source = stat()
        guard fstatat(entry.descriptor, name, &source, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw .io(path: entry.path + "/" + name, reason: String(cString: strerror(errno)))
        }
        // A link planted in the cache is never followed nor published: only guong's own files are.
        guard source.st_mode & S_IFMT == S_IFREG else { throw .io(path: entry.path + "/" + name, reason: String(cString: strerror(ELOOP))) }
        if let stamp, !stamp.stamps(source) { restamped = true }
        var change = OutputChange.added
        switch previous {
        case .missing:
            break
        case .unreadable:
            change = .changed
        case .folder(let folder):
            var old = stat()
            if fstatat(folder.descriptor, name, &old, AT_SYMLINK_NOFOLLOW) != 0 {
                change = errno == ENOENT ? .added : .changed
            } else if old.st_mode & S_IFMT != S_IFREG || old.st_size != source.st_size {
                change = .changed
            } else if Self.sameFile(old, source) || sameBytesRestamping(entry.path + "/" + name, relativePath, old.st_mtim, restamped: &restamped) {
                if linkat(folder.descriptor, name, staged.descriptor, name, 0) == 0 { return .unchanged }
                change = .unchanged
            } else {
                change = .changed
            }
        }
        if linkat(entry.descriptor, name, staged.descriptor, name, 0) == 0 { return change }
        // Another file system than the cache's, or one without hard links.
        if let failure = copy(name, from: entry.descriptor, to: staged.descriptor, time: source.st_mtim) {
            throw .io(path: staged.path + "/" + name, reason: String(cString: strerror(failure)))
        }
        return change
    }

    /// Whether two files are one (a hard link), or the output's carries the cache file's size and time.
    private static func sameFile(_ previous: stat, _ source: stat) -> Bool {
        (previous.st_dev == source.st_dev && previous.st_ino == source.st_ino)
            || (previous.st_mtim.tv_sec == source.st_mtim.tv_sec && previous.st_mtim.tv_nsec == source.st_mtim.tv_nsec)
    }

    /// Whether the previous output's file holds the cache file's bytes though `stat` cannot tell (an output
    /// written before the cache was remade, or by a guong that wrote copies); if so the cache file takes the
    /// previous file's time, so that the next rebuild tells by `stat`.
    private func sameBytesRestamping(_ cacheFile: String, _ relativePath: String, _ time: timespec, restamped: inout Bool) -> Bool {
        guard let data = FileManager.default.contents(atPath: cacheFile),
              data.withUnsafeBytes({ compareWithPrevious(relativePath, $0) }) == .unchanged else { return false }
        if utimensat(AT_FDCWD, cacheFile, modificationOnly(time), 0) == 0 { restamped = true }
        return true
    }
}

/// An open folder, closed when the last copy of it goes.
private final class Folder: Sendable {
    let path: String
    let descriptor: Int32

    /// The cache entry at `path`: a real folder (a link planted in its place is not followed).
    init(_ path: String) throws(OutputFolder.Problem) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    }

    /// The folder `path` in the staging folder, made (with any folder above it) if missing. A link or a file in
    /// its place (planted in the spare tree) is never followed: it is removed, and `onLink` told.
    init(staging path: String, onLink: () -> Void) throws(OutputFolder.Problem) {
        self.path = path
        var descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0, errno == ELOOP || errno == ENOTDIR {
            onLink()
            unlink(path)
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        if descriptor < 0, errno == ENOENT {
            if let failure = makeFolder(holding: path + "/") { throw .io(path: path, reason: String(cString: strerror(failure))) }
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        self.descriptor = descriptor
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The folder `path` of the previous output; a link in its place is not followed.
    static func previous(_ path: String) -> PreviousFolder {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? .missing : .unreadable }
        return .folder(Folder(path: path, descriptor: descriptor))
    }

    deinit { close(descriptor) }
}

/// The profile's folder in the previous output, as far as it can be opened.
private enum PreviousFolder {
    /// No previous output, or no such folder in it: every file is new.
    case missing
    /// Something else in its place (a file, a link): every file is a change.
    case unreadable
    case folder(Folder)
}

/// Copies the file `name` of the folder `source` into the new file `name` of `destination` in blocks, giving
/// it the modification `time`; the `errno` of a failure, or nil.
private func copy(_ name: String, from source: Int32, to destination: Int32, time: timespec) -> Int32? {
    let input = openat(source, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard input >= 0 else { return errno }
    defer { close(input) }
    let output = openat(destination, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
    guard output >= 0 else { return errno }
    defer { close(output) }
    let blockSize = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
        let got = read(input, buffer, blockSize)
        if got < 0, errno == EINTR { continue }
        if got < 0 { return errno }
        if got == 0 { break }
        var offset = 0
        while offset < got {
            let written = write(output, buffer + offset, got - offset)
            if written < 0, errno == EINTR { continue }
            if written < 0 { return errno }
            offset += written
        }
    }
    return futimens(output, modificationOnly(time)) == 0 ? nil : errno
}

/// The times for `utimensat`/`futimens` that set the modification time to `time` and leave the access time.
private func modificationOnly(_ time: timespec) -> [timespec] {
    // UTIME_OMIT, a macro Swift does not import.
    [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), time]
}
