import GuongKit

/// Why a theme's template cannot be compiled, and where: the compiled engine is the only one that
/// renders, so a template it cannot read is refused when the theme is loaded (`theme.invalid`).
struct TemplateProblem: Error, Sendable, Equatable {
    enum Reason: Sendable, Equatable {
        // Mustache features the engine does not have.
        /// `{{=<% %>=}}`.
        case setDelimiters
        /// `{{<parent}}`, `{{$block}}`.
        case inheritance
        /// `{{%PRAGMA}}`.
        case pragma
        /// `{{>*name}}`.
        case dynamicPartial
        /// `{{#first()}}` and the like: the position in the list being shown.
        case positionInList(String)
        /// `enumerated(x)`: a dictionary's own order, which changes from run to run.
        case enumerated

        // Mistakes swift-mustache refuses too.
        /// A `{{` with no `}}` (or `{{!` comment left open).
        case unclosedTag
        /// A tag whose name is followed by something other than `}}`.
        case badTag
        /// A name whose transform's parentheses do not close as Mustache writes them.
        case badName(String)
        /// `{{#x}}` or `{{^x}}` with no `{{/x}}`.
        case unclosedSection(String)
        /// `{{/x}}` where `open` (or no section) is open.
        case unexpectedClose(String, open: String?)
    }

    var reason: Reason
    /// 1-based.
    var line: Int
    /// 1-based, in Unicode scalars.
    var column: Int
}

extension Diagnostic {
    /// A theme template the engine cannot read: what it uses or gets wrong, and what to write instead.
    static func themeTemplate(_ at: SourceLocation, name: String, _ reason: TemplateProblem.Reason) -> Diagnostic {
        let what = switch reason {
        case .setDelimiters:
            "dùng thẻ đổi dấu `{{=… …=}}`, Gương không hỗ trợ; hãy giữ dấu `{{ }}`"
        case .inheritance:
            "dùng kế thừa mẫu (`{{<…}}`, `{{$…}}`), Gương không hỗ trợ; hãy chép phần chung vào một mẫu con và gọi bằng `{{> tên}}`"
        case .pragma:
            "dùng chỉ thị `{{%…}}`, Gương không hỗ trợ; hãy bỏ thẻ này"
        case .dynamicPartial:
            "dùng mẫu con động `{{>*…}}`, Gương không hỗ trợ; hãy gọi mẫu con theo tên cố định `{{> tên}}`"
        case .positionInList(let tag):
            "dùng `\(tag)` (vị trí trong danh sách), Gương không hỗ trợ; hãy dùng `first(danh_sách)`, `last(danh_sách)` hoặc `count(danh_sách)`"
        case .enumerated:
            "dùng `enumerated(…)`, có thứ tự thay đổi giữa các lần dựng; hãy dùng `sorted(…)`"
        case .unclosedTag:
            "có thẻ mở `{{` không đóng bằng `}}`"
        case .badTag:
            "có thẻ viết sai: sau tên phải là `}}`"
        case .badName(let tag):
            "có tên `\(tag)` viết sai: mỗi phép biến đổi viết `tên(biến)`, đóng đủ ngoặc"
        case .unclosedSection(let section):
            "mở mục `{{#\(section)}}` (hoặc `{{^\(section)}}`) mà không đóng bằng `{{/\(section)}}`"
        case .unexpectedClose(let name, let open?):
            "đóng `{{/\(name)}}` trong khi mục đang mở là `{{#\(open)}}`"
        case .unexpectedClose(let name, nil):
            "đóng `{{/\(name)}}` mà không có mục nào đang mở"
        }
        return Diagnostic(.themeInvalid, at: at, "mẫu trang \"\(name)\" \(what).")
    }
}
