import Foundation
import GuongKit
import Synchronization

/// How a file of the new site compares with the file at the same path in the previous output.
public enum OutputChange: String, Sendable, Codable {
    /// No file at that path before.
    case added
    /// A file there with other bytes.
    case changed
    /// The same bytes: the previous file is carried over (hard-linked), keeping its modification time.
    case unchanged
    /// A file of the previous output that the new site does not have.
    case removed
}

/// What a build changed in the output folder, for `--changes` and an upload script: paths relative to the
/// output folder, in no particular order (`entries`, `text()` and `json()` sort them: a first build adds
/// sixteen thousand files, which only `--changes` lists).
public struct OutputChanges: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    public var unchangedCount = 0

    public init() {}

    /// One line per added, changed or removed file: its kind, a tab, its path; sorted by path.
    public func text() -> String {
        entries.map { "\($0.change.rawValue)\t\($0.path)\n" }.joined()
    }

    /// `{"added":n,"changed":n,"files":[{"change":…,"path":…}…],"removed":n,"unchanged":n}`, keys sorted.
    public func json() -> String {
        var json = JSONOutput()
        json.raw("{")
        json.key("added"); json.int(added.count)
        json.key("changed"); json.int(changed.count)
        json.key("files")
        json.array(entries) { json, entry in
            json.raw("{")
            json.field("change", entry.change.rawValue)
            json.field("path", entry.path)
            json.raw("}")
        }
        json.key("removed"); json.int(removed.count)
        json.key("unchanged"); json.int(unchangedCount)
        json.raw("}\n")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Every added, changed and removed path with its kind, by path.
    public var entries: [(path: String, change: OutputChange)] {
        (added.map { ($0, OutputChange.added) } + changed.map { ($0, .changed) } + removed.map { ($0, .removed) })
            .map { (path: $0.0, change: $0.1) }
            .sortedByUTF8(\.path)
    }
}

/// Collects, from the threads that write the site (or hand it to the preview), what each file was and how
/// many pages there are.
package final class OutputLedger: Sendable {
    private struct State {
        var changes = OutputChanges()
        var written: Set<String> = []
        /// Each file made from a fingerprint, in the order recorded, with its stamp if it was known when the
        /// file was put in place (the rest are read for the manifest). A list, not a table by path: the
        /// manifest is written from it as it is, at the end of a build that has nothing else left to do.
        var recorded: [BuildManifest.Recorded] = []
        var files = 0
        var pages = 0
        var notRendered = 0
    }
    private let state = Mutex(State())

    /// Files published from the photo cache have no `fingerprint`: they are known unchanged by their inode.
    /// `expectedFiles` (the previous output's count) sizes the set of paths once instead of growing it step by step.
    package init(expectedFiles: Int = 0) {
        state.withLock { $0.written.reserveCapacity(expectedFiles) }
    }

    package func record(_ path: String, _ change: OutputChange, fingerprint: Fingerprint? = nil, stamp: FileStamp? = nil,
                        rendered: Bool = true) {
        state.withLock { state in
            if !rendered { state.notRendered += 1 }
            state.files += 1
            if path.hasSuffix(".html") { state.pages += 1 }
            let isNew = state.written.insert(path).inserted
            if let fingerprint {
                // The same path again (never in a build; kept right all the same): the last record holds.
                if !isNew { state.recorded.removeAll { $0.path == path } }
                state.recorded.append(.init(path: path, fingerprint: fingerprint, stamp: stamp))
            }
            switch change {
            case .added: state.changes.added.append(path)
            case .changed: state.changes.changed.append(path)
            case .unchanged: state.changes.unchangedCount += 1
            case .removed: state.changes.removed.append(path)
            }
        }
    }

    var files: Int { state.withLock { $0.files } }
    /// Every file recorded, by path.
    var paths: Set<String> { state.withLock { $0.written } }
    /// What each file was made from, by path.
    package var fingerprints: [String: Fingerprint] {
        Dictionary(recorded.map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { _, last in last })
    }
    /// Each file made from a fingerprint, with its stamp if it was known when it was put in place.
    var recorded: [BuildManifest.Recorded] { state.withLock { $0.recorded } }
    var pages: Int { state.withLock { $0.pages } }
    /// Pages carried over by their fingerprint, without being rendered.
    var notRendered: Int { state.withLock { $0.notRendered } }

    /// The changes, with the previous output's files that were not written again counted as removed.
    package func changes(previousFiles: [String]) -> OutputChanges {
        state.withLock { state in
            var changes = state.changes
            changes.removed = previousFiles.filter { !state.written.contains($0) }
            return changes
        }
    }
}

extension Array {
    /// Sorted by the order of the UTF-8 bytes of each element's `key`. Output paths are ASCII, for which the
    /// standard library's `<` is that order and compares the bytes in place; a generic comparison of the UTF-8
    /// views cost ten times as much over the 16,000 paths of a first build. Any other text is compared as bytes.
    func sortedByUTF8(_ key: KeyPath<Element, String>) -> [Element] {
        if allSatisfy({ $0[keyPath: key].utf8.allSatisfy { $0 < 0x80 } }) {
            sorted { $0[keyPath: key] < $1[keyPath: key] }
        } else {
            sorted { $0[keyPath: key].utf8.lexicographicallyPrecedes($1[keyPath: key].utf8) }
        }
    }
}
