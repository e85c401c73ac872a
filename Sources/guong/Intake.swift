import ArgumentParser
import Foundation
import GuongKit
import GuongRender

struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Nhận hồ sơ các trường gửi về: kiểm tra, chuẩn hóa rồi chép vào content/profiles/.",
        discussion: """
        Mỗi tệp được kiểm tra như guong check FILE. Tệp đạt được chép (không chuyển) vào content/profiles/ \
        với tên theo tên người hoặc đơn vị, chỉ chuẩn hóa Unicode NFC, xuống dòng LF và bỏ BOM, kèm ảnh nếu \
        có. Tệp có lỗi để nguyên chỗ cũ, lỗi được liệt kê. Tệp trùng một hồ sơ đã có (cùng tên tệp, hoặc \
        cùng loại, tên và đơn vị) không được ghi. Không bao giờ sửa, chuyển hay xóa tệp gốc, không ghi đè \
        tệp nào. Thoát với mã 0 khi mọi tệp được nhận, 1 khi có tệp bị trả lại hoặc trùng, 2 nếu không chạy được.
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .customLong("dry-run"), help: "Chỉ kiểm tra và in bảng kết quả, không ghi gì.")
    var dryRun = false

    @Argument(help: ArgumentHelp("Các tệp hồ sơ, hoặc thư mục chứa chúng.", valueName: "FILE|DIR"))
    var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("hãy nêu ít nhất một tệp hoặc thư mục hồ sơ.") }
    }

    func run() throws {
        var options = Intake.Options(siteRoot: siteOptions.url)
        options.displayRoot = siteOptions.displayRoot
        options.dryRun = dryRun
        let report: IntakeReport
        do {
            report = try Intake(options: options).run(inputs.map { URL(fileURLWithPath: $0) })
        } catch {
            switch error {
            case .site(let problem): printError(CheckReport.printable(problem.vietnamese))
            case .settings(let problems):
                printError(CheckReport(diagnostics: problems, profileCount: 0).text().trimmingCharacters(in: .newlines))
                printError("lỗi: cấu hình của trang còn lỗi nên chưa nhận hồ sơ nào.")
            case .noFiles(let path): printError(CheckReport.printable("lỗi: thư mục \"\(path)\" không có tệp .md nào."))
            }
            throw ExitStatus.cannotRun
        }
        let problems = report.problems()
        if !problems.isEmpty { print(problems) }
        print(report.table(), terminator: "")
        if report.rejected + report.conflicts > 0 { throw ExitStatus.contentErrors }
    }
}
