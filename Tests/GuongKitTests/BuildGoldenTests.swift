import Foundation
import Testing

/// The key pages of the basic fixture site, byte for byte. A change to a template, a string or the
/// renderer shows up here as a diff; when it is meant, re-record with `GUONG_RECORD=1 swift test`
/// and review the golden files' diff in the commit.
@Suite("Golden output of the basic site")
struct BuildGoldenTests {
    static let goldenPaths = [
        "index.html",
        "dien-hinh/nguyen-thi-minh-thu/index.html",
        "linh-vuc/giao-duc-dao-tao/index.html",
        "dang-ky/index.html",
        "dang-ky/2022/index.html",
        "don-vi/thcs-dong-thanh/dang-ky/2022/index.html",
        "khen-thuong/index.html",
        "feed.xml",
        "du-lieu/dien-hinh.json",
    ]

    /// One build of the fixture (with its own base URL from site.yaml), shared by every golden file.
    static let built: Result<[String: Data], BuildFailure> = {
        do {
            let (temp, site) = try SiteBuildFixture.copyBasicSite()
            defer { try? FileManager.default.removeItem(at: temp) }
            let output = temp.appendingPathComponent("public", isDirectory: true)
            let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
            guard run.status == 0 else { return .failure(BuildFailure(message: "guong build exited \(run.status): \(run.stderr)")) }
            return .success(try SiteBuildFixture.tree(output))
        } catch {
            return .failure(BuildFailure(message: "\(error)"))
        }
    }()

    struct BuildFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test("matches its golden file", arguments: goldenPaths)
    func matchesGolden(path: String) throws {
        let files = try Self.built.get()
        let actual = try #require(files[path], "the build did not write \(path)")
        let golden = SiteBuildFixture.goldenFolder.appendingPathComponent(path)
        if SiteBuildFixture.isRecording {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: golden)
            return
        }
        guard let expected = try? Data(contentsOf: golden) else {
            Issue.record("no golden file \(golden.path); record it with GUONG_RECORD=1 swift test")
            return
        }
        if actual != expected {
            Issue.record("\(path) differs from its golden file: \(Self.firstDifference(expected, actual)). If the change is meant, re-record with GUONG_RECORD=1 swift test.")
        }
    }

    @Test("every golden file is still produced")
    func noOrphanGoldens() throws {
        if SiteBuildFixture.isRecording { return }
        let goldens = try SiteBuildFixture.tree(SiteBuildFixture.goldenFolder).keys.sorted()
        #expect(goldens == Self.goldenPaths.sorted())
    }

    /// Where the two first differ: the line, and a short stretch of each around the first changed character.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let old = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : "(end of file)"
            let b = index < new.count ? new[index] : "(end of file)"
            guard a != b else { continue }
            let column = zip(a, b).prefix { $0 == $1 }.count
            func excerpt(_ line: String) -> String {
                String(line.dropFirst(max(0, column - 40)).prefix(100))
            }
            return "line \(index + 1), column \(column + 1)\n  golden: …\(excerpt(a))…\n  actual: …\(excerpt(b))…"
        }
        return "same text, different bytes"
    }
}
