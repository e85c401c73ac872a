import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// The photos of `Fixtures/photos/` (made by its `make-photos.py`) and the tools that read published ones back.
enum PhotoFixtures {
    static let folder = Fixtures.folder.appendingPathComponent("photos", isDirectory: true)

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Runs a command-line tool (exiftool, vips) and returns what it printed; a failure is a test failure.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("\(tool) \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The band values of one pixel, read back by libvips' own command (`vips getpoint`).
    static func pixel(_ file: URL, x: Int, y: Int) throws -> [Double] {
        try run("vips", ["getpoint", file.path, "\(x)", "\(y)"]).split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The tags exiftool finds in a file, by group:name, without the ones it makes up from the file itself.
    static func metadataTags(_ file: URL) throws -> [String] {
        let json = try run("exiftool", ["-j", "-G1", "-a", file.path])
        guard let object = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first else { return ["?"] }
        let derived = ["ExifTool:", "System:", "File:", "Composite:", "RIFF:", "SourceFile", "JFIF:"]
        return object.keys.filter { key in !derived.contains { key.hasPrefix($0) } }.sorted()
    }

    /// Metadata by the file's own structure: JPEG segments other than the picture's (APP1–APP15, COM) and
    /// WebP chunks other than the picture's; an independent reading beside exiftool's.
    static func metadataParts(_ bytes: [UInt8]) -> [String] {
        if bytes.starts(with: [0xFF, 0xD8]) {
            var parts: [String] = []
            var offset = 2
            while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
                let marker = bytes[offset + 1]
                if marker == 0xDA { break }  // start of scan: the picture itself follows
                if (0xE1...0xEF).contains(marker) || marker == 0xFE { parts.append(String(format: "marker %02X", marker)) }
                offset += 2 + Int(bytes[offset + 2]) << 8 + Int(bytes[offset + 3])
            }
            return parts
        }
        var parts: [String] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let length = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            if !["VP8 ", "VP8L", "VP8X", "ALPH"].contains(type) { parts.append(type) }
            if type == "VP8X", bytes[offset + 8] & 0x2C != 0 { parts.append("VP8X metadata flags") }
            offset += 8 + length + (length & 1)
        }
        return parts
    }
}

extension HostileSandbox {
    /// Puts a photo of `Fixtures/photos/` (or `bytes`) beside a new profile that names it; returns the profile.
    @discardableResult
    func addPhotoProfile(name: String, photo: String, from fixture: String? = nil, bytes: [UInt8]? = nil) throws -> URL {
        let folder = profiles.appendingPathComponent("hostile", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let bytes {
            try Data(bytes).write(to: folder.appendingPathComponent(photo))
        } else {
            try FileManager.default.copyItem(at: PhotoFixtures.url(fixture ?? photo), to: folder.appendingPathComponent(photo))
        }
        return try addProfile(VietnameseFolding.slug(name) + ".md", bytes: Array(ProfileText.individual(name: name, extra: "ảnh: \(photo)").utf8))
    }
}
