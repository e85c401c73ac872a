import Foundation
import Synchronization
import GuongKit
import GuongRender

/// The rendered site in memory, and what the open pages should know about it: shared between the
/// rebuilding queue, which writes, and the server's request handlers, which read.
final class PageStore: Sendable {
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

    /// Everything that changes, behind one lock.
    private struct Contents {
        var files: [String: Data] = [:]
        var current: State
        var counter = 0
        var base = "/"
    }

    private let session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private let contents: Mutex<Contents>

    init() {
        let first = State(version: session + "-0", previous: session + "-0", changed: nil, builtAt: 0, hasSite: false, problems: [])
        contents = Mutex(Contents(current: first))
    }

    /// The file at an output path (`nam/2022/index.html`).
    func file(_ path: String) -> Data? { contents.withLock { $0.files[path] } }

    var state: State { contents.withLock { $0.current } }

    /// The base URL's path of the served site (`/dien-hinh/`); pages are answered under it.
    var basePath: String {
        get { contents.withLock { $0.base } }
        set { contents.withLock { $0.base = newValue } }
    }

    var fileCount: Int { contents.withLock { $0.files.count } }

    func publish(_ file: OutputFile) {
        let data = Data(file.contents)
        contents.withLock { $0.files[file.path] = data }
    }

    func remove(_ paths: [String]) { contents.withLock { for path in paths { $0.files[path] = nil } } }

    /// After a good build (or part of one), marks a new version served if `paths` (output paths) changed;
    /// records the problems either way. Returns the state and whether the open pages need to hear about it.
    func commit(changed paths: [String], built: Bool = true, problems: [String]) -> (State, Bool) {
        contents.withLock { contents in
            let before = contents.current
            if built, !paths.isEmpty || !contents.current.hasSite {
                contents.counter += 1
                contents.current.previous = contents.current.version
                contents.current.version = "\(session)-\(contents.counter)"
                contents.current.builtAt = Int(Date().timeIntervalSince1970 * 1000)
                let base = contents.base
                contents.current.changed = !contents.current.hasSite || paths.count > 1000 ? nil : paths.map { path in
                    base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
                }.sorted()
                contents.current.hasSite = true
            }
            contents.current.problems = problems
            return (contents.current, contents.current != before)
        }
    }
}
