/// Messages for the plan's cycle: stages, honours, spread, field criteria.
extension Diagnostic {
    static func stageUnknown(_ at: SourceLocation, value: String, names: [String], suggestion: String?) -> Diagnostic {
        Diagnostic(.stageUnknown, at: at,
                   "bước \"\(value)\" không có trong quy trình của registration.yaml; dùng một trong: \(names.joined(separator: ", ")).",
                   suggestion: suggestion)
    }

    static func stageYear(_ at: SourceLocation, value: String, years: [Int]) -> Diagnostic {
        Diagnostic(.stageYear, at: at,
                   "\"\(value)\" không phải một năm của hồ sơ (\(years.map(String.init).joined(separator: ", "))); ghi `giai đoạn: bình chọn` hoặc `giai đoạn: {\(years.first ?? 2022): bình chọn}`.")
    }

    static func honourInvalid(_ at: SourceLocation, _ reason: String) -> Diagnostic {
        Diagnostic(.honourInvalid, at: at,
                   "khen thưởng: \(reason) Mỗi mục ghi `- {hình thức: Giấy khen, cấp: Phòng GD&ĐT, số quyết định: 123/QĐ-GDĐT, ngày: 2022-06-30}`.")
    }

    static func honourFormUnknown(_ at: SourceLocation, value: String, names: [String], suggestion: String?) -> Diagnostic {
        Diagnostic(.honourFormUnknown, at: at,
                   "hình thức khen thưởng \"\(value)\" không có trong registration.yaml; dùng một trong: \(names.joined(separator: ", ")).",
                   suggestion: suggestion)
    }

    static func honourDateInvalid(_ at: SourceLocation, value: String) -> Diagnostic {
        Diagnostic(.honourDate, at: at, "ngày khen thưởng \"\(value)\" không hợp lệ; ghi theo dạng năm-tháng-ngày, ví dụ `2022-06-30`.")
    }

    static func honourDateOutside(_ at: SourceLocation, date: SimpleDate, phase: ClosedRange<Int>) -> Diagnostic {
        Diagnostic(.honourDate, at: at,
                   "ngày khen thưởng \(date.vietnamese) nằm ngoài giai đoạn \(phase.lowerBound)–\(phase.upperBound) của kế hoạch.")
    }

    static func honourDecision(_ at: SourceLocation, value: String) -> Diagnostic {
        Diagnostic(.honourDecision, at: at,
                   "số quyết định \"\(value)\" không đúng dạng số/ký hiệu, ví dụ `125/QĐ-GDĐT` hoặc `1234/QĐ-UBND`; chưa có số thì bỏ trống.")
    }

    static func spreadInvalid(_ at: SourceLocation, _ reason: String) -> Diagnostic {
        Diagnostic(.spreadInvalid, at: at,
                   "nhân rộng: \(reason) Mỗi mục ghi mã đơn vị trong units.yaml, hoặc `- {đơn vị: th-ba-diem, năm: 2023, kết quả: …}`.")
    }

    static func spreadUnitUnknown(_ at: SourceLocation, value: String, suggestion: String?) -> Diagnostic {
        Diagnostic(.spreadUnitUnknown, at: at, "đơn vị nhân rộng \"\(value)\" không có trong units.yaml", suggestion: suggestion)
    }

    static func fieldNoCriteria(_ at: SourceLocation, field: String, kind: String) -> Diagnostic {
        Diagnostic(.fieldNoCriteria, at: at,
                   "kế hoạch chỉ nêu tiêu chí lĩnh vực \"\(field)\" cho cá nhân, không có tiêu chí cho \(kind.lowercased()); hãy kiểm tra lại lĩnh vực của hồ sơ.")
    }
}
