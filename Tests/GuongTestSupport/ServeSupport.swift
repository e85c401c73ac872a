import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's folder, from this file's path.
package let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A copy of `Fixtures/basic-site` in a temporary folder, removed by `remove()`.
package struct ScratchSite {
    package let root: URL

    package init(fixture: String = "basic-site") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("guong-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/GuongKitTests/Fixtures/\(fixture)"), to: root)
    }

    package func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    package func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    package func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(relative))
    }

    package func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

    package func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The built `guong` executable the end-to-end tests run: `GUONG_TEST_BINARY` when set (`scripts/test-release`
/// runs them against a release build), else the newest under the package's `.build*/…/debug/` folders, where
/// `swift build` (or `swift test`) puts it. The build's other tools (`EmbedTheme`) lie beside it.
package func guongBinary() throws -> URL {
    let fileManager = FileManager.default
    if let named = ProcessInfo.processInfo.environment["GUONG_TEST_BINARY"], !named.isEmpty {
        guard fileManager.isExecutableFile(atPath: named) else { throw TestFailure("GUONG_TEST_BINARY=\(named) is not an executable") }
        return URL(fileURLWithPath: named)
    }
    var candidates: [URL] = []
    for folder in (try? fileManager.contentsOfDirectory(atPath: packageRoot.path)) ?? [] where folder.hasPrefix(".build") {
        let build = packageRoot.appendingPathComponent(folder, isDirectory: true)
        candidates.append(build.appendingPathComponent("debug/guong"))
        for triple in (try? fileManager.contentsOfDirectory(atPath: build.path)) ?? [] {
            candidates.append(build.appendingPathComponent(triple).appendingPathComponent("debug/guong"))
        }
    }
    let found = candidates.filter { fileManager.isExecutableFile(atPath: $0.path) }
        .map { ($0, (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast) }
        .max { $0.1 < $1.1 }
    guard let found else { throw TestFailure("no built guong under \(packageRoot.path)/.build*/debug — run swift build first") }
    return found.0
}

package struct TestFailure: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// Runs `guong` to completion with a time limit.
package func runGuong(_ arguments: [String], in folder: URL? = nil, timeout: TimeInterval = 30) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = try guongBinary()
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let outData = PipeReader(out), errData = PipeReader(err)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        throw TestFailure("guong \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
    }
    process.waitUntilExit()
    return (process.terminationStatus, outData.waitForEnd(), errData.waitForEnd())
}

/// Collects what a pipe delivers, on its own thread.
package final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var ended = false

    package init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                lock.withLock {
                    if chunk.isEmpty { ended = true } else { data.append(chunk) }
                }
                if chunk.isEmpty { return }
            }
        }
    }

    package var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    package func waitForEnd(timeout: TimeInterval = 5) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while !lock.withLock({ ended }), Date() < deadline { usleep(5_000) }
        return text
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `timeout` seconds.
package func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if try condition() { return true }
        usleep(20_000)
    } while Date() < deadline
    return try condition()
}

/// A valid individual's profile file of the basic site, for tests that take files in or preview them.
package func sampleProfileText(name: String, unit: String = "th-nhi-binh", extra: String = "", body: String = "Thầy dạy giỏi.") -> String {
    """
    ---
    kind: individual
    name: \(name)
    position: Giáo viên Toán
    unit: \(unit)
    fields: [a]
    year: 2023
    \(extra)---

    \(body)

    ## Thành tích nổi bật

    - Giáo viên dạy giỏi cấp huyện.

    """
}
