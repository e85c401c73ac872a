import ArgumentParser
import Foundation
import GuongKit
import GuongPreview
import GuongRender
import Synchronization

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Xem trước trang: dựng vào bộ nhớ, phục vụ tại 127.0.0.1, tự cập nhật khi sửa tệp.",
        discussion: """
        Theo dõi content/ và theme/: sửa một hồ sơ thì chỉ các trang liên quan được dựng lại và mọi trang \
        đang mở tự tải lại. Nếu tệp vừa sửa có lỗi, trang cũ vẫn được phục vụ và lỗi hiện đè lên trang. \
        Nhấn Ctrl-C để dừng. Thoát với mã 0 khi dừng bình thường, 2 nếu không chạy được (không phải thư mục \
        trang, cổng đang bận).
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: ArgumentHelp("Cổng trên 127.0.0.1 (0: chọn một cổng trống).", valueName: "N"))
    var port: Int = 4000

    @Flag(help: "Đưa cả hồ sơ nháp (draft: true) vào trang.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("cổng phải từ 0 đến 65535.") }
    }

    func run() async throws {
        var options = PreviewServer.Options(siteRoot: siteOptions.url)
        options.displayRoot = siteOptions.displayRoot
        options.port = port
        options.includeDrafts = drafts
        let console = Console()
        console.out("Đang dựng trang vào bộ nhớ…")
        do {
            try await PreviewServer(options: options).run { console.report($0) }
        } catch {
            switch error {
            case .site(let problem): printError(CheckReport.printable(problem.vietnamese))
            case .portInUse(let port):
                printError("lỗi: cổng \(port) trên 127.0.0.1 đang được chương trình khác dùng; hãy tắt chương trình đó hoặc chọn cổng khác, ví dụ --port \(port == 65535 ? 4001 : port + 1).")
            case .server(let reason): printError("lỗi: máy chủ xem trước dừng vì lỗi: \(CheckReport.printable(reason))")
            }
            throw ExitStatus.cannotRun
        }
        console.out("Đã dừng.")
    }
}

/// Prints the server's events as they come, from any thread, one whole line at a time and unbuffered.
private final class Console: Sendable {
    /// The clock's formatter, and the lock that keeps lines whole.
    private let clock: Mutex<DateFormatter> = {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return Mutex(formatter)
    }()

    func out(_ text: String) {
        clock.withLock { _ in FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
    }

    func report(_ event: PreviewServer.Event) {
        switch event {
        case .listening(let url):
            out("Gương đang phục vụ tại \(url) — mở địa chỉ này trong trình duyệt; nhấn Ctrl-C để dừng.")
        case .built(let files, let removed, let profiles, let milliseconds, let editedMilliseconds, let warnings, let initial):
            if initial {
                if !warnings.isEmpty {
                    printError(CheckReport(diagnostics: warnings, profileCount: profiles).text().trimmingCharacters(in: .newlines))
                }
                out("Đã dựng \(files) tệp từ \(profiles) hồ sơ trong \(milliseconds) ms. Đang theo dõi content/ và theme/.")
            } else {
                let change = files + removed == 0 ? "không trang nào thay đổi" : "cập nhật \(files) tệp" + (removed > 0 ? ", bỏ \(removed) tệp" : "")
                let edited = editedMilliseconds.map { " (trang vừa sửa: \($0) ms)" } ?? ""
                let note = warnings.isEmpty ? "" : "; \(warnings.warningCount) cảnh báo, xem guong check"
                out("[\(time())] Đã dựng lại: \(change) trong \(milliseconds) ms\(edited)\(note).")
            }
        case .failed(let problems, let keptPrevious):
            let errors = problems.filter { $0.severity == .error }
            out("[\(time())] " + CheckReport(diagnostics: errors, profileCount: 0).text()
                .components(separatedBy: "\n").dropLast(2).joined(separator: "\n"))
            out(keptPrevious
                ? "\(errors.count) lỗi: trang cũ vẫn được phục vụ, lỗi hiện trên các trang đang mở. Sửa rồi lưu tệp để cập nhật."
                : "\(errors.count) lỗi: chưa dựng được trang. Sửa rồi lưu tệp; trang sẽ tự tải lại.")
        case .notWatching(let reason):
            printError("cảnh báo: không theo dõi được thay đổi của tệp (\(CheckReport.printable(reason))); trang sẽ không tự cập nhật.")
        case .stopping:
            out("Đang dừng…")
        }
    }

    private func time() -> String { clock.withLock { $0.string(from: Date()) } }
}
