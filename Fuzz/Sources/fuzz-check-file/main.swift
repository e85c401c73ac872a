// The whole check of one profile file against the basic site, and for a file that passes, its page,
// the feed and the JSON data rendered and read back: no executable markup, valid JSON, escaped XML.
import Foundation
import FuzzSupport
@testable import GuongKit
@testable import GuongRender

struct Harness {
    let folder: URL
    let file: ContentFile
    let parser: ProfileParser
    let config: SiteConfig
    let schema: RegistrationSchema
    let units: [GuongKit.Unit]
    let theme: Theme

    init() {
        let content = try! SiteLoader(root: basicSite).load()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("guong-fuzz-\(getpid())/content/profiles", isDirectory: true)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = ContentFile(url: folder.appendingPathComponent("f.md"), displayPath: "f.md")
        schema = content.schema!
        config = content.config!
        units = content.units
        parser = ProfileParser(schema: schema, units: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) }),
                               contentRoot: folder.deletingLastPathComponent())
        theme = try! Theme.load(siteRoot: basicSite)
    }
}

nonisolated(unsafe) let harness = Harness()

func fuzzCheckFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    try! Data(bytes).write(to: harness.file.url)
    let (profile, diagnostics) = harness.parser.parse(harness.file)
    for diagnostic in diagnostics {
        fuzzCheck(!diagnostic.message.isEmpty && diagnostic.location.path == "f.md", "diagnostic \(diagnostic)")
        let line = CheckReport.line(diagnostic)
        fuzzCheck(!line.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\u{202E}" }, "control character in \(line)")
    }
    guard let profile else { return 0 }
    let model = SiteModel(config: harness.config, schema: harness.schema, units: harness.units, pages: [],
                          profiles: [profile], includeDrafts: true)
    let renderer = SiteRenderer(model: model, theme: harness.theme)
    let page = String(decoding: renderer.profilePage(0), as: UTF8.self)
    // The share bar's own script (assets/share.js) is the one script a profile page carries.
    let scripts = Set(page.components(separatedBy: "<script src=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
        .filter { $0.hasSuffix("assets/share.js") })
    if let problem = HTMLAudit.problem(in: page, allowedScripts: scripts) { fuzzCheck(false, "profile page has \(problem)") }
    let home = String(decoding: renderer.homePage(), as: UTF8.self)
    if let problem = HTMLAudit.problem(in: home, allowedScripts: scripts) { fuzzCheck(false, "home page has \(problem)") }
    let json = Data(renderer.dataJSON())
    struct Exemplars: Decodable {
        struct Exemplar: Decodable { var name: String }
        var exemplars: [Exemplar]
    }
    let decoded = try? JSONDecoder().decode(Exemplars.self, from: json)
    fuzzCheck(decoded?.exemplars.first?.name == profile.name, "JSON does not give the name back")
    let feed = renderer.feed()
    // XML 1.0 allows tab, LF and CR of the C0 controls, and nothing else of them.
    fuzzCheck(!feed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }, "control character in the feed")
    for tag in feed.split(separator: "<").dropFirst().map({ $0.prefix { $0 != " " && $0 != ">" && $0 != "/" } }) {
        let known: Set<Substring> = ["?xml", "feed", "title", "subtitle", "link", "id", "updated", "author", "name", "entry", "summary", ""]
        fuzzCheck(known.contains(tag), "feed has a <\(tag)> element")
    }
    return 0
}

runFuzzer { fuzzCheckFile($0, $1) }
