import GuongKit
import Foundation

/// `/gui-ho-so/`: the form that makes a profile file in the reader's browser (nothing is sent anywhere), and
/// `/huong-dan/`: the guide for schools, with the template files `guong new` would write.
extension SiteRenderer {
    func submissionPage() -> PageDraft {
        let model = context.model
        let schema = model.schema
        let values: TemplateObject = [
            "kinds": .list(ProfileKind.allCases.reversed().map { kind -> TemplateObject in
                ["id": .text(kind.rawValue), "name": .text(context.kindName(kind)), "isIndividual": .bool(kind == .individual)]
            }),
            "units": .list(model.units.map { unit -> TemplateObject in ["id": .text(unit.id), "name": .text(unit.name)] }),
            "fields": .list(schema.fields.map { field -> TemplateObject in
                ["code": .text(field.code), "name": .text(field.name), "id": .text(field.id),
                 "collective": .text(field.criteria[.collective] ?? ""), "individual": .text(field.criteria[.individual] ?? ""),
                 "individualsOnly": .bool(field.isForIndividualsOnly)]
            }),
            "years": .list(Array(schema.phase).map { year -> TemplateObject in ["year": .int(year)] }),
            "phase": .text("\(schema.phase.lowerBound)–\(schema.phase.upperBound)"),
            "data": .text(SubmissionData(schema: schema, units: model.units, strings: context.theme.strings).json),
            "contact": model.config.identity.templateValue,
            "guideURL": .text(context.url(SitePaths.guide)),
        ]
        var shell = PageShell(title: context.t("submission"), path: SitePaths.submission, section: "submission")
        shell.usesSearch = true  // form.js takes the slug rule from search.js: one copy of it
        return context.page("submission", values, shell: shell)
    }

    func guidePage() -> PageDraft {
        var text = context.theme.guide
        // The guide's own `# title` is the page's title; the rest is its content.
        var title = context.t("guide")
        if text.hasPrefix("# "), let end = text.firstIndex(of: "\n") {
            title = String(text[text.index(text.startIndex, offsetBy: 2)..<end])
            text = String(text[end...])
        }
        let document = CmarkParser.parse(text)
        let values: TemplateObject = [
            "title": .text(title),
            "html": .utf8(bytes: MarkdownBlock.html(of: document.blocks)),
            "submissionURL": .text(context.url(SitePaths.submission)),
            "templates": .list(ProfileKind.allCases.reversed().map { kind -> TemplateObject in
                ["name": .text(context.kindName(kind)), "url": .text(context.url(SitePaths.guideTemplate(kind))),
                 "file": .text(SitePaths.guideTemplate(kind).split(separator: "/").last.map(String.init) ?? "")]
            }),
            "contact": context.model.config.identity.templateValue,
        ]
        let shell = PageShell(title: title, path: SitePaths.guide, section: "guide")
        return context.page("guide", values, shell: shell)
    }

    /// The blank profile `guong new <kind>` writes for this site, to download from the guide.
    func guideTemplate(_ kind: ProfileKind) -> String {
        let model = context.model
        let blank = ProfileSkeleton.Resolved(kind: kind, name: nil, unit: nil, fieldCodes: [], years: [], position: nil)
        return ProfileSkeleton(siteRoot: URL(fileURLWithPath: "/")).text(blank, schema: model.schema, units: model.units)
    }
}

extension SitePaths {
    /// `huong-dan/mau-ca-nhan.md`: the guide's blank profile of a kind.
    public static func guideTemplate(_ kind: ProfileKind) -> String {
        guide + (kind == .individual ? "mau-ca-nhan.md" : "mau-tap-the.md")
    }
}

/// What form.js needs from the site, as JSON in the form's `data-schema` attribute: the profile format's
/// rules as this site has them (units, fields, the phase's years, photo types, invisible characters).
struct SubmissionData: Encodable {
    struct UnitEntry: Encodable { var id: String, name: String }
    struct FieldEntry: Encodable { var code: String, name: String }
    var phase: [Int]
    var units: [UnitEntry]
    var fields: [FieldEntry]
    var kinds: [String: String]
    var photoTypes: [String]
    /// Ranges of Unicode scalars the check refuses in a value (`FrontMatterFields.isInvisible`).
    var invisible: [[UInt32]]
    /// The form's messages and the body's headings, from the theme's strings.
    var messages: [String: String]

    init(schema: RegistrationSchema, units: [GuongKit.Unit], strings: [String: String]) {
        phase = [schema.phase.lowerBound, schema.phase.upperBound]
        self.units = units.map { UnitEntry(id: $0.id, name: $0.name) }
        fields = schema.fields.map { FieldEntry(code: $0.code, name: $0.name) }
        kinds = Dictionary(ProfileKind.allCases.map { ($0.rawValue, schema.definition(of: $0)?.name ?? $0.rawValue) },
                           uniquingKeysWith: { a, _ in a })
        photoTypes = ProfileParser.photoTypes.filter { $0 != "svg" && $0 != "gif" }
        invisible = Self.invisibleRanges
        messages = strings.filter { $0.key.hasPrefix("form_error_") }
        messages["achievements"] = "Thành tích nổi bật"  // the section the check requires, as `guong new` writes it
        messages["other"] = strings["form_other"] ?? "Kinh nghiệm, cách làm hay"
    }

    /// The check's rule (`FrontMatterFields.isInvisible`) as ranges; a test compares the two over every scalar.
    static let invisibleRanges: [[UInt32]] = [
        [0x0000, 0x0008], [0x000B, 0x000C], [0x000E, 0x001F], [0x007F, 0x009F], [0x00AD, 0x00AD], [0x034F, 0x034F],
        [0x0600, 0x0605], [0x061C, 0x061C], [0x06DD, 0x06DD], [0x070F, 0x070F], [0x0890, 0x0891], [0x08E2, 0x08E2],
        [0x115F, 0x1160], [0x17B4, 0x17B5], [0x180B, 0x180F], [0x200B, 0x200F], [0x2028, 0x202E], [0x2060, 0x206F],
        [0x2800, 0x2800], [0x3164, 0x3164], [0xFDD0, 0xFDEF], [0xFE00, 0xFE0F], [0xFEFF, 0xFEFF], [0xFFA0, 0xFFA0],
        [0xFFF0, 0xFFFB], [0xFFFE, 0xFFFF], [0x110BD, 0x110BD], [0x110CD, 0x110CD], [0x13430, 0x1343F],
        [0x1BCA0, 0x1BCA3], [0x1D173, 0x1D17A], [0x1FFFE, 0x1FFFF], [0x2FFFE, 0x2FFFF], [0x3FFFE, 0x3FFFF],
        [0x4FFFE, 0x4FFFF], [0x5FFFE, 0x5FFFF], [0x6FFFE, 0x6FFFF], [0x7FFFE, 0x7FFFF], [0x8FFFE, 0x8FFFF],
        [0x9FFFE, 0x9FFFF], [0xAFFFE, 0xAFFFF], [0xBFFFE, 0xBFFFF], [0xCFFFE, 0xCFFFF], [0xDFFFE, 0xE0FFF],
        [0xEFFFE, 0xEFFFF], [0xFFFFE, 0xFFFFF], [0x10FFFE, 0x10FFFF],
    ]

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
