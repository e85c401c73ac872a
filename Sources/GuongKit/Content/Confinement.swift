import Foundation

/// Where a profile's photo and relative links may point: inside `content/` (or, for a file checked on its
/// own, inside its folder), written paths and symbolic links alike.
struct Confinement {
    /// The folder everything must stay in, as written and with symbolic links resolved.
    private let root: String
    private let resolvedRoot: String
    private let folder: URL

    init(contentRoot: URL, file: ContentFile) {
        let contentPath = contentRoot.standardizedFileURL.path
        folder = file.url.deletingLastPathComponent().standardizedFileURL
        let confinement = file.url.standardizedFileURL.path.hasPrefix(contentPath + "/") ? contentRoot : folder
        root = confinement.standardizedFileURL.path + "/"
        resolvedRoot = Self.resolvingSymlinks(confinement.standardizedFileURL) + "/"
    }

    /// The file `relativePath` names from the profile's folder, or nil when it leads outside:
    /// `..` past the root, or an existing path whose symbolic links lead out of it.
    func resolve(_ relativePath: String) -> URL? {
        var url = folder.appendingPathComponent(relativePath).standardizedFileURL
        guard url.path.hasPrefix(root) else { return nil }
        if !FileManager.default.fileExists(atPath: url.path), let found = Self.normalisedMatch(of: url, below: root) { url = found }
        if FileManager.default.fileExists(atPath: url.path), !Self.resolvingSymlinks(url).hasPrefix(resolvedRoot) {
            return nil
        }
        return url
    }

    /// The path of `url` with its symbolic links resolved: by realpath(3), far cheaper than Foundation's
    /// `resolvingSymlinksInPath` (docs/performance.md, Photos), which stays for a path realpath cannot resolve.
    static func resolvingSymlinks(_ url: URL) -> String {
        guard let resolved = realpath(url.path, nil) else { return url.resolvingSymlinksInPath().path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path on disk whose names below `base` equal `url`'s after Unicode normalisation, when `url` is missing:
    /// a Mac writes file names in NFD, while the profile's text (and so `url`) is NFC.
    static func normalisedMatch(of url: URL, below base: String) -> URL? {
        var current = String(base.dropLast())
        for component in url.path.dropFirst(base.count).split(separator: "/").map(String.init) {
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
        return URL(fileURLWithPath: current)
    }

    /// The path part of a relative link (`../a/b.md?x#y` → `../a/b.md`), percent-decoded; nil for `#…` or `?…` alone.
    static func path(ofLink link: String) -> String? {
        let path = link.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty else { return nil }
        return String(path).removingPercentEncoding ?? String(path)
    }
}
