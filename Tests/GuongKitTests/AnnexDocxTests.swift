import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// `guong export dang-ky --format docx`: a WordprocessingML package that LibreOffice opens, holding the
/// annex's text, byte-identical from run to run.
@Suite("The annex as .docx", .serialized)
struct AnnexDocxTests {
    func export(_ arguments: [String], to file: URL) throws -> SiteBuildFixture.Run {
        try SiteBuildFixture.guong(["export", "dang-ky", "--site", Fixtures.packageRoot.path, "--format", "docx",
                                    "--output", file.path] + arguments)
    }

    @Test func thePackageHoldsTheAnnexAndIsDeterministic() throws {
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let first = temp.appendingPathComponent("a.docx"), second = temp.appendingPathComponent("b.docx")
        #expect(try export(["--unit", "thcs-dong-thanh", "--year", "2022"], to: first).status == 0)
        #expect(try export(["--unit", "thcs-dong-thanh", "--year", "2022"], to: second).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))

        let archive = try Archive(url: first, accessMode: .read)
        #expect(Set(archive.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                             "word/styles.xml", "word/document.xml"])
        var document = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
        let xml = String(decoding: document, as: UTF8.self)
        #expect(XMLParser(data: document).parse(), "document.xml is not well-formed XML")
        for text in ["TRƯỜNG THCS ĐÔNG THẠNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kèm theo Kế hoạch số 49/KH-GDĐT",
                     "Lê Quang Vinh", "THỦ TRƯỞNG ĐƠN VỊ", "w:orient=\"landscape\""] {
            #expect(xml.contains(text), "missing \(text)")
        }
        #expect(WordML.escape("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }

    /// LibreOffice converts it to PDF and the text reads back (Debian `libreoffice-writer-nogui`, `poppler-utils`).
    @Test func libreOfficeOpensIt() throws {
        guard let soffice = Self.which("soffice"), let pdftotext = Self.which("pdftotext") else {
            print("skipped: soffice or pdftotext is not installed (scripts/install-deps --test installs them)")
            return
        }
        let temp = try SiteBuildFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("bang-dang-ky.docx")
        #expect(try export(["--year", "2022"], to: file).status == 0)
        try Self.run(soffice, ["-env:UserInstallation=file://\(temp.path)/lo", "--headless", "--convert-to", "pdf",
                               "--outdir", temp.path, file.path])
        let pdf = temp.appendingPathComponent("bang-dang-ky.pdf")
        try Self.run(pdftotext, ["-layout", pdf.path, temp.appendingPathComponent("out.txt").path])
        let text = try String(contentsOf: temp.appendingPathComponent("out.txt"), encoding: .utf8)
        for line in ["BẢNG ĐĂNG KÝ ĐIỂN HÌNH TIÊN TIẾN NĂM 2022", "Nguyễn Thị Minh Thư", "Trường THCS Đông Thạnh", "TRƯỞNG PHÒNG"] {
            #expect(text.contains(line), "the PDF lacks \(line)")
        }
    }

    static func which(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) exited \(process.terminationStatus)")
    }
}
