/// What an intake did, per file, in the forms the command prints. Every text the office reads about an
/// intake is here, in Vietnamese.
public struct IntakeReport: Sendable {
    public var entries: [Intake.Entry]
    public var dryRun: Bool

    public var accepted: Int { entries.count { if case .accepted = $0.verdict { true } else { false } } }
    public var rejected: Int { entries.count { $0.verdict == .rejected } }
    public var conflicts: Int { entries.count { if case .conflict = $0.verdict { true } else { false } } }

    /// The check's lines for every file that has findings, compiler style.
    public func problems() -> String {
        let lines = entries.flatMap { $0.diagnostics.sorted() }.map(CheckReport.line)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The closing table: one row per file, then the totals.
    public func table() -> String {
        let header = ["Tệp", "Kết quả", "Chi tiết"]
        // Names come from the submitted files: escaped, so that none can redraw the rows above it.
        let rows = entries.map { [$0.source, verdict($0), detail($0)].map(CheckReport.printable) }
        let widths = (0..<2).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index < 2 ? cell + String(repeating: " ", count: widths[index] - cell.count) : cell
            }.joined(separator: "  ")
        }
        var lines = [line(header)]
        lines += rows.map(line)
        var total = "Tổng: \(accepted) \(dryRun ? "sẽ nhận" : "nhận"), \(rejected) trả lại, \(conflicts) trùng."
        if dryRun { total += " Chạy thử (--dry-run): chưa ghi tệp nào." }
        lines.append(total)
        return lines.joined(separator: "\n") + "\n"
    }

    private func verdict(_ entry: Intake.Entry) -> String {
        switch entry.verdict {
        case .accepted: dryRun ? "sẽ nhận" : "nhận"
        case .rejected: "trả lại"
        case .conflict(.writeFailed): "không ghi được"
        case .conflict: "trùng"
        }
    }

    private func detail(_ entry: Intake.Entry) -> String {
        let errors = entry.diagnostics.errorCount, warnings = entry.diagnostics.warningCount
        let warningNote = warnings > 0 ? "; \(warnings) cảnh báo (xem ở trên)" : ""
        let who = entry.exemplar ?? "hồ sơ này"
        switch entry.verdict {
        case .accepted(let target):
            var parts = ["→ \(target)"]
            if let photo = entry.photo { parts.append("kèm ảnh \(photo)") }
            if !entry.normalised.isEmpty {
                let names = entry.normalised.map { change in
                    switch change {
                    case .nfc: "Unicode NFC"
                    case .lineEnds: "xuống dòng LF"
                    case .bom: "bỏ BOM"
                    }
                }
                parts.append("đã chuẩn hóa: " + names.joined(separator: ", "))
            }
            if entry.draft { parts.append("là bản nháp (draft: true): chưa đăng cho tới khi đổi thành draft: false") }
            return parts.joined(separator: "; ") + warningNote
        case .rejected:
            return "\(errors) lỗi\(warnings > 0 ? ", \(warnings) cảnh báo" : "") (xem ở trên); tệp để nguyên chỗ cũ, sửa rồi nhận lại"
                + (entry.draft ? "; là bản nháp (draft: true)" : "")
        case .conflict(let conflict):
            let reason: String
            switch conflict {
            case .sameExemplar(let existing):
                reason = "\(who) đã có trong trang ở \(existing); không ghi đè — so sánh hai tệp rồi tự sửa tệp cũ nếu cần"
            case .sameInBatch(let other):
                reason = "\(who) đã nhận từ \(other) trong lần này; không nhận hai lần"
            case .fileExists(let path):
                reason = "đã có thư mục \(path) (và tên dự phòng); hãy thêm khóa slug: cho hồ sơ rồi nhận lại"
            case .photoOutside(let path):
                reason = "ảnh \(path) không nằm trong thư mục của tệp nên không mang theo được"
            case .writeFailed(let path, let reason):
                return "không ghi được \(path): \(reason); tệp gốc để nguyên"
            }
            return reason + warningNote
        }
    }
}
