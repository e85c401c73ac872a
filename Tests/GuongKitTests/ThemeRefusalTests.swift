import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// A site theme using what the template engine does not have is refused when loaded, at the tag.
@Suite("Themes the engine cannot render are refused")
struct ThemeRefusalTests {
    @Test func theProblemIsReportedAtTheTemplatesLineAndColumn() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let card = site.appendingPathComponent("theme/templates/card.mustache")
        try FileManager.default.createDirectory(at: card.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<li>\n  Đ {{#items}}{{#first()}}đầu{{/first()}}{{/items}}</li>\n".utf8).write(to: card)
        #expect {
            try Theme.load(siteRoot: site, displayRoot: "site")
        } throws: { error in
            let diagnostic = (error as! Theme.Problem).diagnostic
            return diagnostic.code == .themeInvalid && diagnostic.location == SourceLocation(path: "site/theme/templates/card.mustache", line: 2, column: 15)
                && diagnostic.message.contains("first()")
        }
    }

    @Test("guong build refuses the theme and writes nothing")
    func buildRefuses() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let layout = site.appendingPathComponent("theme/templates/layout.mustache")
        try FileManager.default.createDirectory(at: layout.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<html>\n{{=<% %>=}}\n<% content %>\n".utf8).write(to: layout)
        let output = temp.appendingPathComponent("public")
        let run = try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("site/theme/templates/layout.mustache:2:1"), "\(run.stderr)")
        #expect(run.stderr.contains("theme.invalid"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
