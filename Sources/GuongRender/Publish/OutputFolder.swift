// Unsafe code: write(2) of a file's bytes from their buffer.
import Foundation
import GuongKit
import Synchronization

/// Writes a site beside its output folder and swaps it in whole, so a failed or interrupted build
/// leaves the previous site as it was. Folders guong made carry a marker; others are never replaced.
public struct OutputFolder: Sendable {
    /// The marker file in every folder guong writes.
    public static let markerName = ".guong-output"
    static let markerText = "Thư mục này do guong tạo ra; lệnh guong build thay toàn bộ nội dung của nó.\n"

    public let target: URL
    /// `target` as a path, made once (a URL's path is made anew on every use).
    let targetPath: String
    /// Where the new site is written before the swap.
    public let staging: URL
    /// `staging` as a path, for the system calls that write into it.
    let stagingPath: String
    /// Whether `target` holds a previous output to compare with and carry unchanged files over from.
    let hasPrevious: Bool
    /// The tree the last build swapped out (`.<name>.guong-spare`), kept to become the next staging folder.
    let spare: URL
    /// Whether the staging folder starts as the spare tree (the build before the last one's output): its
    /// files that are the previous output's files already (hard links, the same inode) stay as they are, any
    /// other is replaced, and what the new site does not hold is removed before the swap (`OutputFolder+Spare`).
    let usesSpare: Bool
    /// The folders made in a staging folder that started empty (nil when it is the spare tree, whose folders
    /// mostly exist already): each folder is made once, before its first file is opened.
    let madeFolders: MadeFolders?
    /// The live site's files as `readPreviousFiles` listed them, when the staging folder is the spare tree: what a
    /// photo's files are checked against (`LiveFolder`).
    var liveFiles: LiveFiles?
    /// The staging folder, kept open for the photo files' checks against `liveFiles`.
    let stagingRoot: StagingDescriptor

    /// Why an output folder cannot be used.
    public enum Problem: Error, Equatable, Sendable {
        /// The folder exists, is not empty and was not made by guong.
        case foreign(path: String)
        /// The folder is the site, its content or theme, the file-system root or the home folder, or holds one of them.
        case protected(path: String)
        case notAFolder(path: String)
        case io(path: String, reason: String)
    }

    /// Checks that `target` may be replaced for the site at `siteRoot`.
    public init(target: URL, siteRoot: URL) throws(Problem) {
        let target = try Self.guardedTarget(target, siteRoot: siteRoot)
        let path = target.path
        var isDirectory: ObjCBool = false
        var hasPrevious = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notAFolder(path: path) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty, !entries.contains(Self.markerName) { throw .foreign(path: path) }
            hasPrevious = entries.contains(Self.markerName)
        }
        self.hasPrevious = hasPrevious
        self.target = target
        targetPath = target.path
        let name = target.lastPathComponent
        staging = target.deletingLastPathComponent().appendingPathComponent(".\(name).guong-new-\(getpid())", isDirectory: true)
        stagingPath = staging.path
        spare = target.deletingLastPathComponent().appendingPathComponent(".\(name).guong-spare", isDirectory: true)
        usesSpare = hasPrevious && Self.isMarkedFolder(spare)
        madeFolders = usesSpare ? nil : MadeFolders(root: stagingPath)
        stagingRoot = StagingDescriptor(path: stagingPath)
    }

    /// Creates the empty staging folder, marked as ours.
    public func prepare() throws(Problem) {
        do {
            try? FileManager.default.removeItem(at: staging)
            if usesSpare, rename(spare.path, stagingPath) == 0 {
                // The spare tree, to be brought up to date.
                openUp()
            } else {
                // A spare tree without a previous output beside it is of no use.
                if !hasPrevious, Self.isMarkedFolder(spare) { Self.removeMarkedFolder(spare) }
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            }
        } catch {
            throw .io(path: staging.path, reason: SystemErrorText.vietnamese(error))
        }
        // Carried over like any file, so a rebuild with nothing changed changes no file's date.
        try write(OutputFile(path: Self.markerName, contents: Array(Self.markerText.utf8)))
    }

    /// Puts one file into the staging folder — carried over from the previous output when its bytes are the
    /// same, written otherwise — and says which; called from many threads, each with its own path.
    @discardableResult
    public func write(_ file: OutputFile) throws(Problem) -> OutputChange {
        try writeStamped(file).change
    }

    /// `write`, with the stamp of the file written (from its descriptor, before it is closed), or nil when
    /// the previous file was carried over or the stamp could not be read: the build manifest then `lstat`s it.
    func writeStamped(_ file: OutputFile) throws(Problem) -> (change: OutputChange, stamp: FileStamp?) {
        let path = stagingPath + "/" + file.path
        let change = file.contents.withUnsafeBytes { compareWithPrevious(file.path, $0) }
        if change == .unchanged, keepPrevious(file.path) { return (.unchanged, nil) }
        // From the spare tree, a file may be there already, maybe a link to the live site's: replaced, never written into.
        if usesSpare { unlink(path) }
        // A new staging folder has no folders yet: each is made before its first file instead of after a failed open.
        if let madeFolders, let failure = madeFolders.make(holding: path) {
            throw .io(path: path, reason: String(cString: strerror(failure)))
        }
        // Plain open/write/close: Foundation's Data.write fsyncs every file, which made a build of thousands
        // of pages wait on the disk. Durability is not what the swap promises; the old site stays until commit.
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT {
            // Folders are made on demand: one failed open per new folder instead of a mkdir per file.
            if let failure = makeFolder(holding: path) { throw .io(path: path, reason: String(cString: strerror(failure))) }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let failure = file.contents.withUnsafeBytes { writeAll(descriptor, $0) }
        if let failure { throw .io(path: path, reason: String(cString: strerror(failure))) }
        return (change, FileStamp(descriptor: descriptor))
    }

    /// Removes the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Makes the folder `path` is in, and any missing folders above it (`mkdir -p`, by system calls: FileManager
/// checks every component of the path first, which docs/performance.md shows costs); the `errno` of a
/// failure, or nil. Two threads making the same folder is no failure.
func makeFolder(holding path: String) -> Int32? {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return nil }
    let folder = String(path[..<slash])
    if mkdir(folder, 0o777) == 0 || errno == EEXIST { return nil }
    guard errno == ENOENT else { return errno }
    if let failure = makeFolder(holding: folder) { return failure }
    return mkdir(folder, 0o777) == 0 || errno == EEXIST ? nil : errno
}

/// The folders made so far in a new staging folder, shared by the threads that write into it, kept as the
/// hashes of their paths (tens of thousands of folders at 50,000 profiles): two folders with one hash would
/// only cost the second's first file a failed open, after which `write` makes its folder anyway.
final class MadeFolders: Sendable {
    private let made: Mutex<Set<Int>>

    init(root: String) {
        made = Mutex([root.hashValue])
    }

    /// Makes the folder `path` is in unless it was made already; the `errno` of a failure, or nil.
    func make(holding path: String) -> Int32? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let folder = path[..<slash].hashValue
        if made.withLock({ $0.contains(folder) }) { return nil }
        if let failure = makeFolder(holding: path) { return failure }
        made.withLock { _ = $0.insert(folder) }
        return nil
    }
}

/// Writes all of `bytes` to `descriptor`; the `errno` of a failure, or nil.
private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return nil
}
