import ArgumentParser
import Foundation
import GuongKit
import GuongRender

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Kiểm tra rồi dựng trang tĩnh vào thư mục đầu ra.",
        discussion: """
        Trang mới được ghi vào một thư mục bên cạnh rồi thay thế thư mục cũ một lần; nếu có lỗi, \
        trang cũ giữ nguyên. Thoát với mã 1 nếu hồ sơ có lỗi, 2 nếu không dựng được.
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("Thư mục đầu ra (mặc định: public/ trong thư mục trang).", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Địa chỉ gốc của trang, thay cho base_url trong site.yaml.", valueName: "URL"))
    var baseURL: String?

    @Flag(help: "Đưa cả hồ sơ nháp (draft: true) vào trang.")
    var drafts = false

    @Option(help: ArgumentHelp("Ghi danh sách tệp đã thêm, sửa, xóa so với lần dựng trước vào tệp này (để chỉ tải lên những tệp đó).", valueName: "FILE"))
    var changes: String?

    @Option(name: .customLong("changes-format"), help: ArgumentHelp("Dạng của danh sách thay đổi: text (mỗi dòng: loại, Tab, đường dẫn) hoặc json.", valueName: "text|json"))
    var changesFormat: ChangesFormat = .text

    enum ChangesFormat: String, ExpressibleByArgument {
        case text, json
    }

    func validate() throws {
        if let baseURL, case .failure(let problem) = BaseURL.normalise(baseURL) {
            throw ValidationError(CheckReport.printable(problem.reason))
        }
    }

    func run() throws {
        var options = SiteBuilder.Options(siteRoot: siteOptions.url)
        options.displayRoot = siteOptions.displayRoot
        options.output = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        options.baseURL = baseURL
        options.includeDrafts = drafts
        let started = Date()
        // A developer's measuring aid (docs/performance.md), not a promise to users.
        if ProcessInfo.processInfo.environment["GUONG_TIMINGS"] == "1" { PhaseTimings.enable() }
        let report: SiteBuilder.Report
        do {
            report = try PhaseTimings.measure("build") { () throws(SiteBuilder.Failure) in try SiteBuilder(options: options).build() }
        } catch {
            try fail(error)
        }
        if ProcessInfo.processInfo.environment["GUONG_TIMINGS"] == "1" { printError(PhaseTimings.text()) }
        let warnings = CheckReport(diagnostics: report.diagnostics, profileCount: report.profileCount, drafts: report.drafts)
        if !report.diagnostics.isEmpty || !report.drafts.isEmpty { printError(warnings.text().trimmingCharacters(in: .newlines)) }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started)).replacingOccurrences(of: ".", with: ",")
        print("Đã dựng \(report.pageCount) trang (\(report.fileCount) tệp) từ \(report.profileCount) hồ sơ vào \(CheckReport.printable(report.output.path)) trong \(seconds) giây.")
        let delta = report.changes
        print("So với lần dựng trước: \(delta.added.count) tệp mới, \(delta.changed.count) tệp sửa, \(delta.removed.count) tệp bỏ, \(delta.unchangedCount) tệp giữ nguyên.")
        if let changes {
            let text = changesFormat == .json ? delta.json() : delta.text()
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: changes))
            } catch {
                printError("lỗi: trang đã dựng xong nhưng không ghi được danh sách thay đổi \"\(CheckReport.printable(changes))\": \(SystemErrorText.vietnamese(error))")
                throw ExitStatus.cannotRun
            }
        }
        // Done: the process ends holding the report, so the site's data goes with the process instead of being
        // freed object by object (clang's -disable-free, for the same reason).
        withExtendedLifetime(report) { Foundation.exit(ExitCode.success.rawValue) }
    }

    private func fail(_ failure: SiteBuilder.Failure) throws -> Never {
        switch failure {
        case .site(let error):
            printError(CheckReport.printable(error.vietnamese))
            throw ExitStatus.cannotRun
        case .content(let diagnostics, let count, let drafts):
            print(CheckReport(diagnostics: diagnostics, profileCount: count, drafts: drafts).text(), terminator: "")
            printError("lỗi: hồ sơ còn lỗi nên chưa dựng trang; trang cũ (nếu có) giữ nguyên.")
            throw ExitStatus.contentErrors
        case .theme(let diagnostic):
            printError(CheckReport(diagnostics: [diagnostic], profileCount: 0).text().components(separatedBy: "\n")[0])
            throw ExitStatus.cannotRun
        case .invalidBaseURL(let reason):
            printError("lỗi: \(CheckReport.printable(reason))")
            throw ExitStatus.cannotRun
        case .output(let problem):
            printError("lỗi: \(CheckReport.printable(problem.vietnamese))")
            throw ExitStatus.cannotRun
        }
    }
}

extension OutputFolder.Problem {
    var vietnamese: String {
        switch self {
        case .foreign(let path):
            "thư mục \"\(path)\" đã có nội dung không do guong tạo ra; guong không ghi đè. Hãy chọn --output khác hoặc tự dọn thư mục đó."
        case .protected(let path):
            "không thể dùng \"\(path)\" làm thư mục đầu ra (đó là thư mục trang, content/, theme/, thư mục gốc hoặc thư mục nhà, hoặc chứa chúng)."
        case .notAFolder(let path):
            "\"\(path)\" là một tệp, không phải thư mục; hãy chọn --output khác."
        case .io(let path, let reason):
            "không ghi được \"\(path)\": \(reason). Trang cũ giữ nguyên."
        }
    }
}
