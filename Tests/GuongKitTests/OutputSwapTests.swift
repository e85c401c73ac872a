import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment leaves the old site or the new one, whole, and the next build clears
/// what the killed one left beside the output (only folders guong marked, of processes that are gone).
@Suite("Output: the swap and what killed builds leave", .serialized, .timeLimit(.minutes(5)))
struct OutputSwapTests {
    /// The basic site with `count` more profiles, so that a build lasts long enough to be killed inside.
    static func generatedSite(profiles count: Int) throws -> (temp: URL, site: URL) {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        let folder = site.appendingPathComponent("content/profiles/sinh", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let body = ProfileText.body + String(repeating: "\nMột đoạn văn mô tả thành tích của đơn vị trong năm học.\n", count: 20)
        for index in 0..<count {
            let text = ProfileText.make("""
                loại: cá nhân
                tên: Giáo viên Số \(index)
                chức vụ: Giáo viên
                đơn vị: th-nhi-binh
                lĩnh vực: [a]
                năm: \(2021 + index % 5)
                """, body: body)
            try Data(text.utf8).write(to: folder.appendingPathComponent("gv-\(index).md"))
        }
        return (temp, site)
    }

    static func build(_ site: URL, into output: URL, base: String) throws -> SiteBuildFixture.Run {
        try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path, "--base-url", base])
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheOldOrTheNewSiteWhole() throws {
        let (temp, site) = try Self.generatedSite(profiles: 100)
        defer { try? FileManager.default.removeItem(at: temp) }
        let bases = ["https://a.example/", "https://b.example/"]
        var references: [[String: Data]] = []
        var seconds: [Double] = []
        for (index, base) in bases.enumerated() {
            let reference = temp.appendingPathComponent("ref-\(index)")
            let start = Date()
            try #require(try Self.build(site, into: reference, base: base).status == 0)
            seconds.append(Date().timeIntervalSince(start))
            references.append(try SiteBuildFixture.tree(reference))
        }
        #expect(references[0] != references[1])
        let output = temp.appendingPathComponent("out")
        try #require(try Self.build(site, into: output, base: bases[0]).status == 0)
        let binary = try SiteBuildFixture.guongBinary()
        var generator = SystemRandomNumberGenerator()
        var outcomes = [0, 0]
        for round in 0..<20 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--site", site.path, "--output", output.path, "--base-url", bases[round % 2]]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere in the build, the swap at its end included (the last tenth of the time, more often).
            let total = seconds.max()!
            let delay = round % 3 == 0 ? Double.random(in: 0.7 * total...1.5 * total, using: &generator)
                                       : Double.random(in: 0...1.2 * total, using: &generator)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let tree = try SiteBuildFixture.tree(output)
            let match = references.firstIndex(of: tree)
            #expect(match != nil, "round \(round): the output is neither site (\(tree.count) files)")
            if let match { outcomes[match] += 1 }
        }
        // The next build removes every staging folder the killed ones left.
        try #require(try Self.build(site, into: output, base: bases[1]).status == 0)
        #expect(try SiteBuildFixture.tree(output) == references[1])
        // The spare tree (the old site, kept for the next build) aside.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter { $0.contains(".guong-") && !$0.hasSuffix(".guong-spare") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        print("kills: old or new site \(outcomes), build \(seconds.map { String(format: "%.2f", $0) }) s")
    }

    /// The pid of a process that has ended.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    static func marked(_ url: URL, marker: Bool = true) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url.appendingPathComponent("index.html"))
        if marker { try Data().write(to: url.appendingPathComponent(OutputFolder.markerName)) }
    }

    @Test func onlyMarkedFoldersOfEndedBuildsAreRemoved() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let site = temp.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let target = temp.appendingPathComponent("out")
        try Self.marked(target)
        let dead = try Self.deadPID()
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }
        let stale = OutputFolder.sibling(of: target, kind: "new", pid: dead)
        let staleOld = OutputFolder.sibling(of: target, kind: "old", pid: dead)
        let unmarked = OutputFolder.sibling(of: target, kind: "new", pid: dead + 1_000_000)
        let running = OutputFolder.sibling(of: target, kind: "new", pid: sleeper.processIdentifier)
        let otherOutput = OutputFolder.sibling(of: temp.appendingPathComponent("khac"), kind: "new", pid: dead)
        try Self.marked(stale)
        try Self.marked(staleOld)
        try Self.marked(unmarked, marker: false)
        try Self.marked(running)
        try Self.marked(otherOutput)
        // A link named like a staging folder, to a marked folder, is not followed or removed through.
        let elsewhere = temp.appendingPathComponent("elsewhere")
        try Self.marked(elsewhere)
        let link = temp.appendingPathComponent(".out.guong-new-\(dead + 2_000_000)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)

        try OutputFolder(target: target, siteRoot: site).recoverInterrupted()
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        #expect(!exists(stale) && !exists(staleOld))
        #expect(exists(unmarked), "a folder without the marker is not ours")
        #expect(exists(running), "a build still running keeps its staging folder")
        #expect(exists(otherOutput), "another output's folders are not this build's business")
        #expect(exists(elsewhere.appendingPathComponent("index.html")) && exists(link))
        #expect(exists(target.appendingPathComponent("index.html")))
    }

    /// Where the file system cannot exchange, a kill between the two renames leaves the old site under a
    /// marked name: the next build puts it back before anything else.
    @Test func anOldSiteLeftBetweenTwoRenamesIsPutBack() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let site = temp.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let target = temp.appendingPathComponent("out")
        let old = OutputFolder.sibling(of: target, kind: "old", pid: try Self.deadPID())
        try Self.marked(old)
        try OutputFolder(target: target, siteRoot: site).recoverInterrupted()
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
        #expect(!FileManager.default.fileExists(atPath: old.path))
    }

    /// The fallback, where the file system cannot exchange: the new site in place, the old one gone.
    @Test func theFallbackSwapsByTwoRenames() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let site = temp.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let target = temp.appendingPathComponent("out")
        try Self.marked(target)
        try Data("cũ".utf8).write(to: target.appendingPathComponent("old.html"))
        let folder = try OutputFolder(target: target, siteRoot: site)
        try folder.prepare()
        try folder.write(OutputFile(path: "new.html", contents: Array("mới".utf8)))
        try folder.commitByTwoRenames()
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == [OutputFolder.markerName, "new.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).sorted() == [".out.guong-spare", "out", "site"])
    }

    @Test func theSwapExchangesBothFolders() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let a = temp.appendingPathComponent("a"), b = temp.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: a.appendingPathComponent("a"))
        try Data("b".utf8).write(to: b.appendingPathComponent("b"))
        #expect(OutputFolder.exchange(a.path, b.path) == nil)
        #expect(FileManager.default.fileExists(atPath: a.appendingPathComponent("b").path))
        #expect(FileManager.default.fileExists(atPath: b.appendingPathComponent("a").path))
    }
}
