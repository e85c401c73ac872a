import Foundation
import GuongKit
import Synchronization

/// The whole of `guong build`: check the content, render the site, publish it atomically.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var siteRoot: URL
        public var displayRoot: String = ""
        /// Defaults to `public/` inside the site.
        public var output: URL?
        /// Overrides `base_url` from site.yaml.
        public var baseURL: String?
        public var includeDrafts = false

        public init(siteRoot: URL) {
            self.siteRoot = siteRoot
        }
    }

    /// What a successful build did.
    public struct Report: Sendable {
        public var output: URL
        public var pageCount: Int
        public var fileCount: Int
        /// Pages whose fingerprint was the previous build's, carried over without being rendered.
        public var pagesNotRendered: Int
        public var profileCount: Int
        /// What changed in the output folder against the previous build.
        public var changes: OutputChanges
        /// Warnings found on the way (errors stop the build).
        public var diagnostics: [Diagnostic]
        /// The drafts read and left out of the site (see `CheckReport.drafts`); empty with `--drafts`.
        public var drafts: [String]
        /// The site's model and renderer, kept alive with the report: a process that ends after the build
        /// can exit with them instead of freeing their objects one by one (docs/performance.md).
        let site: BuiltSite
    }

    /// What a build made in memory.
    final class BuiltSite: Sendable {
        let model: SiteModel
        let renderer: SiteRenderer
        init(model: SiteModel, renderer: SiteRenderer) {
            self.model = model
            self.renderer = renderer
        }
    }

    /// Why a build stopped; the previous output is untouched in every case.
    public enum Failure: Error, Sendable {
        case site(SiteError)
        /// The content has errors (all of them, warnings included).
        case content([Diagnostic], profileCount: Int, drafts: [String])
        case theme(Diagnostic)
        case output(OutputFolder.Problem)
        case invalidBaseURL(String)
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    public func build() throws(Failure) -> Report {
        if let report = try buildOnce() { return report }
        // The spare tree held a link (`OutputFolder.removeStale`): this attempt was discarded with it, and the
        // next starts from an empty staging folder, which has none.
        guard let report = try buildOnce() else {
            throw .output(.io(path: outputURL.path, reason: SystemErrorText.vietnamese(CocoaError(.fileWriteUnknown))))
        }
        return report
    }

    /// Where the site is written: `--output`, or `public/` in the site.
    private var outputURL: URL { options.output ?? options.siteRoot.appendingPathComponent("public", isDirectory: true) }

    /// One build; nil when the staging folder, made from the spare tree, turned out to hold a link a path
    /// went through (the attempt is then discarded, spare tree and all).
    private func buildOnce() throws(Failure) -> Report? {
        var loader = SiteLoader(root: options.siteRoot, displayRoot: options.displayRoot)
        loader.draftsAreWarnings = !options.includeDrafts
        loader.keepsParseCache = true
        loader.waitsForParseCacheSave = false
        let outputURL = self.outputURL
        let (options, includeDrafts, loaderSet) = (options, options.includeDrafts, loader)
        // The previous output is read (its folder checked, the last build's fingerprints, its files) while the
        // site loads; its problems are reported after the site's, as when one came after the other.
        let (prepared, previous) = concurrently({ () -> Result<PreparedSite, Failure> in
            PhaseTimings.measure("prepare") {
                Result { () throws(Failure) in try Self.prepare(loader: loaderSet, baseURL: options.baseURL, includeDrafts: includeDrafts) }
            }
        }, { () -> Result<PreviousOutput, OutputFolder.Problem> in
            PhaseTimings.measure("previous output") { Result { () throws(OutputFolder.Problem) in try PreviousOutput(target: outputURL, siteRoot: options.siteRoot) } }
        })
        let site = try prepared.get()
        let (model, theme, diagnostics, content) = (site.model, site.theme, site.diagnostics, site.content)
        // The parse cache's save runs beside the first of the rendering, on a core the loading left idle; it is
        // waited for before the output is swapped in, and on any way out (a second wait returns at once).
        defer { _ = content.parseCacheSaving?.value }
        let folder: OutputFolder, manifest: BuildManifest, manifestURL: URL, previousFiles: [String]
        do throws(OutputFolder.Problem) {
            (folder, manifest, manifestURL, previousFiles) = try previous.map { ($0.folder, $0.manifest, $0.manifestURL, $0.files) }.get()
            try PhaseTimings.measure("output folder") { () throws(OutputFolder.Problem) in try folder.prepare() }
        } catch {
            throw .output(error)
        }
        let renderer = PhaseTimings.measure("renderer") { SiteRenderer(model: model, theme: theme, searchCacheOf: options.siteRoot) }
        let ledger = OutputLedger(expectedFiles: previousFiles.count)
        let changes: OutputChanges
        let target = folder.target
        do {
            try PhaseTimings.measure("render and write") { () throws in try renderer.render(link: { photo in try folder.publish(photo) { ledger.record($0, $1) } },
                                previous: { manifest.fingerprint(of: $0, in: target) }, write: { file in
                // A file carried over by its fingerprint is the one the manifest stamped (checked before it
                // was given), and a hard link keeps inode, size and time: the stamp is the manifest's.
                if file.isUnchanged {
                    guard folder.keepPrevious(file.path) else { return false }
                    ledger.record(file.path, .unchanged, fingerprint: file.fingerprint, stamp: manifest.entries[file.path]?.stamp,
                                  rendered: false)
                    return true
                }
                // A file made whole (the data, the index) whose bytes' fingerprint is the last build's, in the
                // file that build wrote: kept without reading it back to compare.
                if manifest.fingerprint(of: file.path, in: target) == file.fingerprint, folder.keepPrevious(file.path) {
                    ledger.record(file.path, .unchanged, fingerprint: file.fingerprint, stamp: manifest.entries[file.path]?.stamp)
                    return true
                }
                let written = try folder.writeStamped(file)
                ledger.record(file.path, written.change, fingerprint: file.fingerprint, stamp: written.stamp)
                return true
            }) }
            PhaseTimings.measure("parse cache saved") { _ = content.parseCacheSaving?.value }
            let spareHeld = PhaseTimings.measure("stale files") { folder.removeStale(keeping: ledger.paths) }
            // A link in the spare tree (planted: guong writes none) may have stood where a folder belongs, and
            // a file said kept been the live one seen through it: this staging folder is not trusted.
            guard spareHeld.withoutLinks, !folder.stagingRoot.metLink else {
                folder.discard()
                return nil
            }
            // The manifest is written (a stat of every file whose stamp is not known yet) while the old tree is
            // deleted, and the changes are listed beside both (the previous files not written again).
            let recorded = ledger.recorded
            let (committed, listed) = concurrently({
                PhaseTimings.measure("swap and remove old") {
                    Result { () throws(OutputFolder.Problem) in
                        try folder.commit(alongside: {
                            PhaseTimings.measure("manifest save") {
                                BuildManifest.save(BuildManifest.lines(of: recorded, in: target), to: manifestURL)
                            }
                        })
                    }
                }
            }, { PhaseTimings.measure("changes") { ledger.changes(previousFiles: previousFiles) } })
            try committed.get()
            changes = listed
        } catch {
            folder.discard()
            throw .output(error as? OutputFolder.Problem ?? .io(path: folder.staging.path, reason: SystemErrorText.vietnamese(error)))
        }
        return Report(output: folder.target, pageCount: ledger.pages, fileCount: ledger.files, pagesNotRendered: ledger.notRendered,
                      profileCount: model.profiles.count, changes: changes, diagnostics: diagnostics,
                      drafts: options.includeDrafts ? [] : content.draftPaths, site: BuiltSite(model: model, renderer: renderer))
    }

    /// The output folder checked, and what a build reads of the previous output before writing: the
    /// fingerprints the last build left (pages whose fingerprint is the one left for a file still there are
    /// not rendered) and its files (those not written again are reported removed).
    struct PreviousOutput: Sendable {
        let folder: OutputFolder
        let manifestURL: URL
        let manifest: BuildManifest
        let files: [String]

        init(target: URL, siteRoot: URL) throws(OutputFolder.Problem) {
            var folder = try OutputFolder(target: target, siteRoot: siteRoot)
            folder.recoverInterrupted()
            manifestURL = BuildManifest.location(siteRoot: siteRoot, target: folder.target)
            manifest = folder.hasPrevious ? BuildManifest.load(manifestURL) : BuildManifest()
            files = folder.readPreviousFiles()
            self.folder = folder
        }
    }

    /// A site ready to render: what `guong build` and the preview both render from.
    package struct PreparedSite: Sendable {
        package var model: SiteModel
        package var theme: Theme
        /// Warnings (errors stop before this).
        package var diagnostics: [Diagnostic]
        package var content: SiteContent
    }

    /// The part of a build before rendering, shared with the preview: the site loaded and checked with
    /// `loader`, the base URL overridden if asked, the theme loaded, the model made.
    package static func prepare(loader: SiteLoader, baseURL: String?, includeDrafts: Bool) throws(Failure) -> PreparedSite {
        let content: SiteContent
        do {
            content = try PhaseTimings.measure("load") { () throws(SiteError) in try loader.load() }
        } catch {
            throw .site(error)
        }
        // The parse cache is saved meanwhile (`SiteLoader.waitsForParseCacheSave`): waited for here if the site
        // is refused, else by the caller (`content.parseCacheSaving`), who renders meanwhile.
        var handedOver = false
        defer { if !handedOver { PhaseTimings.measure("parse cache saved") { _ = content.parseCacheSaving?.value } } }
        guard !content.diagnostics.hasErrors, var config = content.config, let schema = content.schema else {
            throw .content(content.diagnostics, profileCount: content.profileFileCount, drafts: includeDrafts ? [] : content.draftPaths)
        }
        var diagnostics = content.diagnostics
        if let baseURL {
            switch BaseURL.normalise(baseURL) {
            case .success(let url):
                config.baseURL = url
                // The warning is about the address this build uses, not the one site.yaml names.
                diagnostics.removeAll { $0.code == .baseURLRelative }
                if BaseURL.isRootRelative(url) { diagnostics.append(.baseURLRelative(SourceLocation(path: "--base-url"), baseURL: url)) }
            case .failure(let problem): throw .invalidBaseURL(problem.reason)
            }
        }
        let theme: Theme
        do {
            theme = try PhaseTimings.measure("theme") { () throws(Theme.Problem) in try Theme.load(siteRoot: loader.root, displayRoot: loader.displayRoot) }
        } catch {
            throw .theme(error.diagnostic)
        }
        let model = PhaseTimings.measure("model") { SiteModel(config: config, schema: schema, units: content.units, pages: content.pages,
                              profiles: content.profiles, includeDrafts: includeDrafts) }
        handedOver = true
        return PreparedSite(model: model, theme: theme, diagnostics: diagnostics, content: content)
    }
}
