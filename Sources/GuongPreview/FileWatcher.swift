import Dispatch
import Foundation
import Synchronization

/// Paths that changed below the watched folders since the last batch.
struct FileChanges: Sendable {
    var paths: Set<String> = []
    /// A folder came, went or moved, or the watcher lost track: list everything again.
    var rescan = false

    var isEmpty: Bool { paths.isEmpty && !rescan }
}

/// Watches a site's `content/` and `theme/` and reports changes in batches on `queue`.
protocol FileWatching: AnyObject, Sendable {
    func start() throws(FileWatcherError)
    func stop()
}

/// Why watching could not start.
struct FileWatcherError: Error, Sendable {
    var reason: String
}

enum FileWatcher {
    /// The best watcher for this system: inotify on Linux, else polling modification times.
    static func make(siteRoot: URL, queue: DispatchQueue, delay: DispatchTimeInterval = .milliseconds(15),
                     handler: @escaping @Sendable (FileChanges) -> Void) -> any FileWatching {
        #if os(Linux)
        if let watcher = InotifyWatcher(siteRoot: siteRoot, queue: queue, delay: delay, handler: handler) { return watcher }
        #endif
        return PollingWatcher(siteRoot: siteRoot, queue: queue, interval: .milliseconds(300), handler: handler)
    }

    /// The folders of a site that are watched.
    static let watchedFolders = ["content", "theme"]
}

/// Gathers changes and hands them over once they settle for `delay` (a save is often several events).
final class ChangeBatcher: Sendable {
    private let queue: DispatchQueue
    private let delay: DispatchTimeInterval
    private let handler: @Sendable (FileChanges) -> Void
    private let state = Mutex<(pending: FileChanges, scheduled: Bool)>((FileChanges(), false))

    init(queue: DispatchQueue, delay: DispatchTimeInterval, handler: @escaping @Sendable (FileChanges) -> Void) {
        self.queue = queue
        self.delay = delay
        self.handler = handler
    }

    func add(_ path: String?, rescan: Bool = false) {
        let schedule = state.withLock { state in
            if let path { state.pending.paths.insert(path) }
            state.pending.rescan = state.pending.rescan || rescan
            defer { state.scheduled = true }
            return !state.scheduled
        }
        guard schedule else { return }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            let batch = state.withLock { state in
                state.scheduled = false
                defer { state.pending = FileChanges() }
                return state.pending
            }
            if !batch.isEmpty { handler(batch) }
        }
    }
}

/// Polls modification times and sizes: portable, and cheap enough for a few thousand files.
final class PollingWatcher: FileWatching, Sendable {
    private let siteRoot: URL
    private let queue: DispatchQueue
    private let interval: DispatchTimeInterval
    private let handler: @Sendable (FileChanges) -> Void
    private let snapshot = Mutex<[String: (Date, Int, Bool)]>([:])
    /// Dispatch sources are not `Sendable`; this one is only touched behind the lock.
    private let timer = Mutex<DispatchSourceTimer?>(nil)

    init(siteRoot: URL, queue: DispatchQueue, interval: DispatchTimeInterval, handler: @escaping @Sendable (FileChanges) -> Void) {
        self.siteRoot = siteRoot.standardizedFileURL
        self.queue = queue
        self.interval = interval
        self.handler = handler
    }

    func start() throws(FileWatcherError) {
        let first = scan()
        snapshot.withLock { $0 = first }
        let (queue, interval) = (self.queue, self.interval)
        timer.withLock { timer in
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + interval, repeating: interval)
            source.setEventHandler { [weak self] in self?.poll() }
            source.resume()
            timer = source
        }
    }

    func stop() {
        timer.withLock { $0?.cancel() }
    }

    /// On `queue`, one poll at a time.
    private func poll() {
        let next = scan()
        var changes = FileChanges()
        let snapshot = self.snapshot.withLock { old in
            defer { old = next }
            return old
        }
        for (path, entry) in next {
            guard let old = snapshot[path] else {
                changes.paths.insert(path)
                if entry.2 { changes.rescan = true }
                continue
            }
            if old.0 != entry.0 || old.1 != entry.1 { changes.paths.insert(path) }
        }
        for (path, entry) in snapshot where next[path] == nil {
            changes.paths.insert(path)
            if entry.2 { changes.rescan = true }
        }
        if !changes.isEmpty { handler(changes) }
    }

    /// Every non-hidden file and folder below the watched folders: modification time, size, is a folder.
    private func scan() -> [String: (Date, Int, Bool)] {
        var result: [String: (Date, Int, Bool)] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]
        for folder in FileWatcher.watchedFolders {
            let root = siteRoot.appendingPathComponent(folder, isDirectory: true)
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: Set(keys))
                result[url.standardizedFileURL.path] = (values?.contentModificationDate ?? .distantPast, values?.fileSize ?? 0,
                                                        values?.isDirectory ?? false)
            }
        }
        return result
    }
}
