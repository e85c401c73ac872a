// Unsafe code: a photo file copied block by block with read(2)/write(2), or compared with the previous output as raw bytes.
import Foundation
import GuongKit

/// Publishing a file of the photo cache without reading it. A cache file is never changed once written (an
/// entry is written whole beside its place, then renamed there), so the output may share it: on the cache's
/// file system the published file is a hard link to it; elsewhere it is a copy carrying its modification
/// time. A rebuild then knows an unchanged photo file by `stat` alone — the same inode, or the same size and
/// time — and carries it over like any unchanged file, with no byte of it read.
extension OutputFolder {
    /// Puts the cache's file `cacheFile` into the staging folder at `relativePath`, and says how it compares
    /// with the previous output's file there; called from many threads, each with its own path.
    public func publish(cacheFile: String, as relativePath: String) throws(Problem) -> OutputChange {
        var source = stat()
        guard lstat(cacheFile, &source) == 0 else { throw .io(path: cacheFile, reason: String(cString: strerror(errno))) }
        // A link planted in the cache is never followed nor published: only guong's own files are.
        guard source.st_mode & S_IFMT == S_IFREG else { throw .io(path: cacheFile, reason: String(cString: strerror(ELOOP))) }
        let staged = stagingPath + "/" + relativePath
        var change = OutputChange.added
        if hasPrevious {
            var previous = stat()
            if lstat(target.path + "/" + relativePath, &previous) != 0 {
                change = errno == ENOENT ? .added : .changed
            } else if previous.st_mode & S_IFMT != S_IFREG || previous.st_size != source.st_size {
                change = .changed
            } else if Self.sameFile(previous, source) || sameBytesRestamping(cacheFile, relativePath, previous.st_mtim) {
                if linkPrevious(relativePath, to: staged) { return .unchanged }
                change = .unchanged
            } else {
                change = .changed
            }
        }
        if link(cacheFile, staged) == 0 { return change }
        if errno == ENOENT, makeFolder(holding: staged) == nil, link(cacheFile, staged) == 0 { return change }
        // Another file system than the cache's, or one without hard links.
        if let failure = copy(cacheFile, to: staged, time: source.st_mtim) {
            throw .io(path: staged, reason: String(cString: strerror(failure)))
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
    private func sameBytesRestamping(_ cacheFile: String, _ relativePath: String, _ time: timespec) -> Bool {
        guard let data = FileManager.default.contents(atPath: cacheFile),
              data.withUnsafeBytes({ compareWithPrevious(relativePath, $0) }) == .unchanged else { return false }
        _ = utimensat(AT_FDCWD, cacheFile, modificationOnly(time), 0)
        return true
    }
}

/// Copies the file at `source` to the new file `destination` in blocks, giving it the modification `time`;
/// the `errno` of a failure, or nil.
private func copy(_ source: String, to destination: String, time: timespec) -> Int32? {
    let input = open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard input >= 0 else { return errno }
    defer { close(input) }
    var output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    if output < 0, errno == ENOENT {
        if let failure = makeFolder(holding: destination) { return failure }
        output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    }
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
