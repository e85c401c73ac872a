import ArgumentParser
import Foundation
import GuongKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất bảng đăng ký điển hình tiên tiến (phụ lục của kế hoạch) ra tệp để nộp, lưu.",
        discussion: """
        guong export dang-ky --format docx|csv --output bang-dang-ky.docx [--unit MÃ] [--year NĂM]. \
        Không có --unit: bảng của toàn ngành; không có --year: mọi năm của giai đoạn. Cùng nội dung với trang \
        /dang-ky/<năm>/ và /don-vi/<mã>/dang-ky/<năm>/. Thoát với mã 0 khi đã ghi, 2 khi không chạy được.
        """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case dangKy = "dang-ky"
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, docx
    }

    @Argument(help: "Nội dung xuất: dang-ky (bảng đăng ký).")
    var what: What

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("Chỉ bảng của đơn vị này (mã trong units.yaml).", valueName: "ID"))
    var unit: String?

    @Option(help: ArgumentHelp("Chỉ năm này.", valueName: "N"))
    var year: Int?

    @Option(help: "Dạng tệp: docx (Word, in khổ A4 ngang) hoặc csv (UTF-8 có BOM, mở được bằng Excel).")
    var format: Format

    @Option(help: ArgumentHelp("Tệp sẽ ghi.", valueName: "FILE"))
    var output: String

    func run() throws {
        let (content, config, schema) = try siteOptions.loadCheckedSite(toMake: "xuất được")
        if let unit, !content.units.contains(where: { $0.id == unit }) {
            printError("lỗi: đơn vị \"\(unit)\" không có trong units.yaml.")
            throw ExitStatus.cannotRun
        }
        if let year, !schema.phase.contains(year) {
            printError("lỗi: năm \(year) nằm ngoài giai đoạn \(schema.phase.lowerBound)–\(schema.phase.upperBound).")
            throw ExitStatus.cannotRun
        }
        let model = SiteModel(config: config, schema: schema, units: content.units, pages: content.pages,
                              profiles: content.profiles, includeDrafts: false)
        let years = year.map { [$0] } ?? (unit.map { model.annexYears(unit: $0) } ?? model.years)
        let annexes = years.map { model.annex(year: $0, unit: unit) }
        do {
            let bytes = format == .csv ? Data(AnnexCSV.bytes(annexes, model: model)) : try AnnexDocx.bytes(annexes, model: model)
            try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            printError("lỗi: không ghi được \"\(output)\": \(error.localizedDescription)")
            throw ExitStatus.cannotRun
        }
        print("Đã ghi \(output): \(annexes.reduce(0) { $0 + $1.tables.reduce(0) { $0 + $1.rows.count } }) dòng, \(annexes.count) bảng năm.")
    }
}
