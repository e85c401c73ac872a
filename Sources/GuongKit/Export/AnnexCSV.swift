/// The annex as CSV for Excel (`guong export dang-ky --format csv`): UTF-8 with a byte-order mark, CRLF line
/// ends, RFC 4180 quoting, and cells a spreadsheet would take for a formula (= + - @, tab, CR) made text.
/// Schools' text is untrusted: a name like `=HYPERLINK(…)` must stay a name.
public enum AnnexCSV {
    /// One section per table of each annex: a title line, the column headers, then the rows.
    public static func bytes(_ annexes: [Annex], model: SiteModel) -> [UInt8] {
        var lines: [[String]] = []
        for annex in annexes {
            let place = annex.unitID.map(model.unitName) ?? model.config.department
            lines.append(["\(model.schema.plan.number) — \(place) — năm \(annex.year)"])
            for table in annex.tables {
                let withUnit = annex.unitID == nil && table.kind == .individual
                var header = table.columns
                if withUnit { header.insert("Đơn vị", at: min(2, header.count)) }
                lines.append([model.kindName(table.kind).uppercased()])
                lines.append(header)
                for row in table.rows {
                    var cells = [row.number, row.name]
                    if withUnit { cells.append(row.unitName) }
                    if table.kind == .individual { cells.append(row.position) }
                    if table.kind == .collective && annex.unitID == nil && row.name != row.unitName { cells[1] += " (\(row.unitName))" }
                    cells += [row.fields, row.achievements.map { "• " + $0 }.joined(separator: "\n")]
                    lines.append(cells)
                }
            }
            lines.append([])
        }
        let text = lines.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// One cell: a leading formula character is disarmed with an apostrophe, then quoted when it holds
    /// a comma, quote or line break.
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
