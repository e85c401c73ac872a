import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport

/// libvips is opened when a photo is first processed, not when guong starts (Sources/CVips/shim.h): every command
/// that makes no photo starts without its ninety-odd libraries, and a machine without it still builds sites
/// whose photos are all made, and says what is missing for a photo that is not.
@Suite("libvips loads at first use")
struct VipsLoadingTests {
    static let codesTested: Set<DiagnosticCode> = [.photoLibraryMissing]

    /// What the dynamic loader maps when guong starts (`ldd`'s answer, without running the program).
    @Test func guongStartsWithoutLibvips() throws {
        let run = try SiteBuildFixture.guong(["--version"], environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("libcmark"), "the trace lists the libraries: \(run.stdout)")
        for library in ["libvips", "libgobject", "libcairo", "libpoppler", "librsvg"] {
            #expect(!run.stdout.contains(library), "\(library) is loaded at start")
        }
    }

    /// A libvips that cannot be used (here a library of that name without its functions, found first on
    /// LD_LIBRARY_PATH) fails a photo with `photo.library` at its `photo:` line, in Vietnamese, exit status 1.
    @Test func aPhotoWithoutAUsableLibvipsIsReportedAsSuch() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Phan Văn Thử", photo: "xoay.jpg")
        let fake = sandbox.root.appendingPathComponent("fake-libs", isDirectory: true)
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        let source = fake.appendingPathComponent("empty.c")
        try Data("int guong_not_libvips;\n".utf8).write(to: source)
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["clang", "-shared", "-fPIC", "-o", fake.appendingPathComponent("libvips.so.42").path, source.path]
        try compiler.run()
        compiler.waitUntilExit()
        try #require(compiler.terminationStatus == 0, "clang makes the stand-in library")

        let run = try SiteBuildFixture.guong(["check", "--site", sandbox.site.path], environment: ["LD_LIBRARY_PATH": fake.path])
        #expect(run.status == 1)
        let output = run.stdout + run.stderr
        #expect(output.contains("content/profiles/hostile/phan-van-thu.md:8:"), "at the photo: line: \(output)")
        #expect(output.contains("[photo.library]"))
        #expect(output.contains("thiếu thư viện ảnh libvips"))
    }

    /// The same site with libvips where it belongs checks without that error: the stand-in alone caused it.
    @Test func thePhotoIsMadeWhenLibvipsIsThere() throws {
        let sandbox = try HostileSandbox()
        try sandbox.addPhotoProfile(name: "Phan Văn Thử", photo: "xoay.jpg")
        let run = try SiteBuildFixture.guong(["check", "--site", sandbox.site.path])
        #expect(!(run.stdout + run.stderr).contains("photo.library"))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }
}
