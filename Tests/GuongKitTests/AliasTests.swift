import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Vietnamese names for keys, fields and kinds")
struct AliasTests {
    @Test("Front-matter names, with or without diacritics", arguments: [
        ("lĩnh vực", ProfileKey.fields),
        ("linh vuc", .fields),
        ("lĩnh_vực", .fields),
        ("Lĩnh Vực", .fields),
        ("Loại", .kind),
        ("loai", .kind),
        ("chuc vu", .position),
        ("chức vụ", .position),
        ("ngày đăng ký", .registered),
        ("tên", .name),
        ("họ và tên", .name),
        ("đơn vị", .unit),
        ("năm", .year),
        ("ảnh", .photo),
        ("nháp", .draft),
        ("đường dẫn", .slug),
        ("kind", .kind),
    ])
    func profileKey(name: String, key: ProfileKey) {
        #expect(ProfileKey(matching: name) == key)
    }

    @Test(arguments: ["ghi chú", "", "linh", "năm sinh"])
    func unknownNamesMatchNoKey(name: String) {
        #expect(ProfileKey(matching: name) == nil)
    }

    @Test func everyAliasLeadsBackToItsOwnKey() {
        for key in ProfileKey.allCases {
            for name in [key.rawValue] + key.aliases {
                #expect(ProfileKey(matching: name) == key, "\"\(name)\" should mean \(key)")
            }
        }
    }

    /// Keys are hashed and compared by case, not by raw value: each case must stay apart from every other.
    @Test func everyKeyIsItsOwn() {
        #expect(Set(ProfileKey.allCases).count == ProfileKey.allCases.count)
        for key in ProfileKey.allCases {
            #expect(ProfileKey.allCases.filter { $0 == key } == [key])
        }
    }

    private func schema() throws -> RegistrationSchema {
        try #require(try Fixtures.loadBasicSite().schema)
    }

    @Test func fieldCodesDAndDWithStrokeStayApart() throws {
        let schema = try schema()
        #expect(schema.matchField("d")?.id == "cai-cach-hanh-chinh")
        #expect(schema.matchField("đ")?.id == "cong-nghe-thong-tin")
        #expect(schema.matchField("D")?.id == "cai-cach-hanh-chinh")
        #expect(schema.matchField("Đ")?.id == "cong-nghe-thong-tin")
    }

    @Test("Fields by code, alias or name", arguments: [
        ("dd", "đ"),
        ("CNTT", "đ"),
        ("cntt", "đ"),
        ("Công nghệ thông tin và truyền thông", "đ"),
        ("Cải cách hành chính", "d"),
        ("cai cach hanh chinh", "d"),
        ("CCHC", "d"),
        ("a", "a"),
        (" b ", "b"),
        ("giáo dục", "a"),
        ("nguoi tot viec tot", "c"),
    ])
    func matchField(text: String, code: String) throws {
        #expect(try schema().matchField(text)?.code == code)
    }

    @Test(arguments: ["e", "ddd", "cong nghe", ""])
    func unknownFieldsMatchNothing(text: String) throws {
        #expect(try schema().matchField(text) == nil)
    }

    @Test("Kinds in both languages", arguments: [
        ("cá nhân", ProfileKind.individual),
        ("ca nhan", .individual),
        ("Cá Nhân", .individual),
        ("individual", .individual),
        ("tập thể", .collective),
        ("tap the", .collective),
        ("collective", .collective),
    ])
    func matchKind(text: String, kind: ProfileKind) throws {
        #expect(try schema().matchKind(text) == kind)
    }

    @Test(arguments: ["ca nhn", "nhóm", ""])
    func unknownKindsMatchNothing(text: String) throws {
        #expect(try schema().matchKind(text) == nil)
    }

    @Test("The head of a unit, and who is not", arguments: [
        ("Hiệu trưởng", true),
        ("hieu truong", true),
        ("Hiệu trưởng kiêm Bí thư chi bộ", true),
        ("Phó Hiệu trưởng", false),
        ("Bí thư Chi bộ, Hiệu trưởng", true),
        ("Bí thư Chi bộ kiêm Hiệu trưởng", true),
        ("Bí thư Chi bộ, Phó Hiệu trưởng", false),
        ("Phó Hiệu trưởng phụ trách chuyên môn", false),
        ("Giáo viên", false),
        ("Hiệu trưởngx", false),
    ])
    func isHead(position: String, head: Bool) throws {
        #expect(try schema().isHead(position: position) == head)
    }

    @Test("The heads among many positions are those isHead takes, each judged once")
    func headPositions() throws {
        let schema = try schema()
        let positions = ["Hiệu trưởng", "Giáo viên", "Phó Hiệu trưởng", "Hiệu trưởng", "Bí thư Chi bộ, Hiệu trưởng", "Giáo viên"]
        #expect(schema.headPositions(among: positions) == ["Hiệu trưởng", "Bí thư Chi bộ, Hiệu trưởng"])
        #expect(schema.headPositions(among: [String]()).isEmpty)
    }
}
