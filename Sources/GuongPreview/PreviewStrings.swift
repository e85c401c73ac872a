import GuongKit
import GuongRender

/// Every text the preview server shows in the browser, in Vietnamese, in one place.
enum PreviewStrings {
    static let overlayTitle = "Hồ sơ có lỗi — trang chưa được cập nhật"
    static let overlayNote = "Trang đang hiện là bản dựng tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại."
    /// The same, while no good build exists yet.
    static let overlayNoteNoSite = "Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự tải lại."
    static let overlayHide = "Ẩn"
    /// Followed by a number: "… và 12 lỗi khác".
    static let overlayMore = "… và %d lỗi khác"
    static let noSiteTitle = "Gương — chưa dựng được trang"
    static let noSiteText = "Hồ sơ của trang còn lỗi nên chưa có gì để xem. Sửa các lỗi (xem ở cửa sổ dòng lệnh), lưu tệp: trang này sẽ tự tải lại."
    static let notFoundTitle = "Không tìm thấy trang"
    static let notFoundText = "Trang này nằm ngoài địa chỉ gốc của trang điển hình tiên tiến."
    static let notFoundLink = "Về trang chủ"
    static let hostRefused = "Máy chủ xem trước chỉ trả lời địa chỉ nó đã in ra (127.0.0.1, localhost hoặc [::1] với đúng cổng)."
    static let methodNotAllowed = "Máy chủ xem trước chỉ trả lời yêu cầu GET."
}
