/// The report as one printable HTML file (`guong report --output FILE.html`), for the office's own files:
/// self-contained (inline style, no script), A4 with page numbers, never part of the public site.
extension PlanReport {
    public func html(department: String, title: String) -> String {
        var body = ""
        let range = years.lowerBound == years.upperBound ? "năm \(years.lowerBound)" : "các năm \(years.lowerBound)–\(years.upperBound)"
        body += "<header><p class=\"issuer\">\(escape(department))</p><h1>Báo cáo thực hiện Kế hoạch \(escape(plan))</h1>"
        body += "<p class=\"range\">\(escape(title)) — \(range)</p>"
        body += "<p>Điển hình được tính là đã bình chọn từ bước “\(escape(stageThreshold))” trở đi.</p></header>"

        body += "<h2>1. Chỉ tiêu hằng năm</h2><table><thead><tr><th>Năm</th><th>Loại</th><th>Được bình chọn</th><th>Chỉ tiêu</th><th>Kết quả</th></tr></thead><tbody>"
        for quota in yearly {
            body += "<tr><td>\(quota.year ?? 0)</td><td>\(quota.kind == .collective ? "Tập thể" : "Cá nhân")</td><td class=\"n\">\(quota.count)</td>"
                + "<td class=\"n\">≥ \(quota.quota)</td><td>\(quota.met ? "Đạt" : "<strong>Chưa đạt</strong>")</td></tr>"
        }
        body += "<tr><td colspan=\"2\">Cả giai đoạn</td><td class=\"n\">\(phase.count)</td><td class=\"n\">≥ \(phase.quota)</td><td>"
            + (wholePhase ? (phase.met ? "Đạt" : "<strong>Chưa đạt</strong>") : "chỉ xét khi báo cáo cả giai đoạn") + "</td></tr></tbody></table>"

        body += "<h2>2. Đơn vị chưa có điển hình (\(unitsWithout.count)/\(unitCount))</h2>"
        body += unitsWithout.isEmpty ? "<p>Mọi đơn vị đã có ít nhất một điển hình.</p>"
            : "<table><thead><tr><th>Cấp học</th><th>Xã, thị trấn</th><th>Đơn vị</th></tr></thead><tbody>"
                + unitsWithout.map { "<tr><td>\(escape($0.level))</td><td>\(escape($0.commune))</td><td>\(escape($0.name))</td></tr>" }.joined()
                + "</tbody></table>"
        body += entries("3. Đăng ký sau hạn của năm", late)
        body += entries("4. Người đứng đầu mà đơn vị chưa có hồ sơ tập thể", headsWithoutCollective)
        body += entries("5. Vẫn ở bước đầu khi năm đã qua", stillAtFirstStage)
        body += entries("6. Khen thưởng chưa có số quyết định", honoursWithoutDecision)

        body += "<h2>7. Số liệu sơ kết, tổng kết</h2><div class=\"figures\">"
        for (title, counts) in [("Theo năm", byYear), ("Theo lĩnh vực", byField), ("Theo loại", byKind), ("Theo cấp học", byLevel),
                                ("Theo bước", byStage), ("Khen thưởng theo hình thức", honoursByForm),
                                ("Khen thưởng theo cấp khen", honoursByIssuer)] {
            body += "<table><caption>\(title)</caption><tbody>"
                + counts.map { "<tr><td>\(escape($0.label))</td><td class=\"n\">\($0.count)</td></tr>" }.joined() + "</tbody></table>"
        }
        body += "</div><p>Nhân rộng: \(modelsSpread) mô hình, đến \(unitsReached) đơn vị.</p>"
        body += "<p class=\"verdict\">\(quotasMet ? "Kết luận: đạt mọi chỉ tiêu được xét." : "Kết luận: còn chỉ tiêu chưa đạt.")</p>"
        return """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="robots" content="noindex">
        <title>Báo cáo thực hiện Kế hoạch \(escape(plan))</title>
        <style>
        @page { size: A4; margin: 20mm 15mm 20mm 25mm; @bottom-center { content: counter(page) "/" counter(pages); } }
        body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 13pt; line-height: 1.4; max-width: 50rem; margin: 1rem auto; padding: 0 1rem; }
        header { text-align: center; } .issuer { font-weight: bold; text-transform: uppercase; }
        h1 { font-size: 15pt; text-transform: uppercase; margin: 0.5rem 0; } h2 { font-size: 13pt; margin-top: 1.25rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; page-break-inside: auto; }
        th, td { border: 1px solid #000; padding: 2pt 5pt; text-align: left; vertical-align: top; } td.n { text-align: right; }
        caption { text-align: left; font-weight: bold; } tr { page-break-inside: avoid; }
        .figures table { width: auto; min-width: 50%; } .verdict { font-weight: bold; }
        @media print { body { margin: 0; max-width: none; padding: 0; } }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    private func entries(_ title: String, _ entries: [Entry]) -> String {
        var html = "<h2>\(title) (\(entries.count))</h2>"
        guard !entries.isEmpty else { return html + "<p>Không có.</p>" }
        html += "<table><thead><tr><th>STT</th><th>Điển hình</th><th>Đơn vị</th><th>Chi tiết</th><th>Tệp</th></tr></thead><tbody>"
        for (number, entry) in entries.enumerated() {
            let who = entry.position.isEmpty ? entry.name : "\(entry.name), \(entry.position)"
            html += "<tr><td class=\"n\">\(number + 1)</td><td>\(escape(who))</td><td>\(escape(entry.unitName))</td>"
                + "<td>\(escape(entry.detail))</td><td>\(escape(entry.sourcePath))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func escape(_ text: String) -> String { XML.escape(text) }
}
