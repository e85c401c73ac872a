import ArgumentParser
import Foundation
import GuongKit
import GuongRender

/// `--site DIR`, shared by every command.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Thư mục của trang (chứa content/).", valueName: "DIR"))
    var site: String = "."

    var url: URL { URL(fileURLWithPath: site, isDirectory: true) }

    /// The prefix diagnostics put before content paths.
    var displayRoot: String { site == "." || site == "./" ? "" : site }
}

/// Exit statuses: 0 fine (warnings allowed), 1 the content has errors, 2 the command could not run.
enum ExitStatus {
    static let contentErrors = ExitCode(1)
    static let cannotRun = ExitCode(2)
}

/// Prints a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension SiteError {
    var vietnamese: String {
        switch self {
        case .notASite(let path): "lỗi: \"\(path)\" không phải thư mục trang (không có thư mục content/); dùng --site DIR."
        case .fileNotFound(let path): "lỗi: không có tệp \"\(path)\"."
        }
    }
}
