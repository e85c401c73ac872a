import Foundation
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport
import Testing

/// Nothing is written inside `content/` (or `theme/`) however it is reached: paths are compared as the file
/// system resolves them on both sides, and by device and inode for a second name of the same folder.
@Suite("Output: never inside content/, however it is reached")
struct OutputGuardTests {
    /// `box/site` whose `content/` and `theme/` are links to `box/real/…`, and `box/elsewhere`.
    final class Box {
        let root: URL
        init(linkedSources: Bool) throws {
            root = try SiteBuildFixture.temporaryFolder().resolvingSymlinksInPath()
            let manager = FileManager.default
            for folder in ["site", "real/content/profiles", "real/theme", "elsewhere"] {
                try manager.createDirectory(at: url(folder), withIntermediateDirectories: true)
            }
            for source in ["content", "theme"] {
                if linkedSources {
                    try manager.createSymbolicLink(at: url("site/\(source)"), withDestinationURL: url("real/\(source)"))
                } else {
                    try manager.moveItem(at: url("real/\(source)"), to: url("site/\(source)"))
                }
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func url(_ path: String) -> URL { root.appendingPathComponent(path, isDirectory: true) }
        func link(_ path: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(at: url(path), withDestinationURL: url(destination))
        }
        func isRefused(_ path: String) -> Bool {
            do {
                _ = try OutputFolder(target: URL(fileURLWithPath: root.path + "/" + path), siteRoot: url("site"))
                return false
            } catch {
                if case .protected = error { return true }
                Issue.record("\(path): \(error)")
                return false
            }
        }
    }

    @Test("content/ and theme/ as links: their real folders and anything inside are refused", arguments: [
        "real/content", "real/content/out", "real/content/profiles/out", "real/theme/out", "real", "site/content/out",
        "real/content/new/deeper/out", "real/content/./out", "elsewhere/../real/content/out",
    ])
    func linkedSources(_ path: String) throws {
        #expect(try Box(linkedSources: true).isRefused(path))
    }

    @Test func anOutputThatIsALinkIntoContentIsRefused() throws {
        let box = try Box(linkedSources: true)
        try box.link("elsewhere/out", to: "real/content/profiles")
        #expect(box.isRefused("elsewhere/out"))
        // A link to a folder, then a name that does not exist yet below it.
        try box.link("elsewhere/inside", to: "real/content")
        #expect(box.isRefused("elsewhere/inside/new/out"))
    }

    /// `link/..` is the link's target's parent for the kernel, not the folder holding the link.
    @Test func dotDotAfterALinkIsResolvedAsTheKernelDoes() throws {
        let box = try Box(linkedSources: false)
        try box.link("elsewhere/jump", to: "site/content/profiles")
        #expect(box.isRefused("elsewhere/jump/../out"))
        #expect(!box.isRefused("elsewhere/out"))
    }

    @Test("Ordinary outputs are still accepted", arguments: [true, false])
    func ordinaryOutputs(linkedSources: Bool) throws {
        let box = try Box(linkedSources: linkedSources)
        #expect(!box.isRefused("site/public"))
        #expect(!box.isRefused("elsewhere/public"))
        #expect(!box.isRefused("elsewhere/new/public"))
    }

    /// A bind mount gives content/ a second name with no link to resolve; needs the right to mount
    /// (root in a container that allows it), and says so when it cannot run.
    @Test func aBindMountOfContentIsRefused() throws {
        let box = try Box(linkedSources: false)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["--bind", box.url("site/content").path, box.url("elsewhere").path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            print("OutputGuardTests: cannot bind-mount here; the bind-mount case did not run")
            return
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [box.url("elsewhere").path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        #expect(box.isRefused("elsewhere/out"))
        #expect(box.isRefused("elsewhere"))
    }

    @Test func theBuildRefusesAnOutputInsideALinkedContentFolder() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let real = temp.appendingPathComponent("real-content")
        try FileManager.default.moveItem(at: site.appendingPathComponent("content"), to: real)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("content"), withDestinationURL: real)
        let before = try SiteBuildFixture.tree(real)
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", real.appendingPathComponent("out").path])
        #expect(run.status == 2, "\(run.stdout) \(run.stderr)")
        #expect(try SiteBuildFixture.tree(real) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).allSatisfy { !$0.contains("guong") && $0 != "out" })
    }
}
