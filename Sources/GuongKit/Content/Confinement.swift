import Foundation

/// Where a profile's photo and relative links may point: inside `content/` (or, for a file checked on its
/// own, inside its folder), written paths and symbolic links alike.
struct Confinement {
    /// The folder everything must stay in, as written; ends in `/`.
    private let root: String
    /// The folder of the file whose paths are resolved.
    private let folder: String

    /// A file a path names inside the root.
    struct Resolved {
        var path: String
        /// What `stat` says of it (links followed); nil when there is no such file.
        var status: stat?
    }

    // Plain paths, not Foundation URLs: making and standardising URLs was half of what loading a site's
    // photos cost on a rebuild (docs/performance.md, Photos).
    init(contentRoot: URL, file: ContentFile) {
        let contentPath = Self.normalised(contentRoot.path)
        let filePath = Self.normalised(file.path)
        folder = String(filePath[..<(filePath.lastIndex(of: "/") ?? filePath.startIndex)])
        root = (filePath.hasPrefix(contentPath + "/") ? contentPath : folder) + "/"
    }

    /// The file `relativePath` names from the profile's folder, or nil when it leads outside:
    /// `..` past the root, or an existing path whose symbolic links lead out of it.
    func resolve(_ relativePath: String) -> URL? {
        resolveFile(relativePath).map { URL(fileURLWithPath: $0.path) }
    }

    /// `resolve`, as a path with the file's status.
    func resolveFile(_ relativePath: String) -> Resolved? {
        var path = Self.normalised(folder + "/" + relativePath)
        guard path.hasPrefix(root) else { return nil }
        // The common case, a path with no link below the root: `lstat` of each name below it (the path
        // itself then stays inside), rather than realpath(3), which reads every component as a link.
        switch Self.linksBelow(root: root, in: path) {
        case .none(let status):
            return Resolved(path: path, status: status)
        case .missing:
            guard let found = Self.normalisedMatch(of: path, below: root) else { return Resolved(path: path, status: nil) }
            path = found
        case .some:
            break
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return Resolved(path: path, status: nil) }
        let resolvedRoot = Self.resolvingSymlinks(String(root.dropLast())) + "/"
        return Self.resolvingSymlinks(path).hasPrefix(resolvedRoot) ? Resolved(path: path, status: status) : nil
    }

    private enum Links {
        /// None: the path's own status.
        case none(stat)
        case some
        /// A name below the root does not exist.
        case missing
    }

    /// Whether a name of `path` below `root` is a symbolic link.
    private static func linksBelow(root: String, in path: String) -> Links {
        var current = String(path.prefix(root.count - 1))
        var status = stat()
        for name in path.dropFirst(root.count).split(separator: "/") {
            current += "/" + name
            guard lstat(current, &status) == 0 else { return .missing }
            if status.st_mode & S_IFMT == S_IFLNK { return .some }
        }
        return .none(status)
    }

    /// The absolute `path` without `.`, `..` and empty components, as written (symbolic links are not looked at).
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` with its symbolic links resolved: by realpath(3), far cheaper than Foundation's
    /// `resolvingSymlinksInPath` (docs/performance.md, Photos), which stays for a path realpath cannot resolve.
    static func resolvingSymlinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path on disk whose names below `base` equal `path`'s after Unicode normalisation, when `path` is missing:
    /// a Mac writes file names in NFD, while the profile's text (and so `path`) is NFC.
    static func normalisedMatch(of path: String, below base: String) -> String? {
        var current = String(base.dropLast())
        for component in path.dropFirst(base.count).split(separator: "/").map(String.init) {
            let candidate = current + "/" + component
            if FileManager.default.fileExists(atPath: candidate) {
                current = candidate
                continue
            }
            // Swift compares strings by canonical equivalence: an NFD name equals its NFC spelling.
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current),
                  let match = names.sorted().first(where: { $0 == component }) else { return nil }
            current += "/" + match
        }
        return current
    }

    /// The path part of a relative link (`../a/b.md?x#y` → `../a/b.md`), percent-decoded; nil for `#…` or `?…` alone.
    static func path(ofLink link: String) -> String? {
        let path = link.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty else { return nil }
        return String(path).removingPercentEncoding ?? String(path)
    }
}
