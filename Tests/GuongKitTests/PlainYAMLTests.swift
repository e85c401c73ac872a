import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// The plain front-matter reader must give exactly Yams' tree, positions included, or decline.
@Suite("Plain front matter reads as Yams reads it")
struct PlainYAMLTests {
    /// A node as text: kind, value and position at every depth.
    private func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.location.line):\(node.location.column)"
        switch node.value {
        case .scalar(let text, let quoted): return "\(quoted ? "q" : "p")\(Array(text.unicodeScalars))\(at)"
        case .sequence(let items): return "[\(items.map(describe).joined(separator: ", "))]\(at)"
        case .mapping(let pairs): return "{\(pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: "; "))}\(at)"
        }
    }

    private func byYams(_ yaml: String) -> String {
        var reader = YAMLReader()
        reader.usesPlainReader = false
        do { return describe(try reader.read(yaml, path: "x.md", firstLine: 2)) } catch { return "error \(error.kind)" }
    }

    /// Compares the two readers on `yaml`; returns whether the plain reader took it.
    @discardableResult
    private func compare(_ yaml: String) -> Bool {
        guard let plain = YAMLReader().readPlain(yaml, path: "x.md", firstLine: 2) else { return false }
        #expect(describe(plain) == byYams(yaml), "\(yaml)")
        return true
    }

    @Test("The plain reader takes these and agrees with Yams", arguments: [
        "kind: individual\nname: Nguyễn Thị Minh Thư\nposition: Giáo viên Ngữ văn\nunit: thcs-dong-thanh\nfields: [a, đ]\nyear: 2022\nregistered: 2022-01-18",
        "loại: cá nhân\ntên: Lê Văn Tám\nchức vụ: Giáo viên\nđơn vị: th-nhi-binh\nlĩnh vực: [giáo dục đào tạo, CNTT]\nnăm: [2021, 2023]",
        "kind: collective\nunit: mn-hoa-hong\nfields: [\"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\", dd]\nyear: [2021, 2023]",
        "name:    Tổ Toán – Tin, THCS Đông Thạnh (2022) [mới]\nfields: [ a ,  b ]\nyear: []\nx: \"  spaced  \"",
        "\n\nkind: individual\n\nname: \"Nguyễn \u{201C}An\u{201D}\"\nphoto: anh/thu.jpg\nslug: nguyen-an\ndraft: false\nnote: C# và a:b, http://x.vn/y?z=1",
        "nam: [ \"2021\" , 2022]\nfields: [\"a, b\", \"]\"]\nname: ~\nx: null\nlinh_vuc: [CCHC]",
    ])
    func agrees(yaml: String) {
        #expect(compare(yaml))
    }

    @Test("The plain reader declines these, and Yams reads them as before", arguments: [
        "kind: individual # a comment", "# comment\nkind: x", "kind: 'single'", "kind: \"esc\\\"aped\"", "kind:\n  - a",
        "kind: a\nkind: b", "kind:", "kind: \tx", "  kind: x", "kind: x\n  continued", "fields: [a, [b]]", "fields: [a,]",
        "fields: {a: b}", "kind: x: y", "kind: x:", "? kind\n: x", "- a", "kind: |\n  text", "kind: >\n  text", "kind: &a x",
        "kind: *a", "kind: !tag x", "kind: @x", "kind: `x`", "%YAML 1.2\n---\nkind: x", "kind: a\u{2028}b", "kind: a\u{85}b",
        "kind: a\u{7}b", "kind: \"a\" b", "fields: [\"a\" b]", "fields: [a #b]", "fields: [a: b]", "kind: x ", "kind : x",
        "\"kind\": x", "kind: -x", "kind: ...", "...", "kind: 😀", "", "name: A, *B", "name: A & B", "name: \u{FEFF}x",
    ])
    func declines(yaml: String) {
        #expect(!compare(yaml))
    }

    @Test("Many keys: taken while distinct, declined at a repeat, before and after the first 32")
    func manyKeys() {
        let keys = (0..<40).map { "k\($0): giá trị \($0)" }
        #expect(compare(keys.joined(separator: "\n")))
        #expect(!compare((keys + ["k35: lại"]).joined(separator: "\n")))
        #expect(!compare((keys + ["k3: lại"]).joined(separator: "\n")))
        #expect(!compare((keys.prefix(10) + ["k3: lại"]).joined(separator: "\n")))
    }

    @Test func everyFrontMatterOfTheSampleSiteAndFixturesIsReadAlike() throws {
        var taken = 0, files = 0
        for folder in [Fixtures.packageRoot.appendingPathComponent("content"), Fixtures.folder] {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "md", let data = try? Data(contentsOf: url),
                      let text = String(data: data, encoding: .utf8),
                      let split = try? FrontMatterSplit.split(SourceText.normalise(text)) else { continue }
                files += 1
                if compare(split.yaml) { taken += 1 }
            }
        }
        #expect(files > 50)
        #expect(taken * 2 > files, "the plain reader should take most real front matter (\(taken) of \(files))")
    }
}
