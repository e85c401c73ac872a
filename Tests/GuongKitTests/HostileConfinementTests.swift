import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// Nothing is read outside the site, nothing written outside the output, and the output can never be a
/// folder that matters: symbolic links, pipes and protected folders.
@Suite("Hostile input: confinement of reads and writes")
struct HostileConfinementTests {
    /// The codes these tests cover that need more than a fixture file (a 6 MB photo).
    static let codesTested: Set<DiagnosticCode> = [.photoTooLarge, .fileLinkOutside]

    static let validProfile = ProfileText.individual(name: "Lê Văn Ngoài")

    @Test func aProfileThatIsALinkOutOfContentIsNotRead() throws {
        let sandbox = try HostileSandbox()
        try Data(Self.validProfile.utf8).write(to: sandbox.outside.appendingPathComponent("ngoai.md"))
        try FileManager.default.createSymbolicLink(at: sandbox.profiles.appendingPathComponent("lien-ket.md"),
                                                   withDestinationURL: sandbox.outside.appendingPathComponent("ngoai.md"))
        let content = try sandbox.load()
        #expect(content.profileFileCount == 5)
        #expect(!content.profiles.contains { $0.name == "Lê Văn Ngoài" })
        // Not read, and not in silence: a warning names the file.
        #expect(content.diagnostics.map(\.code) == [.fileLinkOutside])
        #expect(content.diagnostics.map(\.location.path) == ["content/profiles/lien-ket.md"])
    }

    @Test func aFolderThatIsALinkOutOfContentIsNotRead() throws {
        let sandbox = try HostileSandbox()
        try Data(Self.validProfile.utf8).write(to: sandbox.outside.appendingPathComponent("ngoai.md"))
        try FileManager.default.createSymbolicLink(at: sandbox.profiles.appendingPathComponent("thu-muc"), withDestinationURL: sandbox.outside)
        let content = try sandbox.load()
        #expect(content.profileFileCount == 5)
        #expect(!content.profiles.contains { $0.name == "Lê Văn Ngoài" })
    }

    @Test func aProfilesFolderThatIsALinkOutOfContentIsNotRead() throws {
        let sandbox = try HostileSandbox()
        try Data(Self.validProfile.utf8).write(to: sandbox.outside.appendingPathComponent("ngoai.md"))
        try FileManager.default.removeItem(at: sandbox.profiles)
        try FileManager.default.createSymbolicLink(at: sandbox.profiles, withDestinationURL: sandbox.outside)
        let content = try sandbox.load()
        #expect(content.profileFileCount == 0)
        #expect(content.profiles.isEmpty)
        #expect(content.diagnostics.with(.fileLinkOutside).map(\.location.path) == ["content/profiles/ngoai.md"])
    }

    @Test func aLinkInsideContentIsRead() throws {
        let sandbox = try HostileSandbox()
        let real = sandbox.site.appendingPathComponent("content/khac/that.md")
        try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.validProfile.utf8).write(to: real)
        try FileManager.default.createSymbolicLink(at: sandbox.profiles.appendingPathComponent("lien-ket.md"), withDestinationURL: real)
        #expect(try sandbox.load().profiles.contains { $0.name == "Lê Văn Ngoài" })
    }

    @Test func aPhotoThatIsALinkOutOfContentIsRefused() throws {
        let sandbox = try HostileSandbox()
        try Data([0xFF, 0xD8, 0xFF, 0xE0]).write(to: sandbox.outside.appendingPathComponent("that.jpg"))
        try FileManager.default.createSymbolicLink(at: sandbox.profiles.appendingPathComponent("anh.jpg"),
                                                   withDestinationURL: sandbox.outside.appendingPathComponent("that.jpg"))
        try sandbox.addProfile("p.md", bytes: Array(ProfileText.individual(name: "Lê Văn Ảnh", extra: "ảnh: ../anh.jpg").utf8))
        let diagnostics = try sandbox.load().diagnostics
        #expect(diagnostics.map(\.code) == [.photoOutside])
    }

    @Test func aBodyLinkThroughALinkOutOfContentIsAnError() throws {
        let sandbox = try HostileSandbox()
        try FileManager.default.createSymbolicLink(at: sandbox.profiles.appendingPathComponent("ra-ngoai"), withDestinationURL: sandbox.outside)
        let text = ProfileText.individual(name: "Lê Văn Liên Kết").replacingOccurrences(
            of: "Lời giới thiệu ngắn.", with: "Xem [bí mật](../ra-ngoai/secret.txt).")
        try sandbox.addProfile("p.md", bytes: Array(text.utf8))
        let diagnostics = try sandbox.load().diagnostics
        #expect(diagnostics.map(\.code) == [.linkOutside])
        #expect(diagnostics.first?.location.line == 10)
    }

    @Test func freePagesFollowTheSameLinkRules() throws {
        let sandbox = try HostileSandbox()
        let page = sandbox.site.appendingPathComponent("content/pages/lien-ket.md")
        try Data("---\ntitle: Liên kết\n---\n\n![sơ đồ](https://example.edu.vn/a.png) [tệp](file:///etc/passwd)\n".utf8).write(to: page)
        let diagnostics = try sandbox.load().diagnostics.about("content/pages/lien-ket.md")
        #expect(diagnostics.map(\.code).sorted { $0.rawValue < $1.rawValue } == [.imageIgnored, .linkOutside])
    }

    @Test func aNamedPipeAsAProfileDoesNotHangTheCheck() throws {
        let sandbox = try HostileSandbox()
        let pipe = sandbox.profiles.appendingPathComponent("ong.md")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let clock = ContinuousClock()
        let start = clock.now
        let diagnostics = try sandbox.load().diagnostics
        #expect(diagnostics.map(\.code) == [.fileUnreadable])
        #expect(clock.now - start < .seconds(10))
    }

    @Test func aNamedPipeAsAPhotoIsRefused() throws {
        let sandbox = try HostileSandbox()
        #expect(mkfifo(sandbox.profiles.appendingPathComponent("hostile-ong.jpg").path, 0o644) == 0)
        try sandbox.addProfile("p.md", bytes: Array(ProfileText.individual(name: "Lê Văn Ống", extra: "ảnh: ../hostile-ong.jpg").utf8))
        #expect(try sandbox.load().diagnostics.map(\.code) == [.photoType])
    }

    @Test func aHugeFileIsRefusedWithoutBeingRead() throws {
        let sandbox = try HostileSandbox()
        let url = sandbox.profiles.appendingPathComponent("lon.md")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 8 * 1024 * 1024 * 1024)  // 8 GB, sparse
        try handle.close()
        let diagnostics = try sandbox.load().diagnostics
        #expect(diagnostics.map(\.code) == [.fileTooLarge])
        #expect(diagnostics.first?.message.contains("8388608 KB") == true)
    }

    @Test func aPhotoOver20MBIsRefused() throws {
        let sandbox = try HostileSandbox()
        let url = sandbox.profiles.appendingPathComponent("hostile-lon.jpg")
        try Data([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: 21 * 1024 * 1024)).write(to: url)
        try sandbox.addProfile("p.md", bytes: Array(ProfileText.individual(name: "Lê Văn Lớn", extra: "ảnh: ../hostile-lon.jpg").utf8))
        #expect(try sandbox.load().diagnostics.map(\.code) == [.photoTooLarge])
    }

    // MARK: The output folder

    /// Folders `guong build --output` must refuse, relative to the site; "/" and "~" stand for themselves.
    @Test(arguments: [".", "content", "theme", "/", "~", "..", "../..", "content/profiles", "theme/templates"])
    func theOutputCanNeverBeAFolderThatMatters(_ target: String) throws {
        let sandbox = try HostileSandbox()
        try FileManager.default.createDirectory(at: sandbox.site.appendingPathComponent("theme/templates"), withIntermediateDirectories: true)
        let url: URL = switch target {
        case "/": URL(fileURLWithPath: "/")
        case "~": FileManager.default.homeDirectoryForCurrentUser
        default: sandbox.site.appendingPathComponent(target)
        }
        #expect(throws: OutputFolder.Problem.self) { try OutputFolder(target: url, siteRoot: sandbox.site) }
        let before = sandbox.snapshot(of: sandbox.site)
        var options = SiteBuilder.Options(siteRoot: sandbox.site)
        options.output = url
        do {
            _ = try SiteBuilder(options: options).build()
            Issue.record("built into \(target)")
        } catch {
            guard case .output(.protected) = error else { Issue.record("\(error)"); return }
        }
        #expect(sandbox.snapshot(of: sandbox.site) == before)
        #expect(try sandbox.topLevel() == ["site", "outside"])
    }

    /// A symbolic link does not smuggle a protected folder in as the output.
    @Test(arguments: ["/", "site", "site/content"])
    func theOutputCannotBeALinkToAFolderThatMatters(_ destination: String) throws {
        let sandbox = try HostileSandbox()
        let link = sandbox.root.appendingPathComponent("out")
        let target = destination == "/" ? URL(fileURLWithPath: "/") : sandbox.root.appendingPathComponent(destination)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(throws: OutputFolder.Problem.self) { try OutputFolder(target: link, siteRoot: sandbox.site) }
    }

    @Test func aForeignFolderIsNeverReplaced() throws {
        let sandbox = try HostileSandbox()
        #expect(throws: OutputFolder.Problem.foreign(path: sandbox.outside.resolvingSymlinksInPath().path)) {
            try OutputFolder(target: sandbox.outside, siteRoot: sandbox.site)
        }
        #expect(sandbox.secretIsIntact())
    }
}
