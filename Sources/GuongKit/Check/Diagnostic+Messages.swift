/// Every message the check writes, in Vietnamese, next to its code: what is wrong and how to fix it.
extension Diagnostic {
    package static func fileUnreadable(_ at: SourceLocation, _ reason: String) -> Diagnostic {
        Diagnostic(.fileUnreadable, at: at, "không đọc được tệp (\(reason)).")
    }

    static func fileTooLarge(_ at: SourceLocation, bytes: Int, limit: Int) -> Diagnostic {
        Diagnostic(.fileTooLarge, at: at,
                   "tệp dài \(bytes / 1024) KB, vượt giới hạn \(limit / 1024) KB cho một hồ sơ; hãy rút gọn nội dung hoặc tách ảnh ra tệp riêng.")
    }

    static func fileNotUTF8(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.fileNotUTF8, at: at,
                   "tệp không phải văn bản UTF-8; hãy lưu lại bằng mã hóa UTF-8 (trong Word/Notepad: Lưu thành… → Mã hóa: UTF-8).")
    }

    static func frontMatterMissing(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.frontMatterMissing, at: at,
                   "tệp phải mở đầu bằng dòng `---`, tiếp theo là phần thông tin (loại, tên, đơn vị, lĩnh vực, năm…) và một dòng `---` đóng lại.")
    }

    static func frontMatterUnclosed(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.frontMatterUnclosed, at: at,
                   "phần thông tin mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại; hãy thêm một dòng `---` sau dòng thông tin cuối cùng.")
    }

    static func frontMatterTooLarge(_ at: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic(.frontMatterTooLarge, at: at,
                   "phần thông tin giữa hai dòng `---` dài quá \(limit / 1024) KB; chỉ ghi các khóa của hồ sơ, nội dung đặt sau dòng `---` thứ hai.")
    }

    static func yamlSyntax(_ at: SourceLocation, detail: String) -> Diagnostic {
        Diagnostic(.yamlSyntax, at: at,
                   "phần thông tin viết sai\(detail.isEmpty ? "" : " (\(detail))"); mỗi dòng có dạng `khóa: giá trị`, danh sách viết `[a, b]`, giá trị có dấu `:` hoặc `#` thì đặt trong ngoặc kép.")
    }

    static func yamlAlias(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.yamlAlias, at: at,
                   "hồ sơ không được dùng neo/bí danh YAML (`&`, `*`); nếu đây là chữ thường, hãy đặt cả giá trị trong ngoặc kép.")
    }

    static func yamlTooComplex(_ at: SourceLocation, detail: String) -> Diagnostic {
        Diagnostic(.yamlTooComplex, at: at, "phần thông tin lồng nhau hoặc dài quá mức cho phép (\(detail)).")
    }

    static func tabIndent(_ at: SourceLocation, line: Int) -> Diagnostic {
        Diagnostic(.yamlTab, at: at,
                   "dòng \(line) có ký tự Tab ở đầu dòng; phần thông tin chỉ được thụt lề bằng dấu cách — hãy xóa Tab (hoặc thay bằng dấu cách).")
    }

    static func nonBreakingSpace(_ at: SourceLocation, line: Int) -> Diagnostic {
        Diagnostic(.yamlNonBreakingSpace, at: at,
                   "dòng \(line) có khoảng trắng không ngắt (thường do chép từ Word); hãy xóa khoảng trắng đó và gõ lại một dấu cách thường.")
    }

    static func spaceAfterColon(_ at: SourceLocation, line: Int, key: String) -> Diagnostic {
        Diagnostic(.yamlSpaceAfterColon, at: at,
                   "dòng \(line) thiếu dấu cách sau dấu hai chấm; hãy viết `\(key): …` (một dấu cách giữa dấu hai chấm và giá trị).")
    }

    static func yamlNotMapping(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.yamlNotMapping, at: at,
                   "phần thông tin phải là các dòng `khóa: giá trị` (ví dụ `loại: cá nhân`).")
    }

    static func keyDuplicate(_ at: SourceLocation, key: String, first: SourceLocation) -> Diagnostic {
        Diagnostic(.keyDuplicate, at: at,
                   "khóa \"\(key)\" đã có ở dòng \(first.line); hãy giữ một dòng và xóa dòng kia.")
    }

    static func keyMissing(_ at: SourceLocation, key: ProfileKey, example: String) -> Diagnostic {
        Diagnostic(.keyMissing, at: at, "thiếu khóa \"\(key.rawValue)\" (\(key.aliases[0])); hãy thêm dòng `\(example)`.")
    }

    static func keyUnknown(_ at: SourceLocation, key: String, suggestion: String?) -> Diagnostic {
        Diagnostic(.keyUnknown, at: at, "khóa \"\(key)\" không được dùng và sẽ bị bỏ qua.", suggestion: suggestion)
    }

    static func valueEmpty(_ at: SourceLocation, key: ProfileKey, example: String) -> Diagnostic {
        Diagnostic(.keyMissing, at: at,
                   "chưa điền \(key.aliases[0]) (\"\(key.rawValue)\"); hãy ghi giá trị ngay sau dấu hai chấm của dòng này, ví dụ `\(example)`.")
    }

    static func valueType(_ at: SourceLocation, key: ProfileKey, expected: String) -> Diagnostic {
        Diagnostic(.valueType, at: at, "giá trị của \"\(key.rawValue)\" phải là \(expected).")
    }

    static func valueControlCharacter(_ at: SourceLocation, key: String, scalar: Unicode.Scalar) -> Diagnostic {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        return Diagnostic(.valueControlCharacter, at: at,
                          "giá trị của \"\(key)\" chứa ký tự vô hình \(code) (ký tự điều khiển, đổi chiều chữ, định dạng, khoảng trắng không độ rộng hoặc ký tự trống); hãy xóa giá trị và gõ lại.")
    }

    static func kindUnknown(_ at: SourceLocation, value: String, suggestion: String?) -> Diagnostic {
        Diagnostic(.kindUnknown, at: at,
                   "loại \"\(value)\" không hợp lệ; chỉ dùng \"tập thể\" (collective) hoặc \"cá nhân\" (individual).",
                   suggestion: suggestion)
    }

    static func unitUnknown(_ at: SourceLocation, value: String, suggestion: String?) -> Diagnostic {
        Diagnostic(.unitUnknown, at: at, "đơn vị \"\(value)\" không có trong danh sách đơn vị của Phòng", suggestion: suggestion)
    }

    static func fieldUnknown(_ at: SourceLocation, value: String, codes: [String], suggestion: String?) -> Diagnostic {
        Diagnostic(.fieldUnknown, at: at,
                   "lĩnh vực \"\(value)\" không có trong danh sách lĩnh vực của kế hoạch; dùng mã \(codes.joined(separator: ", ")) hoặc tên lĩnh vực.",
                   suggestion: suggestion)
    }

    static func yearInvalid(_ at: SourceLocation, value: String) -> Diagnostic {
        Diagnostic(.yearInvalid, at: at,
                   "năm \"\(value)\" không hợp lệ; ghi năm bằng 4 chữ số (`năm: 2022`) hoặc một danh sách (`năm: [2022, 2023]`).")
    }

    static func yearOutsidePhase(_ at: SourceLocation, year: Int, phase: ClosedRange<Int>) -> Diagnostic {
        Diagnostic(.yearOutsidePhase, at: at,
                   "năm \(year) nằm ngoài giai đoạn \(phase.lowerBound)–\(phase.upperBound) của kế hoạch.")
    }

    static func positionMissing(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.positionMissing, at: at,
                   "hồ sơ cá nhân phải có chức vụ; hãy thêm dòng `position: …` (ví dụ `position: Giáo viên Toán`).")
    }

    static func registeredInvalid(_ at: SourceLocation, value: String) -> Diagnostic {
        Diagnostic(.registeredInvalid, at: at,
                   "ngày đăng ký \"\(value)\" không hợp lệ; ghi theo dạng năm-tháng-ngày, ví dụ `2022-01-18`.")
    }

    static func registeredLate(_ at: SourceLocation, date: SimpleDate, deadline: SimpleDate) -> Diagnostic {
        Diagnostic(.registeredLate, at: at,
                   "ngày đăng ký \(date.vietnamese) sau hạn \(deadline.vietnamese) của kế hoạch.")
    }

    static func draftInvalid(_ at: SourceLocation, value: String) -> Diagnostic {
        Diagnostic(.draftInvalid, at: at, "\"draft\" (nháp) chỉ nhận true/false (có/không), không nhận \"\(value)\".")
    }

    static func photoMissing(_ at: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(.photoMissing, at: at,
                   "không tìm thấy ảnh \"\(path)\"; hãy đặt tệp ảnh cùng thư mục với hồ sơ hoặc sửa tên tệp.")
    }

    static func photoOutside(_ at: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(.photoOutside, at: at,
                   "ảnh \"\(path)\" nằm ngoài thư mục content/; hãy đặt ảnh cạnh hồ sơ và ghi tên tệp (ví dụ `ảnh: thu.jpg`).")
    }

    static func photoType(_ at: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(.photoType, at: at, "ảnh \"\(path)\" phải là tệp .jpg, .jpeg, .png, .webp, .heic, .gif hoặc .svg.")
    }

    static func photoContent(_ at: SourceLocation, path: String, type: String) -> Diagnostic {
        Diagnostic(.photoType, at: at,
                   "tệp \"\(path)\" không phải ảnh \(type) thật (nội dung không khớp phần mở rộng); hãy lưu lại ảnh từ trình xem ảnh.")
    }

    static func photoTooLarge(_ at: SourceLocation, path: String, bytes: Int, limit: Int) -> Diagnostic {
        Diagnostic(.photoTooLarge, at: at,
                   "ảnh \"\(path)\" nặng \(bytes / 1024) KB, vượt giới hạn \(limit / 1024 / 1024) MB; hãy thu nhỏ ảnh (ví dụ 600×800 điểm ảnh).")
    }

    static func photoUnsafe(_ at: SourceLocation, path: String, reason: String) -> Diagnostic {
        Diagnostic(.photoUnsafe, at: at,
                   "ảnh SVG \"\(path)\" chứa \(reason), thứ có thể chạy mã lệnh hoặc tải nội dung từ nơi khác nên không được đăng; hãy gửi ảnh dạng .jpg hoặc .png.")
    }

    static func photoTooManyPixels(_ at: SourceLocation, path: String, width: Int, height: Int, limit: Int) -> Diagnostic {
        Diagnostic(.photoTooManyPixels, at: at,
                   "ảnh \"\(path)\" khai báo kích thước \(width)×\(height) điểm ảnh, vượt giới hạn \(limit / 1_000_000) triệu điểm ảnh (hoặc tệp hỏng); hãy gửi ảnh chụp bình thường từ điện thoại hoặc máy ảnh.")
    }

    static func photoCorrupt(_ at: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(.photoCorrupt, at: at,
                   "không đọc được ảnh \"\(path)\": tệp bị hỏng hoặc bị cắt cụt (chép chưa xong?); hãy mở ảnh trên máy, lưu lại rồi gửi lại.")
    }

    static func photoMetadataTooLarge(_ at: SourceLocation, path: String, bytes: Int, limit: Int) -> Diagnostic {
        Diagnostic(.photoMetadataTooLarge, at: at,
                   "ảnh PNG \"\(path)\" mang một khối chữ hoặc thông tin kèm theo nặng \(bytes / 1024) KB, vượt giới hạn \(limit / 1024) KB; hãy lưu lại ảnh dưới dạng .jpg.")
    }

    static func photoCacheUnwritable(_ at: SourceLocation, path: String, cache: String) -> Diagnostic {
        Diagnostic(.photoCacheUnwritable, at: at,
                   "không ghi được các cỡ ảnh của \"\(path)\" vào thư mục đệm \(cache); hãy kiểm tra quyền ghi và chỗ trống trên đĩa.")
    }

    static func photoLibraryMissing(_ at: SourceLocation, path: String) -> Diagnostic {
        Diagnostic(.photoLibraryMissing, at: at,
                   "không xử lý được ảnh \"\(path)\": máy này thiếu thư viện ảnh libvips (gói libvips42); hãy chạy scripts/install-deps hoặc nhờ người quản trị cài gói này.")
    }

    static func photoSmall(_ at: SourceLocation, path: String, width: Int, minimum: Int) -> Diagnostic {
        Diagnostic(.photoSmall, at: at,
                   "ảnh \"\(path)\" chỉ rộng \(width) điểm ảnh, sẽ bị mờ trên trang; nên dùng ảnh rộng ít nhất \(minimum) điểm ảnh.")
    }

    static func achievementsMissing(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.achievementsMissing, at: at,
                   "thiếu mục \"Thành tích nổi bật\"; hãy thêm tiêu đề `## Thành tích nổi bật` và một danh sách thành tích (mỗi dòng bắt đầu bằng `- `).")
    }

    static func achievementsEmpty(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.achievementsEmpty, at: at,
                   "mục \"Thành tích nổi bật\" chưa có thành tích nào; hãy liệt kê ngay dưới tiêu đề, mỗi thành tích một dòng bắt đầu bằng `- `.")
    }

    static func markdownTooDeep(_ at: SourceLocation, limit: Int) -> Diagnostic {
        Diagnostic(.markdownTooDeep, at: at,
                   "nội dung lồng nhau quá \(limit) cấp (trích dẫn `>` hoặc danh sách); hãy viết phẳng hơn.")
    }

    static func markdownTooComplex(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.markdownTooComplex, at: at,
                   "đoạn văn từ dòng này có quá nhiều dấu mở ảnh `![` cùng dấu `]`, trình đọc Markdown sẽ chạy rất lâu; hãy bỏ bớt các dấu đó hoặc tách thành nhiều đoạn.")
    }

    static func htmlDropped(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.htmlDropped, at: at,
                   "mã HTML trong hồ sơ sẽ bị bỏ đi khi đăng; hãy dùng định dạng Markdown (ví dụ `**đậm**`, `- danh sách`).")
    }

    static func linkUnsafe(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.linkUnsafe, at: at,
                   "liên kết dùng giao thức không an toàn (javascript:, data:, vbscript:…) và sẽ bị bỏ đi, chỉ giữ lại chữ; chỉ dùng liên kết http(s), mailto: hoặc tel:.")
    }

    static func linkOutside(_ at: SourceLocation, url: String) -> Diagnostic {
        Diagnostic(.linkOutside, at: at,
                   "liên kết \"\(url)\" trỏ tới một tệp trên máy hoặc ra ngoài thư mục content/, người đọc không mở được; hãy dùng địa chỉ web đầy đủ (https://…) hoặc bỏ liên kết.")
    }

    static func imageIgnored(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.imageIgnored, at: at,
                   "ảnh chèn trong nội dung sẽ không được đăng; hãy dùng khóa `ảnh:` ở phần thông tin cho ảnh đại diện.")
    }

    static func profileDuplicate(_ at: SourceLocation, other: String) -> Diagnostic {
        Diagnostic(.profileDuplicate, at: at,
                   "hồ sơ trùng với \(other) (cùng loại, tên và đơn vị); hãy gộp hai tệp thành một, ghi các năm thành danh sách.")
    }

    static func slugDuplicate(_ at: SourceLocation, slug: String, other: String) -> Diagnostic {
        Diagnostic(.slugDuplicate, at: at,
                   "đường dẫn /dien-hinh/\(slug)/ trùng với hồ sơ \(other); hãy đặt khóa `slug:` khác cho một trong hai hồ sơ.")
    }

    static func slugInvalid(_ at: SourceLocation, value: String) -> Diagnostic {
        Diagnostic(.slugInvalid, at: at,
                   "đường dẫn \"\(value)\" không hợp lệ; chỉ dùng chữ thường không dấu, chữ số và dấu gạch nối (ví dụ `nguyen-van-an`).")
    }

    static func headWithoutCollective(_ at: SourceLocation, unit: String) -> Diagnostic {
        Diagnostic(.headWithoutCollective, at: at,
                   "cá nhân là người đứng đầu đơn vị được xét cùng tiêu chí tập thể, nhưng \(unit) chưa có hồ sơ tập thể.")
    }

    static func configMissing(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.configMissing, at: at, "thiếu tệp cấu hình này; xem content/README.md để biết cách viết.")
    }

    static func configInvalid(_ at: SourceLocation, _ reason: String) -> Diagnostic {
        Diagnostic(.configInvalid, at: at, reason)
    }

    static func unitDuplicate(_ at: SourceLocation, id: String, first: SourceLocation) -> Diagnostic {
        Diagnostic(.unitDuplicate, at: at, "mã đơn vị \"\(id)\" đã dùng ở dòng \(first.line); mỗi đơn vị cần một mã riêng.")
    }

    static func pageInvalid(_ at: SourceLocation, _ reason: String) -> Diagnostic {
        Diagnostic(.pageInvalid, at: at, reason)
    }

    package static func tooManyProfiles(_ at: SourceLocation, count: Int, limit: Int) -> Diagnostic {
        Diagnostic(.tooManyProfiles, at: at, "có \(count) hồ sơ, vượt giới hạn \(limit) của một trang; hãy kiểm tra thư mục content/profiles/.")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
