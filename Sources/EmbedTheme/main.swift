// Writes every file below a theme folder into one Swift source as `DefaultTheme.files`, so the binary
// carries its default theme and works wherever it is copied. Run by the EmbedThemePlugin build-tool
// plugin on every build of GuongRender:
//
//     EmbedTheme THEME-FOLDER OUTPUT.swift
//
// Each file is one base64 string literal: a long literal compiles in a blink, where a byte-array literal
// of the same size makes the type checker crawl, and base64 carries binary files (images) byte for byte.
// Hidden files and folders are skipped; paths use `/` and are sorted, so the output is deterministic.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedTheme THEME-FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var paths: [String] = []
let keys: [URLResourceKey] = [.isRegularFileKey]
if let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) {
    for case let url as URL in walk where (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true {
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(folder.path + "/") else { continue }
        paths.append(String(path.dropFirst(folder.path.count + 1)))
    }
}
paths.sort()

var source = """
    // Generated at build time by the EmbedTheme tool (Plugins/EmbedThemePlugin) from theme/. Not committed.
    import Foundation

    /// The default theme, compiled in so a site with no `theme/` folder still builds: every file below
    /// `theme/`, by its path there (`templates/layout.mustache`), as bytes.
    package enum DefaultTheme {
        package static let files: [String: Data] = {
            var files: [String: Data] = [:]

    """
for path in paths {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
        FileHandle.standardError.write(Data("EmbedTheme: cannot read \(path)\n".utf8))
        exit(1)
    }
    let quotedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        files[\"\(quotedPath)\"] = Data(base64Encoded: \"\(data.base64EncodedString())\")!\n"
}
source += """
            return files
        }()
    }

    """
do {
    // Rewritten only when it changes, so an unchanged theme does not recompile GuongRender.
    if FileManager.default.contents(atPath: output.path) != Data(source.utf8) {
        try Data(source.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("EmbedTheme: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
