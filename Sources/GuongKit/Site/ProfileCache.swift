import Foundation
import Synchronization

/// Profiles as last parsed, kept by a process that loads the same site again and again (the preview): a
/// file whose bytes, and photo, are what they were is not parsed again. The load is otherwise the build's,
/// rules across files included, so what the cache saves is only the parsing of unchanged files.
package final class ProfileCache: Sendable {
    package typealias Result = (profile: Profile?, diagnostics: [Diagnostic], isDraft: Bool)

    private struct Entry {
        var bytes: [UInt8]
        var photo: FileStamp?
        var result: Result
    }

    /// What every parse depends on besides the file (the settings files, the loader's options), and the entries.
    private let state = Mutex<(key: Fingerprint?, entries: [String: Entry])>((nil, [:]))

    package init() {}

    /// Starts a load whose parses depend on `key`: with another key than the last load's, nothing is kept.
    func begin(key: Fingerprint) {
        state.withLock { state in
            if state.key != key { state = (key, [:]) }
        }
    }

    /// The cached result for `file` if it still holds, else `parse(file)`, kept for next time.
    func result(for file: ContentFile, parse: (ContentFile) -> Result) -> Result {
        let path = file.url.path
        guard let bytes = FileManager.default.contents(atPath: path).map([UInt8].init) else { return parse(file) }
        if let entry = state.withLock({ $0.entries[path] }), entry.bytes == bytes,
           entry.photo == entry.result.profile?.photo.flatMap({ FileStamp(path: $0.path, followingLinks: true) }) {
            return entry.result
        }
        let result = parse(file)
        // A file with a photo problem is read again each time: the photo may come, or be fixed, on its own.
        let photoProblem = result.diagnostics.contains { $0.code.rawValue.hasPrefix("photo.") && $0.severity == .error }
        let photo = result.profile?.photo.flatMap { FileStamp(path: $0.path, followingLinks: true) }
        state.withLock { state in
            state.entries[path] = photoProblem || (result.profile?.photo != nil && photo == nil)
                ? nil : Entry(bytes: bytes, photo: photo, result: result)
        }
        return result
    }

    /// Forgets the files a load no longer found.
    func keep(only paths: Set<String>) {
        state.withLock { state in state.entries = state.entries.filter { paths.contains($0.key) } }
    }
}
