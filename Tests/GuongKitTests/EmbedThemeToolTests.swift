import Foundation
import Testing

/// The tool behind EmbedThemePlugin, run on a folder of its own: every file is embedded byte for byte,
/// binary ones included, hidden ones left out, in a stable order.
@Suite("EmbedTheme tool")
struct EmbedThemeToolTests {
    @Test("binary and nested files are embedded as their bytes; hidden files are not; output is deterministic")
    func embedsEveryFile() throws {
        let tool = try SiteBuildFixture.guongBinary().deletingLastPathComponent().appendingPathComponent("EmbedTheme")
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let theme = temp.appendingPathComponent("theme", isDirectory: true)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets/img"), withIntermediateDirectories: true)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x22, 0x5C])
        try png.write(to: theme.appendingPathComponent("assets/img/chia-se.png"))
        try Data("a \"quoted\" \\ line\n\"\"\"\n".utf8).write(to: theme.appendingPathComponent("strings.yaml"))
        try Data("secret".utf8).write(to: theme.appendingPathComponent(".hidden"))

        func run(_ output: URL) throws -> String {
            let process = Process()
            process.executableURL = tool
            process.arguments = [theme.path, output.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return try String(contentsOf: output, encoding: .utf8)
        }
        let first = try run(temp.appendingPathComponent("a.swift"))
        #expect(first.contains("files[\"assets/img/chia-se.png\"] = Data(base64Encoded: \"\(png.base64EncodedString())\")!"))
        #expect(first.contains(Data("a \"quoted\" \\ line\n\"\"\"\n".utf8).base64EncodedString()))
        #expect(!first.contains(Data("secret".utf8).base64EncodedString()))
        #expect(first.range(of: "assets/img/chia-se.png")!.lowerBound < first.range(of: "strings.yaml")!.lowerBound)
        #expect(try run(temp.appendingPathComponent("b.swift")) == first)
    }
}
