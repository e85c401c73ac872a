// Unsafe code: inotify hands over its events as C structures in a byte buffer.
#if os(Linux)
import Dispatch
import Foundation
import Glibc
import Synchronization

/// Linux's inotify: the kernel names each changed file at once, so a save is seen in milliseconds
/// whatever the size of the site. Every folder below `content/` and `theme/` gets a watch; folders
/// that appear get one too.
final class InotifyWatcher: FileWatching, Sendable {
    private let siteRoot: String
    private let queue: DispatchQueue
    private let batcher: ChangeBatcher
    private let descriptor: Int32
    /// The watched folders by watch descriptor: changed on `queue` only, behind a lock all the same.
    private let folders = Mutex<[Int32: String]>([:])
    /// Dispatch sources are not `Sendable`; this one is only touched behind the lock.
    private let source = Mutex<DispatchSourceRead?>(nil)

    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                                             | IN_DELETE_SELF | IN_MOVE_SELF)
    private static let rootEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)

    init?(siteRoot: URL, queue: DispatchQueue, delay: DispatchTimeInterval, handler: @escaping @Sendable (FileChanges) -> Void) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.siteRoot = siteRoot.standardizedFileURL.path
        self.queue = queue
        batcher = ChangeBatcher(queue: queue, delay: delay, handler: handler)
    }

    deinit {
        // Without a source (never started), nothing else closes the descriptor.
        if source.withLock({ $0 == nil }) { close(descriptor) }
    }

    func start() throws(FileWatcherError) {
        var failure: FileWatcherError?
        queue.sync {
            // The site folder itself only for content/ and theme/ coming or going.
            let rootWatch = inotify_add_watch(descriptor, siteRoot, Self.rootEvents | UInt32(IN_ONLYDIR))
            guard rootWatch >= 0 else {
                failure = FileWatcherError(reason: String(cString: strerror(errno)))
                return
            }
            folders.withLock { $0[rootWatch] = siteRoot }
            for folder in FileWatcher.watchedFolders { watchTree(siteRoot + "/" + folder) }
            let (descriptor, queue) = (self.descriptor, self.queue)
            source.withLock { source in
                let reader = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
                reader.setEventHandler { [weak self] in self?.readEvents() }
                reader.setCancelHandler { close(descriptor) }
                reader.resume()
                source = reader
            }
        }
        if let failure { throw failure }
    }

    /// Safe from any thread and does not wait for a rebuild in progress (set once, by `start`).
    func stop() {
        source.withLock { $0?.cancel() }
    }

    /// Watches `path` and every non-hidden folder below it.
    private func watchTree(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let descriptor = inotify_add_watch(self.descriptor, path, Self.folderEvents | UInt32(IN_ONLYDIR))
        guard descriptor >= 0 else { return }
        folders.withLock { $0[descriptor] = path }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var childIsDirectory: ObjCBool = false
            // Links to folders are not followed: content must stay inside the site.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) == nil,
               FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                watchTree(child)
            }
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    handle(watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self))
                    offset += 16 + length
                }
            }
        }
    }

    private func handle(watch: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: look at everything again.
            for folder in FileWatcher.watchedFolders { batcher.add(siteRoot + "/" + folder, rescan: true) }
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.withLock { $0[watch] = nil }
            return
        }
        guard let folder = folders.withLock({ $0[watch] }) else { return }
        if name.hasPrefix(".") { return }  // editors' swap and temporary files
        let path = name.isEmpty ? folder : folder + "/" + name
        if folder == siteRoot {
            guard FileWatcher.watchedFolders.contains(name) else { return }
        }
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
            if mask & UInt32(IN_MOVED_FROM) != 0 {
                folders.withLock { folders in
                    for (descriptor, watched) in folders where watched == path || watched.hasPrefix(path + "/") {
                        inotify_rm_watch(self.descriptor, descriptor)
                        folders[descriptor] = nil
                    }
                }
            }
        }
        batcher.add(path, rescan: isFolder || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0)
    }
}
#endif
