import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// A build into a previous output carries unchanged files over (same bytes, same inode and modification
/// time), lists what changed, and leaves exactly what a clean build would.
@Suite("Rebuild into the previous output")
struct RebuildTests {
    struct FileStamp: Equatable {
        var inode: UInt64
        var modified: Int
        var modifiedNanoseconds: Int
    }

    /// Every file's inode and modification time, by path.
    func stamps(_ root: URL) throws -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for path in try SiteBuildFixture.tree(root).keys {
            var info = stat()
            try #require(lstat(root.path + "/" + path, &info) == 0)
            result[path] = FileStamp(inode: UInt64(info.st_ino), modified: Int(info.st_mtim.tv_sec),
                                     modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
        }
        return result
    }

    func build(_ site: URL, into output: URL, _ extra: [String] = []) throws -> SiteBuildFixture.Run {
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path] + extra)
        try #require(run.status == 0, "guong build exited \(run.status): \(run.stderr)")
        return run
    }

    @Test("a build with nothing changed writes no file: every file keeps its inode and modification time")
    func nothingChanged() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        _ = try build(site, into: output)
        let before = try stamps(output)
        let changes = temp.appendingPathComponent("changes.txt")
        let run = try build(site, into: output, ["--changes", changes.path])
        let after = try stamps(output)
        // Every page, asset and data file, and the marker, is carried over.
        #expect(after == before)
        #expect(run.stdout.contains("0 tệp mới, 0 tệp sửa, 0 tệp bỏ"))
        #expect(try String(contentsOf: changes, encoding: .utf8) == "")
    }

    @Test("after an edit, the output equals a clean build's; only changed files are new; the list names them")
    func editEqualsCleanBuild() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        _ = try build(site, into: output)
        let before = try stamps(output)
        let beforeTree = try SiteBuildFixture.tree(output)

        // Edit one profile's body.
        let profiles = site.appendingPathComponent("content/profiles")
        let editedURL = profiles.appendingPathComponent("nguyen-thi-minh-thu.md")
        let text = try String(contentsOf: editedURL, encoding: .utf8)
        try (text + "\nMột đoạn thêm vào cuối hồ sơ.\n").write(to: editedURL, atomically: true, encoding: .utf8)

        let changesURL = temp.appendingPathComponent("changes.json")
        _ = try build(site, into: output, ["--changes", changesURL.path, "--changes-format", "json"])
        let rebuilt = try SiteBuildFixture.tree(output)
        let clean = temp.appendingPathComponent("clean")
        _ = try build(site, into: clean)
        #expect(SiteBuildFixture.differences(rebuilt, try SiteBuildFixture.tree(clean)).isEmpty)

        let after = try stamps(output)
        let rewritten = Set(after.filter { before[$0.key] != $0.value }.keys)
        let differing = Set(rebuilt.filter { beforeTree[$0.key] != $0.value }.keys)
        // Exactly the files whose bytes changed were written; the rest are the previous files themselves.
        #expect(rewritten == differing)
        #expect(!rewritten.isEmpty && rewritten.count < rebuilt.count / 2)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: changesURL)) as? [String: Any]
        let files = try #require(json?["files"] as? [[String: String]])
        #expect(Set(files.filter { $0["change"] == "changed" }.compactMap { $0["path"] }) == differing)
        #expect(json?["added"] as? Int == 0 && json?["removed"] as? Int == 0)
        #expect(json?["unchanged"] as? Int == rebuilt.count - differing.count - 1)  // the marker is not counted
    }

    @Test("the spare tree: the old site kept beside the output becomes the next staging folder, never written through")
    func spareTree() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        let spare = temp.appendingPathComponent(".public.guong-spare")
        _ = try build(site, into: output)
        #expect(!FileManager.default.fileExists(atPath: spare.path))
        _ = try build(site, into: output)
        // The old site, every file of it the live site's own (hard links), kept as the spare tree, closed to
        // all but its owner; the live site's folder keeps the usual permissions.
        #expect(try SiteBuildFixture.tree(spare) == SiteBuildFixture.tree(output))
        var info = stat()
        #expect(lstat(spare.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let mode = { (url: URL) -> mode_t in var folder = stat(); _ = lstat(url.path, &folder); return folder.st_mode & 0o777 }
        let probe = temp.appendingPathComponent("probe")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: false)
        #expect(mode(output) == mode(probe))
        let page = "dien-hinh/nguyen-thi-minh-thu/index.html"
        let livePage = try Data(contentsOf: output.appendingPathComponent(page))

        // A file planted in the spare tree, and one removed from it: neither shows in the next site.
        try Data("cũ".utf8).write(to: spare.appendingPathComponent("dien-hinh/khong-con.html"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent("nam/index.html"))
        let editedURL = site.appendingPathComponent("content/profiles/nguyen-thi-minh-thu.md")
        let text = try String(contentsOf: editedURL, encoding: .utf8)
        try (text + "\nMột đoạn thêm vào cuối hồ sơ.\n").write(to: editedURL, atomically: true, encoding: .utf8)
        let before = try stamps(output)
        _ = try build(site, into: output)
        let clean = temp.appendingPathComponent("clean")
        _ = try build(site, into: clean)
        #expect(SiteBuildFixture.differences(try SiteBuildFixture.tree(output), try SiteBuildFixture.tree(clean)).isEmpty)
        // The edited page was replaced, not written into: the old site (now the spare) still has its old bytes.
        #expect(try Data(contentsOf: spare.appendingPathComponent(page)) == livePage)
        #expect(try Data(contentsOf: output.appendingPathComponent(page)) != livePage)
        #expect(mode(output) == mode(probe))
        // Unchanged files are the same files as before the build.
        let after = try stamps(output)
        #expect(after.filter { before[$0.key] == $0.value }.count > after.count / 2)

        // Without the spare tree, the next build starts from an empty folder and gives the same site.
        try FileManager.default.removeItem(at: spare)
        _ = try build(site, into: output)
        #expect(SiteBuildFixture.differences(try SiteBuildFixture.tree(output), try SiteBuildFixture.tree(clean)).isEmpty)
    }

    @Test("a removed profile's files are listed as removed and are gone; a new one's as added")
    func removedAndAdded() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        _ = try build(site, into: output)
        let profiles = site.appendingPathComponent("content/profiles")
        // Rename a profile's file and give it another slug: its old page goes, a new one comes.
        let source = profiles.appendingPathComponent("tran-van-hiep.md")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "---\n", with: "---\nslug: ho-so-doi-ten\n", options: [], range: text.range(of: "---\n"))
        try FileManager.default.removeItem(at: source)
        try text.write(to: profiles.appendingPathComponent("doi-ten.md"), atomically: true, encoding: .utf8)
        let changesURL = temp.appendingPathComponent("changes.txt")
        _ = try build(site, into: output, ["--changes", changesURL.path])
        let lines = try String(contentsOf: changesURL, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("added\tdien-hinh/ho-so-doi-ten/index.html"))
        #expect(lines.contains { $0.hasPrefix("removed\tdien-hinh/") && $0.hasSuffix("/index.html") })
        for line in lines where line.hasPrefix("removed\t") {
            #expect(!FileManager.default.fileExists(atPath: output.path + "/" + line.dropFirst("removed\t".count)))
        }
        #expect(lines == lines.sorted { $0.split(separator: "\t")[1] < $1.split(separator: "\t")[1] })
    }

    @Test("a file planted as a symbolic link in the previous output is replaced, never read through")
    func linkInPreviousOutput() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        _ = try build(site, into: output)
        let robots = output.appendingPathComponent("robots.txt")
        let secret = temp.appendingPathComponent("secret.txt")
        try FileManager.default.copyItem(at: robots, to: secret)  // same bytes as the page it stands for
        try FileManager.default.removeItem(at: robots)
        try FileManager.default.createSymbolicLink(at: robots, withDestinationURL: secret)
        _ = try build(site, into: output)
        var info = stat()
        #expect(lstat(robots.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        var secretInfo = stat()
        #expect(lstat(secret.path, &secretInfo) == 0 && secretInfo.st_ino != info.st_ino)
    }

    @Test("the change list's paths are in the order of their UTF-8 bytes, ASCII or not")
    func changeListOrder() {
        let ascii = ["nam/2022/index.html", "Z.html", "a.html", "dien-hinh/b/index.html", "dien-hinh/a/", "_x", "A.html"]
        var changes = OutputChanges()
        changes.added = ascii
        #expect(changes.entries.map(\.path) == ascii.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let others = ["đ.html", "e\u{301}.html", "é.html", "z.html"]
        changes.changed = others
        changes.removed = ["b.html"]
        let all = ascii + others + ["b.html"]
        #expect(changes.entries.map(\.path) == all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(changes.text().split(separator: "\n").map { String($0.split(separator: "\t")[1]) } == changes.entries.map(\.path))
    }
}
