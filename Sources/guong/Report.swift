import ArgumentParser
import Foundation
import GuongKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo thực hiện kế hoạch: chỉ tiêu, đơn vị chưa có điển hình, việc còn thiếu, số liệu sơ kết, tổng kết.",
        discussion: """
        Tính trên đúng các hồ sơ mà trang đăng (không tính bản nháp). Thoát với mã 0 khi mọi chỉ tiêu được xét đều đạt, \
        1 khi còn chỉ tiêu chưa đạt, 2 khi không chạy được (trang có lỗi, tham số sai). Chỉ tiêu của cả giai đoạn \
        (Phòng chọn ít nhất N điển hình, mỗi đơn vị ít nhất một) chỉ được xét khi báo cáo cả giai đoạn.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Dạng kết quả trên màn hình: text hoặc json.")
    var format: Format = .text

    @Option(help: "Năm đầu của kỳ báo cáo (mặc định: năm đầu giai đoạn).")
    var from: Int?

    @Option(help: "Năm cuối của kỳ báo cáo (mặc định: năm cuối giai đoạn).")
    var to: Int?

    @Option(help: ArgumentHelp("Ghi thêm báo cáo dạng HTML để in (A4) vào tệp này; không thuộc trang công khai.", valueName: "FILE.html"))
    var output: String?

    @Option(help: ArgumentHelp("Ngày tính báo cáo, dạng năm-tháng-ngày (mặc định: hôm nay); quyết định năm nào đã qua.", valueName: "DATE"))
    var today: String?

    func validate() throws {
        if let today, SimpleDate(today) == nil { throw ValidationError("--today phải là ngày dạng năm-tháng-ngày, ví dụ 2024-12-31.") }
        if let from, let to, from > to { throw ValidationError("--from phải không lớn hơn --to.") }
    }

    func run() throws {
        let (content, config, schema) = try siteOptions.loadCheckedSite(toMake: "lập được báo cáo")
        let start = from ?? schema.phase.lowerBound, end = to ?? schema.phase.upperBound
        guard schema.phase.contains(start), schema.phase.contains(end) else {
            printError("lỗi: kỳ báo cáo \(start)–\(end) phải nằm trong giai đoạn \(schema.phase.lowerBound)–\(schema.phase.upperBound).")
            throw ExitStatus.cannotRun
        }
        let model = SiteModel(config: config, schema: schema, units: content.units, pages: content.pages,
                              profiles: content.profiles, includeDrafts: false)
        let report = PlanReport(model: model, years: start...end, today: today.flatMap(SimpleDate.init) ?? Self.currentDate())
        print(format == .json ? report.json() : report.text(), terminator: "")
        if let output {
            do {
                try Data(report.html(department: config.department, title: config.title).utf8)
                    .write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("lỗi: không ghi được \"\(output)\": \(error.localizedDescription)")
                throw ExitStatus.cannotRun
            }
        }
        if !report.quotasMet { throw ExitCode(1) }
    }

    static func currentDate() -> SimpleDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, from: Date())
        return SimpleDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
