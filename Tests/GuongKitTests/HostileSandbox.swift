import GuongAudit
import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A temporary folder holding a copy of the basic site (`site/`), a folder that stands for the rest of the
/// machine (`outside/`, with a secret in it) and room for the output (`out/`): a hostile file goes into the site,
/// and afterwards nothing but `site/` may have been read from and nothing but `out/` written to.
final class HostileSandbox {
    let root: URL
    let site: URL
    let outside: URL
    let output: URL
    static let secret = "bí mật của máy văn phòng\n"
    static let hostileFolder = Fixtures.folder.appendingPathComponent("hostile", isDirectory: true)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("guong-hostile-\(UUID().uuidString)", isDirectory: true)
        site = root.appendingPathComponent("site", isDirectory: true)
        outside = root.appendingPathComponent("outside", isDirectory: true)
        output = root.appendingPathComponent("out", isDirectory: true)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.basicSite.appendingPathComponent("content"), to: site.appendingPathComponent("content"))
        try Data(Self.secret.utf8).write(to: outside.appendingPathComponent("secret.txt"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var profiles: URL { site.appendingPathComponent("content/profiles", isDirectory: true) }

    /// Copies a file of `Fixtures/hostile/` into `content/profiles/hostile/`.
    @discardableResult
    func addFixture(_ name: String) throws -> URL {
        let folder = profiles.appendingPathComponent("hostile", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.hostileFolder.appendingPathComponent(name), to: target)
        return target
    }

    /// Writes `bytes` as `content/profiles/hostile/<name>`.
    @discardableResult
    func addProfile(_ name: String, bytes: [UInt8]) throws -> URL {
        let folder = profiles.appendingPathComponent("hostile", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func load() throws -> SiteContent {
        try SiteLoader(root: site).load()
    }

    func build() throws(SiteBuilder.Failure) -> SiteBuilder.Report {
        var options = SiteBuilder.Options(siteRoot: site)
        options.output = output
        return try SiteBuilder(options: options).build()
    }

    /// Every path below the sandbox with its size, modification date and, for small files, contents.
    func snapshot(of folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return result }
        for case let url as URL in enumerator {
            // The photo cache is the build's own folder in the site (docs/photos.md), not the site's content.
            if url.path.dropFirst(folder.path.count).hasPrefix("/.guong-cache") { continue }
            let attributes = (try? FileManager.default.attributesOfItem(atPath: url.path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[String(url.path.dropFirst(folder.path.count))] = "\(size) \(date)"
        }
        return result
    }

    /// What the sandbox holds at its top: only `site`, `outside` and (after a build) `out` may be there.
    func topLevel() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: root.path))
    }

    func secretIsIntact() -> Bool {
        (try? String(contentsOf: outside.appendingPathComponent("secret.txt"), encoding: .utf8)) == Self.secret
    }
}

/// What a built site must never contain, file by file.
enum BuiltSiteAudit {
    /// Problems in every HTML, XML and JSON file of `output`.
    static func problems(in output: URL, basePath: String) -> [String] {
        var problems: [String] = []
        guard let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return ["no output"] }
        for case let url as URL in enumerator {
            let name = url.path.dropFirst(output.path.count)
            guard let data = try? Data(contentsOf: url) else { continue }
            switch url.pathExtension {
            case "html":
                let html = String(decoding: data, as: UTF8.self)
                // A page's own scripts, linked relative to it (the 404 page's from the root path).
                let depth = name.dropFirst().count(where: { $0 == "/" })
                let prefix = name == "/404.html" ? basePath : depth == 0 ? "" : String(repeating: "../", count: depth)
                let scripts = ["search.js", "form.js", "share.js"].map { prefix + "assets/" + $0 }
                if let problem = HTMLAudit.problem(in: html, allowedScripts: Set(scripts)) {
                    problems.append("\(name): \(problem)")
                }
                let photos = html.components(separatedBy: "<img class=\"profile-photo\"").count - 1
                    + html.components(separatedBy: "<picture class=\"card-thumb\">").count - 1
                if html.components(separatedBy: "<img").count - 1 > photos {
                    problems.append("\(name): an <img> that is not the profile photo")
                }
            case "xml":
                let parser = XMLParser(data: data)
                if !parser.parse() { problems.append("\(name): not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?"))") }
                if data.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) { problems.append("\(name): a control character") }
            case "json":
                if (try? JSONSerialization.jsonObject(with: data)) == nil { problems.append("\(name): not valid JSON") }
            default:
                break
            }
        }
        return problems
    }
}
