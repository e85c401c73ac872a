import Foundation
import Testing
import GuongTestSupport

/// `guong check` end to end: the real binary, run from the package root so the paths it prints are stable.
@Suite("guong check, the command")
struct CheckCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `guong` built beside this test bundle (same build, whatever `--scratch-path`), else the newest
    /// one under the package's `.build*` folders. `GUONG_BINARY` overrides both.
    static let binary: URL? = {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["GUONG_BINARY"] { return URL(fileURLWithPath: path) }
        var folders: [URL] = []
        for start in [Bundle.main.executableURL, Bundle.main.bundleURL, CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }] {
            // Up from the test executable (Linux) or from inside the .xctest bundle (macOS).
            var folder = start?.deletingLastPathComponent()
            for _ in 0..<4 {
                guard let current = folder else { break }
                folders.append(current)
                folder = current.deletingLastPathComponent()
            }
        }
        if let beside = folders.map({ $0.appendingPathComponent("guong") }).first(where: { isExecutable($0) }) { return beside }

        let builds = (try? fileManager.contentsOfDirectory(at: Fixtures.packageRoot, includingPropertiesForKeys: nil)) ?? []
        let candidates = builds.filter { $0.lastPathComponent.hasPrefix(".build") }
            .flatMap { build in ["debug", "release"].map { build.appendingPathComponent($0).appendingPathComponent("guong") } }
            .filter(isExecutable)
        return candidates.max { modified($0) < modified($1) }
    }()

    private static func isExecutable(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// Runs `guong arguments…` in the package root; output goes through files so a full pipe never blocks it.
    func guong(_ arguments: String...) throws -> Run {
        let binary = try #require(Self.binary, "no guong binary: run `swift build` first, or set GUONG_BINARY")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guong-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.packageRoot
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    private let basicSite = "Tests/GuongKitTests/Fixtures/basic-site"
    private let errorSite = "Tests/GuongKitTests/Fixtures/error-site"

    @Test func theSampleSiteHasNoErrors() throws {
        let run = try guong("check")
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.split(separator: "\n").last?.hasPrefix("0 lỗi, ") == true, "\(run.stdout)")
        #expect(run.stderr.isEmpty)
    }

    @Test func theBasicFixtureSitePasses() throws {
        let run = try guong("check", "--site", basicSite)
        #expect(run.status == 0)
        // Its one draft is named under the drafts' heading, so it is never forgotten.
        #expect(run.stdout.hasSuffix("mam-non-hoa-hong.md: nháp: không có lỗi; đổi thành `draft: false` để đăng.\n0 lỗi, 0 cảnh báo trong 5 hồ sơ (1 hồ sơ nháp chưa đăng)\n"))
    }

    @Test func aSiteWithErrorsPrintsEveryProblemAndExitsWithOne() throws {
        let run = try guong("check", "--site", errorSite)
        let golden = Fixtures.errorSite.appendingPathComponent("expected-check.txt")
        if ProcessInfo.processInfo.environment["GUONG_RECORD"] == "1" {
            try run.stdout.write(to: golden, atomically: true, encoding: .utf8)
        } else {
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(run.stdout == expected, "differs from expected-check.txt (re-record with GUONG_RECORD=1 after checking the change)")
        }
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
    }

    @Test func jsonFormatParses() throws {
        let run = try guong("check", "--site", errorSite, "--format", "json")
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["diagnostics"] as? [[String: Any]])
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["errors": 7, "warnings": 6, "profiles": 9])
        #expect(entries.count == 13)
        #expect(entries.allSatisfy { ($0["file"] as? String)?.hasPrefix(errorSite + "/content/profiles/") == true })
        let unit = try #require(entries.first { $0["code"] as? String == "unit.unknown" })
        #expect(unit["line"] as? Int == 5)
        #expect(unit["column"] as? Int == 9)
        #expect(unit["suggestion"] as? String == "thcs-dong-thanh")
    }

    @Test func aFolderThatIsNotASiteCannotBeChecked() throws {
        let run = try guong("check", "--site", "Tests/GuongKitTests/Fixtures/diagnostics")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Tests/GuongKitTests/Fixtures/diagnostics"))
        #expect(run.stderr.contains("content/"))
    }

    @Test func aFileThatDoesNotExistCannotBeChecked() throws {
        let run = try guong("check", "--site", basicSite, "khong-co.md")
        #expect(run.status == 2)
        #expect(run.stderr.contains("khong-co.md"))
    }

    @Test func oneGoodFileAlone() throws {
        let run = try guong("check", "--site", basicSite, basicSite + "/content/profiles/nguyen-thi-minh-thu.md")
        #expect(run.status == 0)
        #expect(run.stdout == "0 lỗi, 0 cảnh báo trong 1 hồ sơ\n")
    }

    @Test func oneBadFileAloneIsReportedWithThePathAsTyped() throws {
        let file = "Tests/GuongKitTests/Fixtures/diagnostics/unit-unknown.md"
        let run = try guong("check", "--site", basicSite, file)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix(file + ":5:7: lỗi: đơn vị \"thcs-dong-thnah\""))
        #expect(run.stdout.hasSuffix("1 lỗi, 0 cảnh báo trong 1 hồ sơ\n"))
    }

    @Test func warningsAloneDoNotFailTheCheck() throws {
        let run = try guong("check", "--site", basicSite, "Tests/GuongKitTests/Fixtures/diagnostics/registered-late.md")
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("0 lỗi, 1 cảnh báo trong 1 hồ sơ\n"))
    }
}
