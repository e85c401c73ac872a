// Unsafe code: read(2) of the previous file into a block, compared with memcmp.
import Foundation
import GuongKit

/// Carrying unchanged files over from the previous output: a file whose bytes equal the previous one's is
/// hard-linked into the staging folder instead of written, so it keeps its modification time (an upload that
/// compares dates sends only what changed) and the old tree's removal frees only what changed.
extension OutputFolder {
    /// How `bytes` compare with the previous output's file at `relativePath`.
    func compareWithPrevious(_ relativePath: String, _ bytes: UnsafeRawBufferPointer) -> OutputChange {
        guard hasPrevious else { return .added }
        // O_NOFOLLOW: a link planted in the previous output is never read through, only replaced.
        let descriptor = open(target.path + "/" + relativePath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return errno == ENOENT ? .added : .changed }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
            return .changed
        }
        return readEqual(descriptor, bytes) ? .unchanged : .changed
    }

    /// Carries the previous output's file at `relativePath` over as it is, unread (its page's fingerprint
    /// did not change); false when there is none or it cannot be linked.
    func keepPrevious(_ relativePath: String) -> Bool {
        guard hasPrevious else { return false }
        let staged = stagingPath + "/" + relativePath
        if usesSpare {
            if isPreviousFile(relativePath) { return true }
            unlink(staged)
        }
        return linkPrevious(relativePath, to: staged)
    }

    /// Whether the staging folder's file at `relativePath` is the previous output's (one inode: a file the
    /// last build carried over, which the spare tree shares with it).
    func isPreviousFile(_ relativePath: String) -> Bool {
        var staged = stat(), previous = stat()
        guard lstat(stagingPath + "/" + relativePath, &staged) == 0, staged.st_mode & S_IFMT == S_IFREG,
              lstat(target.path + "/" + relativePath, &previous) == 0 else { return false }
        return staged.st_dev == previous.st_dev && staged.st_ino == previous.st_ino
    }

    /// Hard-links the previous output's file into the staging folder; false when the file system refused
    /// (another device, no hard links), and the caller writes the bytes instead.
    func linkPrevious(_ relativePath: String, to stagedPath: String) -> Bool {
        let previous = target.path + "/" + relativePath
        if link(previous, stagedPath) == 0 { return true }
        guard errno == ENOENT, makeFolder(holding: stagedPath) == nil else { return false }
        return link(previous, stagedPath) == 0
    }

    /// The files of the previous output (the marker and other hidden entries aside), relative to it. From the
    /// spare tree, their inode numbers are kept too (`liveFiles`): the listing gives them for nothing.
    mutating func readPreviousFiles() -> [String] {
        guard hasPrevious else { return [] }
        let files = FolderWalk.files(in: targetPath)
        var info = stat()
        if usesSpare, lstat(targetPath, &info) == 0 {
            var inodes: [String: UInt64] = [:]
            inodes.reserveCapacity(files.count)
            for file in files where !file.isLink { inodes[file.path] = file.inode }
            liveFiles = LiveFiles(device: UInt64(info.st_dev), inodes: inodes)
        }
        return files.map(\.path)
    }
}

/// Whether the rest of the file behind `descriptor` is exactly `bytes`, read in blocks.
private func readEqual(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let blockSize = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while offset < bytes.count {
        let wanted = min(blockSize, bytes.count - offset)
        let got = read(descriptor, buffer, wanted)
        if got < 0, errno == EINTR { continue }
        guard got > 0, memcmp(buffer, bytes.baseAddress! + offset, got) == 0 else { return false }
        offset += got
    }
    return true
}
