import Foundation
import GuongKit
import GuongRender

/// The site as the preview serves it. Every change runs the build's own pipeline again
/// (`SiteBuilder.prepare`: the site loaded — unchanged files' parses kept — and checked, the theme, the model)
/// and renders every file whose fingerprint differs from the one served: nothing here knows what a page
/// reads. A profile just edited has its page rendered first, from the last good build with that profile
/// replaced, so the edit shows in tens of milliseconds; the full pass then renders it again if anything
/// else it shows moved. Not thread-safe: one owner (`PreviewController`).
final class PreviewSite {
    struct Options: Sendable {
        var siteRoot: URL
        var displayRoot = ""
        var includeDrafts = false
        /// Injected before `</body>` of every page: the live-reload script.
        var extraBodyHTML = ""
    }

    /// What a rebuild did.
    enum Outcome {
        /// The site was rendered: the output paths `written` and `removed`; `warnings` of the whole site.
        case built(written: [String], removed: [String], profileCount: Int, warnings: [Diagnostic])
        /// The inputs have errors: nothing was rendered, the last good site stays. Every problem, sorted.
        case failed([Diagnostic])
    }

    let options: Options
    let loader: SiteLoader
    /// What each served file was made from, by output path.
    private(set) var served: [String: Fingerprint] = [:]
    /// The last good build, for an edited profile's page ahead of the full pass.
    private var last: SiteRenderer?
    /// Profile files changed since the last rebuild, by absolute path.
    private var edited: Set<String> = []
    /// Set when the last rebuild failed.
    private(set) var problems: [Diagnostic] = []

    init(options: Options) throws(SiteError) {
        self.options = options
        var loader = SiteLoader(root: options.siteRoot, displayRoot: options.displayRoot)
        loader.draftsAreWarnings = !options.includeDrafts
        loader.profileCache = ProfileCache()
        self.loader = loader
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: loader.contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notASite(path: options.displayRoot.isEmpty ? "." : options.displayRoot)
        }
    }

    /// The base URL's path the site is served under (`/dien-hinh/`); `/` while `site.yaml` cannot be read.
    var basePath: String {
        if let last { return BaseURL.path(of: last.context.model.config.baseURL) }
        let config = loader.loadSettings().config
        return config.map { BaseURL.path(of: $0.baseURL) } ?? "/"
    }

    /// Takes in changed paths (files or folders, existing or gone): profile files among them are rendered
    /// first by the next rebuild. Everything else is found by the rebuild itself.
    func update(changed paths: Set<String>) {
        let profiles = loader.contentRoot.appendingPathComponent("profiles").standardizedFileURL.path + "/"
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            if url.path.hasPrefix(profiles), SiteLoader.isMarkdownName(url.lastPathComponent) { edited.insert(url.path) }
        }
    }

    /// Loads and checks the whole site; if it passes, hands `publish` every file whose fingerprint changed
    /// since the last good build (from any thread) and `remove` the paths the site no longer has. The pages
    /// of profiles just edited come first, and `firstWave` is told their paths once they are out. With errors,
    /// nothing is rendered and the last good build stays.
    func rebuild(publish: @Sendable (OutputFile) -> Void, remove: ([String]) -> Void,
                 firstWave: ([String]) -> Void = { _ in }) -> Outcome {
        var early: [String] = []
        if let last {
            early = renderEdited(from: last, publish: publish)
            if !early.isEmpty { firstWave(early) }
        }
        edited = []
        let site: SiteBuilder.PreparedSite
        do {
            site = try SiteBuilder.prepare(loader: loader, baseURL: nil, includeDrafts: options.includeDrafts)
        } catch {
            problems = Self.problems(of: error)
            return .failed(problems)
        }
        let renderer = SiteRenderer(model: site.model, theme: site.theme, extraBodyHTML: options.extraBodyHTML)
        let previous = served
        let ledger = OutputLedger()
        do {
            try renderer.render(previous: { previous[$0] }, write: { file in
                let changed = !file.isUnchanged && previous[file.path] != file.fingerprint
                if changed { publish(file) }
                ledger.record(file.path, changed ? .changed : .unchanged, fingerprint: file.fingerprint)
                return true
            })
        } catch {
            // A file that could not be read (a photo removed meanwhile) is not served; the change that
            // removed it brings the next rebuild, which reports it.
        }
        let changes = ledger.changes(previousFiles: Array(previous.keys))
        if !changes.removed.isEmpty { remove(changes.removed) }
        served = ledger.fingerprints
        last = renderer
        problems = []
        return .built(written: early + changes.changed.filter { !early.contains($0) }, removed: changes.removed,
                      profileCount: site.model.profiles.count, warnings: site.diagnostics)
    }

    /// Renders the page of each edited profile that keeps its address and draft state from `last` with the
    /// profile replaced, if it changed; their paths. The full pass that follows corrects what the last
    /// build's indexes made stale (a new unit's colleagues, say).
    private func renderEdited(from last: SiteRenderer, publish: @Sendable (OutputFile) -> Void) -> [String] {
        let base = last.context
        var paths: [String] = []
        for path in edited.sorted() {
            let url = URL(fileURLWithPath: path)
            let sourcePath = loader.displayRoot + String(path.dropFirst(loader.root.path.count + 1))
            guard let index = base.model.profiles.firstIndex(where: { $0.sourcePath == sourcePath }),
                  let content = try? loader.load(only: [url], alone: true), !content.diagnostics.hasErrors,
                  var profile = content.profiles.first else { continue }
            let old = base.model.profiles[index]
            // Another address could be another profile's until the site's rules have run; a draft may not be shown.
            guard profile.slug == old.slug, profile.draft == old.draft else { continue }
            profile.sourcePath = old.sourcePath
            var model = base.model
            model.profiles[index] = profile
            var cards = base.cards
            cards[index] = Card(profile: profile, model: model, parts: base.cardParts, fieldsByCode: base.fieldsByCode)
            let context = RenderContext(reusing: base, model: model, theme: base.theme, cards: cards)
            let renderer = SiteRenderer(context: context, listings: last.listings, searchIndex: .none)
            let job = PageJob.profile(index)
            guard let file = try? renderer.render(job, unlessFingerprint: served[renderer.filePath(of: job)]) else { continue }
            if !file.isUnchanged {
                publish(file)
                paths.append(file.path)
            }
            served[file.path] = file.fingerprint
        }
        return paths
    }

    /// Every problem behind a failed preparation, sorted.
    private static func problems(of failure: SiteBuilder.Failure) -> [Diagnostic] {
        switch failure {
        case .content(let diagnostics, _, _): diagnostics.sorted()
        case .theme(let diagnostic): [diagnostic]
        case .site: [Diagnostic.fileUnreadable(SourceLocation(path: "content/"), "không còn thư mục content/")]
        case .output, .invalidBaseURL: []
        }
    }
}
