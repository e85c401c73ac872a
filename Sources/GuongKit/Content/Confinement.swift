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
        resolvedRoot = confinement.standardizedFileURL.resolvingSymlinksInPath().path + "/"
    }

    /// The file `relativePath` names from the profile's folder, or nil when it leads outside:
    /// `..` past the root, or an existing path whose symbolic links lead out of it.
    func resolve(_ relativePath: String) -> URL? {
        let url = folder.appendingPathComponent(relativePath).standardizedFileURL
        guard url.path.hasPrefix(root) else { return nil }
        if FileManager.default.fileExists(atPath: url.path), !url.resolvingSymlinksInPath().path.hasPrefix(resolvedRoot) {
            return nil
        }
        return url
    }

    /// The path part of a relative link (`../a/b.md?x#y` → `../a/b.md`), percent-decoded; nil for `#…` or `?…` alone.
    static func path(ofLink link: String) -> String? {
        let path = link.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty else { return nil }
        return String(path).removingPercentEncoding ?? String(path)
    }
}
