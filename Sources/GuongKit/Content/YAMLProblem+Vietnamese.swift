/// libyaml's problems, said in Vietnamese: its English text never reaches a school.
extension YAMLProblem {
    /// What went wrong, in words a school can act on; empty when libyaml's text is not one we know.
    var vietnameseDetail: String {
        let known: [(String, String)] = [
            ("quoted scalar", "một dấu ngoặc kép được mở mà không đóng"),
            ("flow sequence", "danh sách `[ … ]` chưa đóng `]` hoặc thiếu dấu phẩy giữa các mục"),
            ("flow mapping", "cặp ngoặc `{ … }` chưa đóng"),
            ("mapping values are not allowed", "giá trị có dấu hai chấm `:` mà không nằm trong ngoặc kép"),
            ("could not find expected ':'", "một dòng thiếu dấu hai chấm sau tên khóa"),
            ("cannot start any token", "một giá trị bắt đầu bằng ký tự không được đứng đầu (như `@`, `` ` ``, `%` hoặc Tab)"),
            ("did not find expected key", "thụt lề không đều, hoặc một dòng nằm lạc giữa các khóa"),
            ("did not find expected '-'", "thụt lề không đều trong một danh sách"),
            ("block scalar", "khối chữ nhiều dòng (`|` hoặc `>`) viết sai"),
            ("control characters are not allowed", "có ký tự điều khiển vô hình"),
            ("invalid leading UTF-8 octet", "có byte không phải UTF-8"),
        ]
        return known.first { detail.contains($0.0) }?.1 ?? ""
    }
}
