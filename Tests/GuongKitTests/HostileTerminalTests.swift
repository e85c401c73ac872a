import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// Names the office did not type (submitted file names, what files contain) cannot drive its terminal:
/// everything printed goes through `CheckReport.printable`.
@Suite("Hostile input: the office's terminal")
struct HostileTerminalTests {
    /// Erases the line above and the current one, then writes a fake accepted row; and a right-to-left override.
    static let names = ["\u{1B}[1A\u{1B}[2K\rgia\u{1B}[0m.md", "x\u{202E}dm.exe\u{7}.md", "a\u{9B}2Kb.md"]

    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
    }

    @Test func theIntakeTableEscapesSubmittedNames() throws {
        let site = try ScratchSite(), inbox = try IntakeTests.Inbox()
        defer { site.remove(); inbox.remove() }
        var files: [URL] = []
        for (index, name) in Self.names.enumerated() {
            let unit = index == 0 ? "th-nhi-binh" : "khong-co"  // one accepted, the others rejected
            files.append(try inbox.put(name, IntakeTests.profile(name: "Phạm Văn Số \(index)", unit: unit)))
        }
        var options = Intake.Options(siteRoot: site.root)
        options.dryRun = true
        let report = try Intake(options: options).run(files)
        #expect(Self.isClean(report.table()), "\(report.table().debugDescription)")
        #expect(Self.isClean(report.problems()))
        #expect(report.table().contains("\\u{1B}[1A"))
    }

    @Test func theIntakeCommandPrintsNoControlCharacter() throws {
        let site = try ScratchSite(), inbox = try IntakeTests.Inbox()
        defer { site.remove(); inbox.remove() }
        for name in Self.names { _ = try inbox.put(name, IntakeTests.profile(name: "Phạm Văn \(name.count)", unit: "khong-co")) }
        let run = try runGuong(["intake", "--dry-run", "--site", site.root.path, inbox.root.path])
        #expect(run.status == 1)
        #expect(Self.isClean(run.out) && Self.isClean(run.err), "\(run.out.debugDescription)")
    }

    @Test func jsonEscapesBidirectionalCharacters() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addFixture("bidi-override-name.md")
        let content = try sandbox.load()
        let json = CheckReport(diagnostics: content.diagnostics, profileCount: content.profileFileCount).json()
        #expect(!content.diagnostics.isEmpty)
        #expect(Self.isClean(json))
        // Still the same text for a program that reads it.
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let messages = (decoded?["diagnostics"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(messages == content.diagnostics.sorted().map(\.message))
    }

    @Test func messagesOfTheBuildEscapeNames() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("out\u{1B}[2J")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: output.appendingPathComponent("not-ours.txt"))
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        #expect(run.status == 2)
        #expect(Self.isClean(run.stdout) && Self.isClean(run.stderr), "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("\\u{1B}[2J"))
    }
}
