import ArgumentParser
import Foundation
import GuongKit
import GuongRender

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra hồ sơ: cả trang, hoặc chỉ các tệp được nêu.",
        discussion: """
        Báo mọi lỗi của mọi tệp trong một lần chạy, dạng tệp:dòng:cột. Thoát với mã 1 nếu có lỗi \
        (cảnh báo không tính), 2 nếu không chạy được.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Dạng kết quả: text hoặc json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("Chỉ kiểm tra các tệp hồ sơ này (theo lược đồ và đơn vị của trang).", valueName: "FILE"))
    var files: [String] = []

    func run() throws {
        let loader = SiteLoader(root: siteOptions.url, displayRoot: siteOptions.displayRoot)
        let content: SiteContent
        do {
            content = try loader.load(only: files.isEmpty ? nil : files.map { URL(fileURLWithPath: $0) })
        } catch {
            printError(CheckReport.printable(error.vietnamese))
            throw ExitStatus.cannotRun
        }
        let report = CheckReport(diagnostics: content.diagnostics, profileCount: content.profileFileCount, drafts: content.draftPaths)
        print(format == .json ? report.json() : report.text(), terminator: "")
        if report.hasErrors { throw ExitStatus.contentErrors }
    }
}
