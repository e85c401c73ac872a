import ArgumentParser
import Foundation
import GuongKit
import GuongRender

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo tệp hồ sơ mẫu để điền: individual (cá nhân) hoặc collective (tập thể).",
        discussion: """
        Ghi vào content/profiles/ một tệp đặt tên theo tên người (tập thể: theo tên đơn vị), có đủ các khóa, \
        ghi chú tiếng Việt cho từng dòng và mục "Thành tích nổi bật" để điền. Giá trị đã cho được kiểm tra \
        theo registration.yaml và units.yaml như guong check. Không bao giờ ghi đè tệp đã có. Thoát với mã 1 \
        nếu một giá trị không hợp lệ, 2 nếu không chạy được (tệp đã có, không phải thư mục trang).
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Argument(help: ArgumentHelp("individual (cá nhân) hoặc collective (tập thể).", valueName: "KIND"))
    var kind: String

    @Option(help: ArgumentHelp("Họ tên (cá nhân) hoặc tên tập thể.", valueName: "TÊN"))
    var name: String?

    @Option(help: ArgumentHelp("Mã đơn vị trong units.yaml (hoặc tên trường).", valueName: "MÃ"))
    var unit: String?

    @Option(help: ArgumentHelp("Lĩnh vực: mã hoặc tên; nhắc lại hoặc ngăn bằng dấu phẩy (a,đ).", valueName: "LĨNH-VỰC"))
    var field: [String] = []

    @Option(help: ArgumentHelp("Năm được công nhận; nhắc lại hoặc ngăn bằng dấu phẩy (2022,2023).", valueName: "NĂM"))
    var year: [String] = []

    @Option(help: ArgumentHelp("Chức vụ (chỉ cho cá nhân).", valueName: "CHỨC-VỤ"))
    var position: String?

    func run() throws {
        var request = ProfileSkeleton.Request(kind: kind)
        request.name = name
        request.unit = unit
        request.fields = field.flatMap(Self.split)
        request.years = year.flatMap(Self.split)
        request.position = position
        let path: String
        do {
            path = try ProfileSkeleton(siteRoot: siteOptions.url, displayRoot: siteOptions.displayRoot).write(request)
        } catch {
            switch error {
            case .site(let problem):
                printError(CheckReport.printable(problem.vietnamese))
                throw ExitStatus.cannotRun
            case .settings(let problems):
                printError(CheckReport(diagnostics: problems, profileCount: 0).text().trimmingCharacters(in: .newlines))
                printError("lỗi: registration.yaml hoặc units.yaml còn lỗi nên chưa tạo được hồ sơ.")
                throw ExitStatus.cannotRun
            case .invalid(let problems):
                let lines = CheckReport(diagnostics: problems, profileCount: 0).text().components(separatedBy: "\n").dropLast(2)
                printError(lines.joined(separator: "\n"))
                throw ExitStatus.contentErrors
            case .exists(let path):
                printError("lỗi: đã có tệp \"\(CheckReport.printable(path))\"; guong new không ghi đè. Hãy sửa tệp đó, hoặc đổi --name, hoặc đổi tên/chuyển tệp cũ đi.")
                throw ExitStatus.cannotRun
            case .io(let path, let reason):
                printError(CheckReport.printable("lỗi: không ghi được \"\(path)\": \(reason)."))
                throw ExitStatus.cannotRun
            }
        }
        let site = siteOptions.displayRoot.isEmpty ? "" : "--site \(siteOptions.site) "
        print("Đã tạo \(path). Điền các dòng còn trống và mục \"Thành tích nổi bật\", rồi kiểm tra bằng: guong check \(site)\(path)")
    }

    /// `a,đ` → `a`, `đ`.
    static func split(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
