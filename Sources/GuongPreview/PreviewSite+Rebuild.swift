import Foundation
import GuongKit
import GuongRender
import Synchronization

extension PreviewSite {
    /// Checks the current inputs; if they pass, renders every file whose signature changed since the last
    /// good build and hands each to `publish` as soon as it is ready (from any thread). The pages of the
    /// profiles just edited come first, and `firstWave` is told their paths once they are out, before the
    /// rest is rendered. Files the site no longer has go to `remove`. With errors, nothing is rendered and
    /// the last good build stays.
    func rebuild(publish: @Sendable (OutputFile) -> Void, remove: ([String]) -> Void,
                 firstWave: ([String]) -> Void = { _ in }) -> Outcome {
        if !beyondEdits, editedSinceBuild.isEmpty, let last {
            // Nothing that the site reads has changed (a photo no profile names, say).
            return .built(written: [], removed: [], profileCount: last.renderer.context.model.profiles.count, warnings: last.warnings)
        }
        // Edits that keep every profile in place: the last model with them patched in.
        if !beyondEdits, var patched = patchedBuild(keeping: Placement.init) {
            let early = renderEditedPages(of: &patched, publish: publish)
            if !early.isEmpty { firstWave(early) }
            return render(patched, early: early, publish: publish, remove: remove)
        }
        // Edits that move a profile between listings but keep it the exemplar it is, where it is, cannot fail
        // the site's rules, and its page reads only its unit's order: it goes out from the patched last model.
        var early: [String] = []
        if !beyondEdits, var provisional = patchedBuild(keeping: Identity.init) {
            early = renderEditedPages(of: &provisional, publish: publish)
            if !early.isEmpty { firstWave(early) }
        }
        switch fullBuild() {
        case .success(var build):
            if early.isEmpty, let last {
                // The edited pages from the new model, before its listings are made.
                early = renderEditedPages(of: &build, listings: last.renderer.listings, publish: publish)
                if !early.isEmpty { firstWave(early) }
            }
            if build.listings == nil { build.listings = SiteRenderer.listings(of: build.context.model, theme: build.context.theme) }
            return render(build, early: early, publish: publish, remove: remove)
        case .failure(let failure):
            problems = failure.problems
            return .failed(failure.problems)
        }
    }

    /// Renders the edited profiles' own pages, if their signature moved, and takes them off `build.edited`;
    /// their paths. `listings` stands in while `build` has none: a profile page does not read them.
    private func renderEditedPages(of build: inout Build, listings: Listings? = nil, publish: @Sendable (OutputFile) -> Void) -> [String] {
        guard let listings = build.listings ?? listings else { return [] }
        let renderer = SiteRenderer(context: build.context, listings: listings, searchIndex: .none)
        let signer = PageSignatures(renderer: renderer, profiles: build.signatures, site: siteSignatures)
        var paths: [String] = []
        for index in build.edited.sorted() {
            let job = PageJob.profile(index), path = signer.path(of: job), signature = signer.signature(of: job)
            guard built[path] != signature, let file = try? renderer.render(job) else { continue }
            publish(file)
            built[path] = signature
            paths.append(path)
        }
        build.edited = []
        return paths
    }

    /// Renders the jobs of `build` whose signature changed (after the `early` ones, already out).
    private func render(_ build: Build, early: [String], publish: @Sendable (OutputFile) -> Void,
                        remove: ([String]) -> Void) -> Outcome {
        // The search index reads every profile's text, so it is made anew, after the edited pages are out.
        let renderer = SiteRenderer(context: build.context, listings: build.listings!, searchIndex: SearchIndex(model: build.context.model))
        let signer = PageSignatures(renderer: renderer, profiles: build.signatures, site: siteSignatures)
        var next: [String: (job: PageJob, signature: Int)]
        var staleIndexFiles: [String] = []
        if let candidates = build.candidates {
            next = [:]
            let indexJobs = renderer.searchIndex.files.indices.map(PageJob.searchIndex)
            for job in candidates.union(indexJobs) { next[signer.path(of: job)] = (job, signer.signature(of: job)) }
            staleIndexFiles = built.keys.filter { $0.hasPrefix(SearchIndex.directory) && next[$0] == nil }.sorted()
            // Files made from a photo that changed and no longer made (a narrower photo has fewer widths).
            let model = renderer.context.model
            let photoFolders = Set(candidates.compactMap { job -> String? in
                switch job {
                case .photo(let index), .photoFile(let index, _): SitePaths.profile(model.profiles[index].slug)
                case .profile(let index) where model.profiles[index].preparedPhoto == nil: SitePaths.profile(model.profiles[index].slug)
                default: nil
                }
            })
            staleIndexFiles += built.keys.filter { path in
                next[path] == nil && path.hasPrefix("dien-hinh/") && photoFolders.contains(String(path[...(path.lastIndex(of: "/") ?? path.startIndex)]))
            }.sorted()
        } else {
            next = signer.all()
        }
        let jobs = next.filter { built[$0.key] != $0.value.signature }.map { ($0.key, $0.value.job) }
        let failures = FailedPaths()
        jobs.parallelForEach { path, job in
            do {
                publish(try renderer.render(job))
            } catch {
                failures.insert(path)
            }
        }
        var written = early + jobs.map(\.0).filter { !failures.paths.contains($0) && !early.contains($0) }
        var signatures = next.mapValues(\.signature)
        // A file that could not be read (a photo removed meanwhile) is tried again next time.
        for path in failures.paths { signatures[path] = nil }
        var removed: [String] = []
        if build.candidates == nil {
            for (name, data) in renderer.context.theme.assets {
                let path = SitePaths.assets + name
                var hasher = Hasher()
                hasher.combineBytes(of: data)
                signatures[path] = hasher.finalize()
                if built[path] != signatures[path] {
                    publish(OutputFile(path: path, contents: data))
                    written.append(path)
                }
            }
            removed = built.keys.filter { signatures[$0] == nil && next[$0] == nil }.sorted()
            remove(removed)
            built = signatures
        } else {
            for (path, signature) in signatures { built[path] = signature }
            for path in failures.paths { built[path] = nil }
            // Index shards the new index no longer has.
            removed = staleIndexFiles
            if !removed.isEmpty { remove(removed) }
            for path in removed { built[path] = nil }
        }
        last = LastBuild(renderer: renderer, signatures: build.signatures, indexBySource: build.indexBySource,
                         ruleDiagnostics: build.ruleDiagnostics, settingsSignature: settings.signature, warnings: build.warnings)
        recentlyParsed = []
        editedSinceBuild = [:]
        beyondEdits = false
        problems = []
        return .built(written: written, removed: removed, profileCount: renderer.context.model.profiles.count,
                      warnings: build.warnings)
    }

    var siteSignatures: SiteSignatures {
        SiteSignatures(global: globalSignature, theme: themeSignatures, photoVersions: photoVersions)
    }

    /// Inputs every page depends on.
    private var globalSignature: Int {
        var hasher = Hasher()
        hasher.combine(settings.signature)
        hasher.combine(pages.signature)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.extraBodyHTML)
        hasher.combine(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        return hasher.finalize()
    }
}

/// Output paths whose rendering failed, collected from many threads.
private final class FailedPaths: Sendable {
    private let failed = Mutex<Set<String>>([])
    func insert(_ path: String) { failed.withLock { _ = $0.insert(path) } }
    var paths: Set<String> { failed.withLock { $0 } }
}
