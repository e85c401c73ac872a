import Foundation
import Testing
import GuongTestSupport

/// The fixture site, its golden files and the built `guong` binary, found from this file's path so
/// tests can both read fixtures and (when re-recording) write golden files in the source tree.
enum SiteBuildFixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let basicSite = testsFolder.appendingPathComponent("Fixtures/basic-site", isDirectory: true)
    static let goldenFolder = testsFolder.appendingPathComponent("Fixtures/golden", isDirectory: true)

    /// Whether golden files are being re-recorded (`GUONG_RECORD=1 swift test`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["GUONG_RECORD"] == "1" }

    /// The `guong` executable the end-to-end tests run (`GuongTestSupport.guongBinary`).
    static func guongBinary() throws -> URL {
        try GuongTestSupport.guongBinary()
    }

    /// A fresh temporary folder, removed by the caller with `removeItem`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("guong-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// A copy of the basic fixture site in a new temporary folder, as `<temp>/site`.
    static func copyBasicSite() throws -> (temp: URL, site: URL) {
        let temp = try temporaryFolder()
        let site = temp.appendingPathComponent("site", isDirectory: true)
        try FileManager.default.copyItem(at: basicSite, to: site)
        return (temp, site)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `guong` with `arguments`, without SOURCE_DATE_EPOCH unless `environment` sets it.
    static func guong(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try guongBinary()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        // Files, not pipes: a chatty build can never block on a full pipe.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Every regular file below `root` (hidden ones included) by relative path, with its bytes.
    static func tree(_ root: URL) throws -> [String: Data] {
        let root = root.resolvingSymlinksInPath()
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        let prefix = root.path + "/"
        for case let url as URL in enumerator {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = String(url.resolvingSymlinksInPath().path.dropFirst(prefix.count))
            // The photo cache is the build's own folder in the site (docs/photos.md), not the site's content.
            if path.hasPrefix(".guong-cache/") { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    /// The paths where two trees differ: missing on one side or different bytes.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }
}
