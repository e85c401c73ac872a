import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Where the package and its test fixtures live, found from this file's path so that the
/// end-to-end tests can hand the binary the same real paths the library tests read.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let folder = testsFolder.appendingPathComponent("Fixtures", isDirectory: true)
    static let basicSite = folder.appendingPathComponent("basic-site", isDirectory: true)
    static let errorSite = folder.appendingPathComponent("error-site", isDirectory: true)
    static let diagnostics = folder.appendingPathComponent("diagnostics", isDirectory: true)

    static func diagnostic(_ name: String) -> URL { diagnostics.appendingPathComponent(name) }

    /// `url`'s path relative to the package root, as the binary prints it when run there.
    static func relativePath(_ url: URL) -> String {
        let root = packageRoot.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// The basic site, loaded whole.
    static func loadBasicSite() throws -> SiteContent {
        try SiteLoader(root: basicSite).load()
    }
}

/// A copy of the basic site's `content/` in a fresh temporary folder, to add files to or change;
/// the folder goes away with the value.
final class TemporarySite {
    let root: URL

    init(copying source: URL = Fixtures.basicSite) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("guong-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source.appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// Writes `text` at `relativePath` (e.g. `content/profiles/an.md`), creating folders as needed.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> URL {
        let url = url(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: url(relativePath))
    }

    /// Loads the site with paths shown relative to it (`content/profiles/…`).
    func load(limits: Limits = Limits()) throws -> SiteContent {
        try SiteLoader(root: root, limits: limits).load()
    }
}

/// Profile texts for tests that build a site.
enum ProfileText {
    /// A valid body: a lead and a *Thành tích nổi bật* list.
    static let body = """

        Lời giới thiệu ngắn.

        ## Thành tích nổi bật

        - Một thành tích.

        """

    /// A profile file: `frontMatter` between fences, then `body`.
    static func make(_ frontMatter: String, body: String = body) -> String {
        "---\n\(frontMatter)\n---\n\(body)"
    }

    /// A valid individual of `unit`, with Vietnamese keys.
    static func individual(name: String, unit: String = "th-nhi-binh", position: String = "Giáo viên",
                           extra: String = "") -> String {
        let lines = ["loại: cá nhân", "tên: \(name)", "chức vụ: \(position)", "đơn vị: \(unit)",
                     "lĩnh vực: [a]", "năm: 2023"] + (extra.isEmpty ? [] : [extra])
        return make(lines.joined(separator: "\n"))
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics with `code`.
    func with(_ code: DiagnosticCode) -> [Diagnostic] { filter { $0.code == code } }

    /// The diagnostics about the file shown as `path`.
    func about(_ path: String) -> [Diagnostic] { filter { $0.location.path == path } }

    var codes: Set<DiagnosticCode> { Set(map(\.code)) }
}
