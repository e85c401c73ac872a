/// The skeleton's text. Every comment a school reads is here, in Vietnamese; comments are YAML `#`
/// lines inside the front matter, so none of them can reach the page.
extension ProfileSkeleton {
    package func text(_ resolved: Resolved, schema: RegistrationSchema, units: [Unit]) -> String {
        let kindName = schema.definition(of: resolved.kind)?.name ?? resolved.kind.rawValue
        let phase = "\(schema.phase.lowerBound)–\(schema.phase.upperBound)"
        let exampleUnit = units.first?.id ?? "thcs-dong-thanh"
        var lines = [
            "---",
            "# Hồ sơ điển hình tiên tiến — \(kindName.lowercased()), tạo bằng lệnh guong new.",
            "# Điền vào sau dấu hai chấm ở các dòng còn trống; giữ nguyên tên khóa bên trái dấu hai chấm.",
            "# Các dòng bắt đầu bằng # là ghi chú, không hiện trên trang; xóa hay giữ đều được.",
            "",
            "# Loại điển hình: individual (cá nhân) hoặc collective (tập thể).",
            "kind: \(resolved.kind.rawValue)",
            "",
        ]
        switch resolved.kind {
        case .individual:
            lines += [
                "# Họ và tên đầy đủ, có dấu, ví dụ: Nguyễn Thị Minh Thư.",
                "name:" + value(resolved.name),
                "",
                "# Chức vụ, ví dụ: Giáo viên Ngữ văn, Hiệu trưởng.",
                "position:" + value(resolved.position),
                "",
            ]
        case .collective:
            lines += [
                "# Tên tập thể (không bắt buộc): để trống thì lấy tên đơn vị.",
                "name:" + value(resolved.name),
                "",
            ]
        }
        if let unit = resolved.unit {
            lines += ["# Đơn vị: mã trong danh sách đơn vị của Phòng — ở đây là \(unit.name).", "unit: \(unit.id)"]
        } else {
            lines += ["# Đơn vị: mã trong danh sách đơn vị của Phòng, ví dụ \(exampleUnit).", "unit:"]
        }
        lines += ["", "# Lĩnh vực: một hoặc nhiều mã, ví dụ [a] hoặc [a, đ]:"]
        lines += schema.fields.map { "#   \($0.code) = \($0.name)" }
        lines.append(resolved.fieldCodes.isEmpty ? "fields:" : "fields: [\(resolved.fieldCodes.joined(separator: ", "))]")
        lines += [
            "",
            "# Năm được công nhận, trong giai đoạn \(phase); nhiều năm thì viết [\(schema.phase.lowerBound + 1), \(schema.phase.lowerBound + 2)].",
            resolved.years.isEmpty ? "year:" : resolved.years.count == 1 ? "year: \(resolved.years[0])"
                : "year: [\(resolved.years.map(String.init).joined(separator: ", "))]",
            "",
            "# Ngày đăng ký (không bắt buộc), dạng năm-tháng-ngày, ví dụ \(schema.phase.lowerBound + 1)-01-18"
                + (schema.deadline(for: resolved.years.first ?? schema.phase.lowerBound + 1).map { "; hạn đăng ký là \($0.vietnamese)." } ?? "."),
            "registered:",
            "",
            "# Ảnh (không bắt buộc): tên tệp ảnh .jpg, .png, .webp hoặc .heic (tối đa 20 MB) đặt cạnh tệp này, ví dụ anh.jpg.",
            "photo:",
            "",
            "# Nháp: true khi còn đang điền — hồ sơ chưa được đăng và không làm hỏng việc dựng trang;",
            "# đổi thành false khi đã điền xong và guong check báo không còn lỗi.",
            "draft: true",
            "",
            "# Đường dẫn trang (không bắt buộc): để trống thì tự tạo từ tên.",
            "slug:",
            "",
            "# Phần nội dung, sau dòng --- dưới đây:",
            "# - một hai đoạn giới thiệu ngắn (hiện trong các danh sách);",
            "# - mục \"Thành tích nổi bật\" (bắt buộc): mỗi thành tích một dòng, bắt đầu bằng \"- \";",
            "# - các mục khác nếu có, ví dụ \"## Kinh nghiệm, cách làm hay\".",
            "---",
            "",
            "## Thành tích nổi bật",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// ` "text"` for a value given on the command line, nothing for one left to fill.
    private func value(_ text: String?) -> String {
        guard let text else { return "" }
        return " \"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension Diagnostic {
    /// `guong new collective --position …`: only individuals have a position.
    static func positionForCollective(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.valueType, at: at, "chức vụ chỉ ghi cho cá nhân; hồ sơ tập thể không có chức vụ, hãy bỏ --position.")
    }
}
