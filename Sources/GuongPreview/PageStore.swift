import Foundation
import GuongKit
import GuongRender

/// The rendered site in memory, and what the open pages should know about it: shared between the
/// rebuilding queue, which writes, and the server's request handlers, which read.
final class PageStore: @unchecked Sendable {
    /// What the browser is told after every rebuild.
    struct State: Sendable, Equatable {
        /// Changes whenever the served site does; random per server run, so pages reload after a restart too.
        var version: String
        /// The version this one replaced: a page that holds another one missed a change and reloads.
        var previous: String
        /// The pages (URL paths) that changed from `previous` to `version`; nil when too many to list.
        var changed: [String]?
        /// When the served site last changed, in milliseconds since 1970 (pages loaded before reload).
        var builtAt: Int
        /// Whether a good build has been served yet.
        var hasSite: Bool
        /// The errors that keep the latest changes off the site, as check lines; empty when all is well.
        var problems: [String]
    }

    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var current: State
    private let session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private var counter = 0
    private var base = "/"

    init() {
        current = State(version: session + "-0", previous: session + "-0", changed: nil, builtAt: 0, hasSite: false, problems: [])
    }

    /// The file at an output path (`nam/2022/index.html`).
    func file(_ path: String) -> Data? { lock.withLock { files[path] } }

    var state: State { lock.withLock { current } }

    /// The base URL's path of the served site (`/dien-hinh/`); pages are answered under it.
    var basePath: String {
        get { lock.withLock { base } }
        set { lock.withLock { base = newValue } }
    }

    var fileCount: Int { lock.withLock { files.count } }

    func publish(_ file: OutputFile) { lock.withLock { files[file.path] = Data(file.contents) } }

    func remove(_ paths: [String]) { lock.withLock { for path in paths { files[path] = nil } } }

    /// After a good build (or part of one), marks a new version served if `paths` (output paths) changed;
    /// records the problems either way. Returns the state and whether the open pages need to hear about it.
    func commit(changed paths: [String], built: Bool = true, problems: [String]) -> (State, Bool) {
        lock.withLock {
            let before = current
            if built, !paths.isEmpty || !current.hasSite {
                counter += 1
                current.previous = current.version
                current.version = "\(session)-\(counter)"
                current.builtAt = Int(Date().timeIntervalSince1970 * 1000)
                current.changed = !current.hasSite || paths.count > 1000 ? nil : paths.map { path in
                    base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
                }.sorted()
                current.hasSite = true
            }
            current.problems = problems
            return (current, current != before)
        }
    }
}
