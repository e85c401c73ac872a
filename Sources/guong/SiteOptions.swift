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

    /// The whole site, loaded and checked, for commands that read it (`report`, `export`); a site that cannot
    /// be read, or has errors, is printed and ends the command with status 2, saying what could not be `made`.
    func loadCheckedSite(toMake made: String) throws -> (content: SiteContent, config: SiteConfig, schema: RegistrationSchema) {
        let content: SiteContent
        do {
            content = try SiteLoader(root: url, displayRoot: displayRoot).load()
        } catch {
            printError(error.vietnamese)
            throw ExitStatus.cannotRun
        }
        guard let config = content.config, let schema = content.schema, !content.diagnostics.hasErrors else {
            print(CheckReport(diagnostics: content.diagnostics, profileCount: content.profileFileCount).text(), terminator: "")
            printError("lỗi: hồ sơ còn lỗi nên chưa \(made); hãy sửa theo `guong check`.")
            throw ExitStatus.cannotRun
        }
        return (content, config, schema)
    }
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
