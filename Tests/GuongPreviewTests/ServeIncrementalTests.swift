import Foundation
@testable import GuongKit
import Testing
@testable import GuongRender
@testable import GuongPreview
import GuongTestSupport

/// The preview server's incremental rebuild: after any change, the pages it holds are byte for byte
/// those a fresh full render of the same files gives, and it rendered only the pages the change touched.
@Suite struct ServeIncrementalTests {
    /// A `PreviewSite` with the files it published, as the server's store holds them.
    final class Preview {
        let site: PreviewSite
        private let files = Files()
        private(set) var lastWritten = 0

        init(root: URL, drafts: Bool = false, script: String = LiveScript.tag) throws {
            site = try PreviewSite(options: .init(siteRoot: root, includeDrafts: drafts, extraBodyHTML: script))
        }

        @discardableResult
        func rebuild() -> PreviewSite.Outcome {
            let files = self.files
            let outcome = site.rebuild(publish: { files.put($0) }, remove: { files.remove($0) })
            if case .built(let written, _, _, _) = outcome { lastWritten = written.count }
            return outcome
        }

        func change(_ paths: [URL]) -> PreviewSite.Outcome {
            site.update(changed: Set(paths.map(\.path)))
            return rebuild()
        }

        var output: [String: Data] { files.all }
    }

    final class Files: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: Data] = [:]
        func put(_ file: OutputFile) { lock.withLock { files[file.path] = Data(file.contents) } }
        func remove(_ paths: [String]) { lock.withLock { for path in paths { files[path] = nil } } }
        var all: [String: Data] { lock.withLock { files } }
    }

    /// What a new preview of the same files renders.
    func fresh(_ site: ScratchSite, drafts: Bool = false) throws -> [String: Data] {
        let preview = try Preview(root: site.root, drafts: drafts)
        guard case .built = preview.rebuild() else { throw TestFailure("the site does not build") }
        return preview.output
    }

    func expectSame(_ preview: Preview, _ site: ScratchSite, drafts: Bool = false,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try fresh(site, drafts: drafts)
        let actual = preview.output
        #expect(Set(actual.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        let differing = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "stale: \(differing)", sourceLocation: sourceLocation)

    }

    /// Every file `guong build` writes, byte for byte, when no script is injected: the preview renders by
    /// jobs, so a file the build writes some other way would be missing here.
    @Test func theFirstBuildIsWhatGuongBuildWrites() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root, script: "")
        preview.rebuild()
        let content = try SiteLoader(root: site.root).load()
        let model = SiteModel(config: content.config!, schema: content.schema!, units: content.units, pages: content.pages,
                              profiles: content.profiles, includeDrafts: false)
        let built = Files()
        try SiteRenderer(model: model, theme: try Theme.load(siteRoot: site.root)).render { built.put($0) }
        #expect(Set(preview.output.keys) == Set(built.all.keys))
        #expect(preview.output == built.all)
    }

    @Test func editsRenderOnlyWhatTheyTouchAndMatchAFullRender() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        guard case .built(let all, _, _, _) = preview.rebuild() else { throw TestFailure("no first build") }
        let total = all.count
        #expect(total == preview.output.count)

        // The lead of one profile: its page, its listings, home/feed/data — not the whole site.
        let lan = site.url("content/profiles/le-thi-lan.md")
        try site.write("content/profiles/le-thi-lan.md", try site.read("content/profiles/le-thi-lan.md")
            .replacingOccurrences(of: "Chị Lan số hóa", with: "Chị Lan đã số hóa"))
        guard case .built(let written, let removed, _, _) = preview.change([lan]) else { throw TestFailure("edit failed") }
        #expect(written.count > 0 && written.count < total / 2)
        #expect(written.contains("dien-hinh/le-thi-lan/index.html"))
        #expect(!written.contains("dien-hinh/nguyen-thi-minh-thu/index.html"))
        #expect(removed.isEmpty)
        try expectSame(preview, site)

        // Nothing changed: nothing rendered.
        guard case .built(let none, _, _, _) = preview.change([lan]) else { throw TestFailure("no-op failed") }
        #expect(none.isEmpty)

        // A new name moves the page and re-sorts the listings.
        try site.write("content/profiles/le-thi-lan.md", try site.read("content/profiles/le-thi-lan.md")
            .replacingOccurrences(of: "name: Lê Thị Lan", with: "name: Âu Thị Lan"))
        guard case .built(_, let gone, _, _) = preview.change([lan]) else { throw TestFailure("rename failed") }
        #expect(gone == ["dien-hinh/le-thi-lan/index.html"])
        try expectSame(preview, site)

        // Another year and field: it leaves some listings and joins others.
        try site.write("content/profiles/le-thi-lan.md", try site.read("content/profiles/le-thi-lan.md")
            .replacingOccurrences(of: "year: 2024", with: "year: [2022, 2023]")
            .replacingOccurrences(of: "fields: [\"Cải cách hành chính\"]", with: "fields: [a]"))
        _ = preview.change([lan])
        try expectSame(preview, site)

        // Another unit.
        try site.write("content/profiles/le-thi-lan.md", try site.read("content/profiles/le-thi-lan.md")
            .replacingOccurrences(of: "unit: th-nhi-binh", with: "unit: thcs-dong-thanh"))
        _ = preview.change([lan])
        try expectSame(preview, site)
    }

    @Test func anEditorsTemporaryFileChangesNothing() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        try site.write("content/profiles/4913", "")
        try site.write("content/profiles/le-thi-lan.md~", "")
        guard case .built(let written, let removed, _, _) = preview.change([site.url("content/profiles/4913"),
                                                                           site.url("content/profiles/le-thi-lan.md~")])
        else { throw TestFailure("no-op failed") }
        #expect(written.isEmpty && removed.isEmpty)
    }

    @Test func addedRemovedAndDraftProfilesMatchAFullRender() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()

        let added = "content/profiles/2023/pham-van-tu.md"
        try site.write(added, """
        ---
        kind: individual
        name: Phạm Văn Tư
        position: Giáo viên Toán
        unit: th-nhi-binh
        fields: [a]
        year: 2023
        ---

        Thầy Tư dạy Toán.

        ## Thành tích nổi bật

        - Giáo viên dạy giỏi cấp huyện.
        """)
        _ = preview.change([site.url(added)])
        try expectSame(preview, site)
        #expect(preview.output["dien-hinh/pham-van-tu/index.html"] != nil)

        // A draft becomes public.
        let draft = site.url("content/profiles/mam-non-hoa-hong.md")
        try site.write("content/profiles/mam-non-hoa-hong.md", try site.read("content/profiles/mam-non-hoa-hong.md")
            .replacingOccurrences(of: "draft: true", with: "draft: false"))
        _ = preview.change([draft])
        try expectSame(preview, site)

        try FileManager.default.removeItem(at: site.url(added))
        _ = preview.change([site.url(added)])
        try expectSame(preview, site)
        #expect(preview.output["dien-hinh/pham-van-tu/index.html"] == nil)
    }

    @Test func aBrokenFileKeepsTheLastGoodBuildAndAFixRendersOnlyTheChange() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        let before = preview.output
        let path = "content/profiles/tran-van-hiep.md"
        let good = try site.read(path)
        try site.write(path, good.replacingOccurrences(of: "linh vuc: [dd]", with: "linh vuc: [zz]"))
        guard case .failed(let problems) = preview.change([site.url(path)]) else { throw TestFailure("expected a failure") }
        #expect(problems.contains { $0.code == .fieldUnknown && $0.location.path == path && $0.location.line == 6 })
        #expect(preview.output == before)
        #expect(preview.site.problems == problems)

        try site.write(path, good)
        guard case .built(let written, _, _, _) = preview.change([site.url(path)]) else { throw TestFailure("fix failed") }
        #expect(written.isEmpty)
        #expect(preview.output == before)
    }

    @Test func aTemplateChangeRendersThePagesThatUseIt() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        let template = "theme/templates/profile.mustache"
        try site.write(template, String(decoding: DefaultTheme.files["templates/profile.mustache"]!, as: UTF8.self).replacingOccurrences(of: "<article class=\"profile\">", with: "<article class=\"profile ho-so\">"))
        guard case .built(let written, _, let profiles, _) = preview.change([site.url(template)]) else { throw TestFailure("template") }
        #expect(written.count == profiles)
        try expectSame(preview, site)
        #expect(String(decoding: preview.output["dien-hinh/le-thi-lan/index.html"]!, as: UTF8.self).contains("profile ho-so"))

        // A partial: every page that includes it.
        let card = "theme/templates/card.mustache"
        try site.write(card, String(decoding: DefaultTheme.files["templates/card.mustache"]!, as: UTF8.self) + "<!-- the -->\n")
        _ = preview.change([site.url(card)])
        try expectSame(preview, site)

        // A broken template keeps the last good build.
        try site.write(template, "{{#unclosed}}")
        guard case .failed(let problems) = preview.change([site.url(template)]) else { throw TestFailure("broken template") }
        #expect(problems.contains { $0.code == .themeInvalid })
    }

    @Test func aSiteWhoseSchemaStartsBrokenIsReadWhole() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let good = try site.read("content/registration.yaml")
        try site.write("content/registration.yaml", "phase: [\n")
        let preview = try Preview(root: site.root)
        guard case .failed = preview.rebuild() else { throw TestFailure("a broken schema built") }
        try site.write("content/registration.yaml", good)
        guard case .built(_, _, let profiles, _) = preview.change([site.url("content/registration.yaml")]) else {
            throw TestFailure("the fixed schema did not build")
        }
        #expect(profiles == 4)
        try expectSame(preview, site)
    }

    @Test func settingsAndPhotosMatchAFullRender() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let preview = try Preview(root: site.root)
        preview.rebuild()
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "page_size: 2", with: "page_size: 1")
            .replacingOccurrences(of: "bộ thử", with: "bộ thử mới"))
        _ = preview.change([site.url("content/site.yaml")])
        try expectSame(preview, site)

        try site.write("content/profiles/thu.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        guard case .built(let written, let removed, _, _) = preview.change([site.url("content/profiles/thu.svg")]) else { throw TestFailure("photo") }
        // The drawing lost its size (librsvg cannot measure it), so the cards that show it change too.
        #expect(written.contains("dien-hinh/nguyen-thi-minh-thu/anh.svg"))
        #expect(removed == ["dien-hinh/nguyen-thi-minh-thu/anh-chia-se.jpg"], "nothing to rasterise, no share image")
        try expectSame(preview, site)

        try FileManager.default.removeItem(at: site.url("content/profiles/thu.svg"))
        guard case .failed(let problems) = preview.change([site.url("content/profiles/thu.svg")]) else { throw TestFailure("no photo") }
        #expect(problems.contains { $0.code == .photoMissing })
    }
}

/// The portable watcher, on its own.
@Suite struct PollingWatcherTests {
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [FileChanges] = []
        func add(_ changes: FileChanges) { lock.withLock { batches.append(changes) } }
        var paths: Set<String> { lock.withLock { batches.reduce(into: []) { $0.formUnion($1.paths) } } }
        var rescan: Bool { lock.withLock { batches.contains { $0.rescan } } }
    }

    @Test func itSeesFilesChangeComeAndGo() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let seen = Seen()
        let watcher = PollingWatcher(siteRoot: site.root, queue: DispatchQueue(label: "test"), interval: .milliseconds(30)) { seen.add($0) }
        try watcher.start()
        defer { watcher.stop() }
        // Modification times may be coarse: the size changes too.
        try site.write("content/profiles/le-thi-lan.md", try site.read("content/profiles/le-thi-lan.md") + "\n")
        #expect(eventually(timeout: 5) { seen.paths.contains(site.url("content/profiles/le-thi-lan.md").standardizedFileURL.path) })
        try site.write("theme/templates/card.mustache", "x")
        #expect(eventually(timeout: 5) { seen.paths.contains(site.url("theme/templates/card.mustache").standardizedFileURL.path) })
        #expect(seen.rescan)  // theme/ and templates/ came
        try FileManager.default.removeItem(at: site.url("content/profiles/tran-van-hiep.md"))
        #expect(eventually(timeout: 5) { seen.paths.contains(site.url("content/profiles/tran-van-hiep.md").standardizedFileURL.path) })
    }
}
