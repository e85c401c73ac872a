/// The parts of a minimal WordprocessingML package, and the annex's document body.
enum WordML {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="24"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="table" w:styleId="Bang"><w:name w:val="Bang"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>\
        <w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>\
        </w:styles>
        """

    /// The document: one section per annex (A4 landscape), each starting on a new page.
    static func document(_ annexes: [Annex], model: SiteModel) -> String {
        var body = ""
        let identity = model.config.identity
        let plan = model.schema.plan
        let phase = "\(model.schema.phase.lowerBound) – \(model.schema.phase.upperBound)"
        for (index, annex) in annexes.enumerated() {
            let unitName = annex.unitID.map(model.unitName) ?? model.config.department
            let top = annex.unitID == nil ? identity.parentAgency : model.config.department
            body += table(widths: [6000, 8000], borders: false, rows: [[
                [paragraph(top.uppercased(), center: true), paragraph(unitName.uppercased(), bold: true, center: true)],
                [paragraph(identity.nation, bold: true, center: true), paragraph(identity.motto, bold: true, center: true),
                 paragraph("\(identity.place.isEmpty ? "" : identity.place + ", ")ngày …… tháng …… năm \(annex.year)", italic: true, center: true)],
            ]])
            body += paragraph("")
            body += paragraph("BẢNG ĐĂNG KÝ ĐIỂN HÌNH TIÊN TIẾN NĂM \(annex.year)", bold: true, center: true)
            body += paragraph("GIAI ĐOẠN \(phase)", bold: true, center: true)
            body += paragraph("(Kèm theo Kế hoạch số \(plan.number)\(plan.date.map { " ngày \($0.vietnamese)" } ?? "") của \(plan.issuer))",
                              italic: true, center: true)
            let numerals = ["I", "II", "III"]
            for (position, kindTable) in annex.tables.enumerated() {
                let withUnit = annex.unitID == nil && kindTable.kind == .individual
                var header = kindTable.columns.map { $0.uppercased() }
                if withUnit { header.insert("ĐƠN VỊ", at: min(2, header.count)) }
                body += paragraph("\(numerals[min(position, 2)]). \(model.kindName(kindTable.kind).uppercased())", bold: true)
                var rows: [[[String]]] = [header.map { [paragraph($0, bold: true, center: true)] }]
                for row in kindTable.rows {
                    var cells = [[paragraph(row.number, center: true)], [paragraph(row.name)]]
                    if withUnit { cells.append([paragraph(row.unitName)]) }
                    if kindTable.kind == .individual { cells.append([paragraph(row.position)]) }
                    cells.append([paragraph(row.fields)])
                    cells.append(row.achievements.map { paragraph("- " + $0) })
                    rows.append(cells)
                }
                if kindTable.rows.isEmpty { rows.append(header.map { _ in [paragraph("")] }) }
                let widths = header.count == 4 ? [900, 3600, 3600, 6400] : header.count == 5 ? [900, 3000, 2200, 2800, 5600]
                    : [800, 2600, 2400, 2000, 2400, 4300]
                body += table(widths: widths, borders: true, rows: rows)
            }
            body += paragraph("")
            body += table(widths: [7000, 7000], borders: false, rows: [[
                [paragraph("")],
                [paragraph(annex.unitID == nil ? "TRƯỞNG PHÒNG" : "THỦ TRƯỞNG ĐƠN VỊ", bold: true, center: true),
                 paragraph("(Ký, ghi rõ họ tên và đóng dấu)", italic: true, center: true)],
            ]])
            let last = index == annexes.count - 1
            let section = "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
                + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1418\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
            body += last ? section : "<w:p><w:pPr>\(section)</w:pPr></w:p>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
    }

    static func paragraph(_ text: String, bold: Bool = false, italic: Bool = false, center: Bool = false) -> String {
        let pPr = center ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : ""
        let rPr = bold || italic ? "<w:rPr>\(bold ? "<w:b/>" : "")\(italic ? "<w:i/>" : "")</w:rPr>" : ""
        return "<w:p>\(pPr)<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    /// A table: rows of cells, each cell a list of paragraphs (already WordprocessingML).
    static func table(widths: [Int], borders: Bool, rows: [[[String]]]) -> String {
        var xml = "<w:tbl><w:tblPr>\(borders ? "<w:tblStyle w:val=\"Bang\"/>" : "")<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (number, row) in rows.enumerated() {
            xml += "<w:tr>\(borders && number == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "")"
            for (column, cell) in row.enumerated() {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(column, widths.count - 1)])\" w:type=\"dxa\"/></w:tcPr>"
                xml += (cell.isEmpty ? [paragraph("")] : cell).joined() + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    /// A text run's XML: escaped, with tabs and line breaks as spaces (a run holds one line).
    static func escape(_ text: String) -> String {
        XML.escape(String(text.unicodeScalars.map { "\t\n\r".unicodeScalars.contains($0) ? " " : Character($0) }))
    }
}
