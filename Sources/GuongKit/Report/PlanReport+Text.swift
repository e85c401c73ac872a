/// The report as the office reads it in a terminal: short sections, aligned figures, Vietnamese labels.
/// School-written text goes through `CheckReport.printable`, so a name cannot drive the terminal.
extension PlanReport {
    public func text() -> String {
        var lines: [String] = []
        let range = years.lowerBound == years.upperBound ? "năm \(years.lowerBound)" : "các năm \(years.lowerBound)–\(years.upperBound)"
        lines.append("BÁO CÁO THỰC HIỆN KẾ HOẠCH \(plan) — \(range)")
        lines.append("Điển hình được tính là đã bình chọn từ bước \"\(stageThreshold)\" trở đi.")

        lines += section("1. Chỉ tiêu hằng năm (điển hình được Phòng bình chọn)")
        for quota in yearly {
            let kind = quota.kind.map { $0 == .collective ? "tập thể" : "cá nhân" } ?? ""
            lines.append(row("Năm \(quota.year ?? 0), \(kind)", "\(quota.count) / tối thiểu \(quota.quota)", quota.met))
        }
        lines.append(row("Cả giai đoạn (\(years.lowerBound)–\(years.upperBound))", "\(phase.count) / tối thiểu \(phase.quota)",
                         wholePhase ? phase.met : nil))
        if !wholePhase { lines.append("  (Chỉ tiêu của cả giai đoạn chỉ được xét khi báo cáo cả giai đoạn.)") }

        lines += section("2. Đơn vị chưa có điển hình (\(unitsWithout.count)/\(unitCount))")
        if unitsWithout.isEmpty { lines.append("  Mọi đơn vị đã có ít nhất một điển hình.") }
        var level = ""
        for unit in unitsWithout {
            if unit.level != level {
                level = unit.level
                lines.append("  \(CheckReport.printable(level)):")
            }
            lines.append("    - \(CheckReport.printable(unit.name)) (\(CheckReport.printable(unit.commune)))")
        }

        lines += list("3. Đăng ký sau hạn của năm", late)
        lines += list("4. Người đứng đầu mà đơn vị chưa có hồ sơ tập thể", headsWithoutCollective)
        lines += list("5. Vẫn ở bước đầu khi năm đã qua", stillAtFirstStage)
        lines += list("6. Khen thưởng chưa có số quyết định", honoursWithoutDecision)

        lines += section("7. Số liệu sơ kết, tổng kết")
        lines += counts("Theo năm", byYear) + counts("Theo lĩnh vực", byField) + counts("Theo loại", byKind)
        lines += counts("Theo cấp học", byLevel) + counts("Theo bước (bước xa nhất trong kỳ)", byStage)
        lines += counts("Khen thưởng theo hình thức", honoursByForm) + counts("Khen thưởng theo cấp khen", honoursByIssuer)
        lines.append("  Nhân rộng: \(modelsSpread) mô hình, đến \(unitsReached) đơn vị")

        lines.append("")
        lines.append(quotasMet ? "Kết luận: đạt mọi chỉ tiêu được xét." : "Kết luận: còn chỉ tiêu chưa đạt.")
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String) -> [String] { ["", title] }

    private func row(_ label: String, _ value: String, _ met: Bool?) -> String {
        let status = met.map { $0 ? "đạt" : "CHƯA ĐẠT" } ?? "—"
        return "  " + label.padding(toLength: 28, withPad: " ", startingAt: 0) + " " + value.padding(toLength: 18, withPad: " ", startingAt: 0) + " " + status
    }

    private func list(_ title: String, _ entries: [Entry]) -> [String] {
        var lines = section("\(title) (\(entries.count))")
        if entries.isEmpty { lines.append("  Không có.") }
        for entry in entries {
            let who = entry.position.isEmpty ? entry.name : "\(entry.name), \(entry.position)"
            let detail = entry.detail.isEmpty ? "" : " — \(entry.detail)"
            let unit = entry.unitName == entry.name ? "" : " — \(entry.unitName)"
            lines.append("  - \(CheckReport.printable(who + unit + detail)) [\(CheckReport.printable(entry.sourcePath))]")
        }
        return lines
    }

    private func counts(_ title: String, _ counts: [Count]) -> [String] {
        ["  \(title):"] + counts.map { "    \(CheckReport.printable($0.label)): \($0.count)" }
    }
}
