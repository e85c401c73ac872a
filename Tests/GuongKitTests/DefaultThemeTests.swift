import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// The theme compiled into the binary is `theme/`, and a site's own theme overrides it file by file.
@Suite("Default theme")
struct DefaultThemeTests {
    @Test("the compiled-in theme equals theme/ on disk, file by file, binary files included")
    func embeddedMatchesDisk() throws {
        let themeFolder = SiteBuildFixture.packageRoot.appendingPathComponent("theme", isDirectory: true)
        let onDisk = try SiteBuildFixture.tree(themeFolder).filter { !($0.key as NSString).lastPathComponent.hasPrefix(".") }
        #expect(onDisk.count > 10)
        #expect(Set(DefaultTheme.files.keys) == Set(onDisk.keys), "files differ: EmbedThemePlugin should embed every file below theme/")
        for (path, data) in onDisk.sorted(by: { $0.key < $1.key }) {
            let embedded = DefaultTheme.files[path]
            #expect(embedded == data, "\(path) differs from its compiled-in copy")
        }
    }

    @Test("every template the renderer uses is in the default theme")
    func templatesPresent() throws {
        let names = ["layout", "home", "profile", "field", "fields", "year", "years", "kind", "unit", "units",
                     "registration", "search", "page", "not-found", "card", "groups", "pagination", "quota", "registration-table"]
        for name in names {
            #expect(DefaultTheme.files["templates/\(name).mustache"] != nil, "no templates/\(name).mustache")
        }
        #expect(DefaultTheme.files["strings.yaml"] != nil)
        #expect(DefaultTheme.files["assets/style.css"] != nil)
    }

    @Test("a site's theme file wins over the default one, and the rest still comes from the default")
    func siteOverrides() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let templates = site.appendingPathComponent("theme/templates", isDirectory: true)
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<h1>{{t.not_found_title}}</h1><p>Trang riêng của phòng.</p>\n".utf8)
            .write(to: templates.appendingPathComponent("not-found.mustache"))
        try Data("not_found_title: Ôi, lạc đường rồi\n".utf8).write(to: site.appendingPathComponent("theme/strings.yaml"))

        let theme = try Theme.load(siteRoot: site)
        #expect(theme.strings["not_found_title"] == "Ôi, lạc đường rồi")
        #expect(theme.strings["home"] == "Trang chủ", "a key the site's strings.yaml leaves out keeps its default")
        #expect(theme.assets["style.css"] == DefaultTheme.files["assets/style.css"])

        let output = temp.appendingPathComponent("public")
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let notFound = try String(contentsOf: output.appendingPathComponent("404.html"), encoding: .utf8)
        #expect(notFound.contains("<h1>Ôi, lạc đường rồi</h1><p>Trang riêng của phòng.</p>"))
        #expect(notFound.contains("<html lang=\"vi\">"))
    }
}
