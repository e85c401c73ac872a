import Foundation

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
        let outcome: Outcome
        if !beyondEdits, let patched = patchedBuild(keeping: Placement.init) {
            outcome = render(patched, candidates: patched.candidates, publish: publish, remove: remove, firstWave: firstWave)
        } else {
            // Edits that move a profile between listings but keep it the exemplar it is, where it is, cannot
            // fail the site's rules: its own page goes out from the last model before the whole is redone.
            var early: [String] = []
            if !beyondEdits, let provisional = patchedBuild(keeping: Identity.init) {
                early = renderEditedPages(provisional, publish: publish)
                if !early.isEmpty { firstWave(early) }
            }
            switch fullBuild() {
            case .success(let build):
                outcome = render(build, candidates: nil, publish: publish, remove: remove, firstWave: early.isEmpty ? firstWave : { _ in })
                if case .built(let written, let removed, let count, let warnings) = outcome, !early.isEmpty {
                    return .built(written: early + written.filter { !early.contains($0) }, removed: removed, profileCount: count,
                                  warnings: warnings)
                }
            case .failure(let failure): outcome = .failed(failure.problems)
            }
        }
        if case .failed(let problems) = outcome { self.problems = problems }
        return outcome
    }

    /// Renders the edited profiles' own pages of a patched build, if their signature moved; their paths.
    private func renderEditedPages(_ build: Build, publish: @Sendable (OutputFile) -> Void) -> [String] {
        let signer = PageSignatures(renderer: build.renderer, profiles: build.signatures, site: siteSignatures)
        var paths: [String] = []
        for index in build.edited.sorted() {
            let job = PageJob.profile(index), path = signer.path(of: job), signature = signer.signature(of: job)
            guard built[path] != signature, let file = try? build.renderer.render(job) else { continue }
            publish(file)
            built[path] = signature
            paths.append(path)
        }
        return paths
    }

    /// A model ready to render, with what the site's check found.
    struct Build {
        var renderer: SiteRenderer
        var signatures: [Int]
        var indexBySource: [String: Int]
        var ruleDiagnostics: [Diagnostic]
        var warnings: [Diagnostic]
        /// The jobs that may have changed, when known (an edit); nil means every job.
        var candidates: Set<PageJob>?
        /// Profiles whose own pages go first.
        var edited: Set<Int>
    }

    struct Problems: Error {
        var problems: [Diagnostic]
    }

    /// Every input checked together, the model made anew (reusing the cards of profiles that did not change).
    private func fullBuild() -> Result<Build, Problems> {
        let ordered = profiles.values.sorted { $0.file.displayPath < $1.file.displayPath }
        var diagnostics = settings.diagnostics + pages.diagnostics
        for entry in ordered { diagnostics += entry.diagnostics }
        var checked: [Profile] = []
        var ruleDiagnostics: [Diagnostic] = []
        if ordered.count > loader.limits.profiles {
            diagnostics.append(.tooManyProfiles(loader.contentFile("content/profiles").whole, count: ordered.count,
                                                limit: loader.limits.profiles))
        } else if let schema = settings.schema {
            checked = ordered.compactMap(\.profile)
            ruleDiagnostics = SiteRules(schema: schema, units: settings.units).apply(to: &checked)
            diagnostics += ruleDiagnostics
        }
        if case .failure(let problem) = theme { diagnostics.append(problem.diagnostic) }
        diagnostics.sort()
        guard !diagnostics.hasErrors, let config = settings.config, let schema = settings.schema,
              case .success(let theme) = theme else { return .failure(Problems(problems: diagnostics)) }

        let model = SiteModel(config: config, schema: schema, units: settings.units, pages: pages.pages,
                              profiles: checked, includeDrafts: options.includeDrafts)
        let bySource = Dictionary(ordered.map { ($0.file.displayPath, $0.signature) }, uniquingKeysWith: { a, _ in a })
        let signatures = model.profiles.map { Self.combine(bySource[$0.sourcePath] ?? 0, $0.slug) }
        let renderer: SiteRenderer
        if let last, last.settingsSignature == settings.signature {
            // A card depends on its profile and the settings only: unchanged profiles keep theirs.
            let previous = Dictionary(last.signatures.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let base = last.renderer.context
            let cards = model.profiles.indices.map { index in
                previous[signatures[index]].map { base.cards[$0] }
                    ?? Card(profile: model.profiles[index], model: model, links: base.links, fieldsByCode: base.fieldsByCode)
            }
            renderer = SiteRenderer(context: RenderContext(reusing: base, model: model, theme: theme, cards: cards),
                                    listings: SiteRenderer.listings(of: model, theme: theme))
        } else {
            renderer = SiteRenderer(model: model, theme: theme, extraBodyHTML: options.extraBodyHTML)
        }
        let indexBySource = Dictionary(model.profiles.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a })
        let edited = Set(recentlyParsed.compactMap { indexBySource[$0] })
        return .success(Build(renderer: renderer, signatures: signatures, indexBySource: indexBySource,
                              ruleDiagnostics: ruleDiagnostics, warnings: diagnostics, candidates: nil, edited: edited))
    }

    /// When only existing profiles were edited and each kept its `Key` (its placement: same kind, name,
    /// unit, years, fields …), the last model with those profiles replaced: no sorting, no rules, no
    /// listings to redo.
    private func patchedBuild<Key: Equatable>(keeping same: (Profile) -> Key) -> Build? {
        guard let last, !editedSinceBuild.isEmpty, case .success(let theme) = theme else { return nil }
        var edits: [(index: Int?, entry: ParsedProfile)] = []
        for (path, old) in editedSinceBuild {
            guard let entry = profiles[path], let profile = entry.profile, let before = old.profile,
                  !entry.diagnostics.hasErrors, same(profile) == same(before) else { return nil }
            edits.append((last.indexBySource[entry.file.displayPath], entry))
        }
        let base = last.renderer.context
        var model = base.model
        var cards = base.cards
        var signatures = last.signatures
        var edited: Set<Int> = []
        for case (let index?, let entry) in edits {
            var profile = entry.profile!
            profile.slug = model.profiles[index].slug  // as the site's rules made it
            model.profiles[index] = profile
            signatures[index] = Self.combine(entry.signature, profile.slug)
            edited.insert(index)
        }
        for index in edited {
            cards[index] = Card(profile: model.profiles[index], model: model, links: base.links, fieldsByCode: base.fieldsByCode)
        }
        let renderer = SiteRenderer(context: RenderContext(reusing: base, model: model, theme: theme, cards: cards),
                                    listings: last.renderer.listings)
        let signer = PageSignatures(renderer: renderer, profiles: signatures, site: siteSignatures)
        var candidates: Set<PageJob> = []
        for index in edited { candidates.formUnion(signer.jobs(showing: index)) }
        var warnings = settings.diagnostics + pages.diagnostics + last.ruleDiagnostics
        for entry in profiles.values { warnings += entry.diagnostics }
        return Build(renderer: renderer, signatures: signatures, indexBySource: last.indexBySource,
                     ruleDiagnostics: last.ruleDiagnostics, warnings: warnings.sorted(), candidates: candidates, edited: edited)
    }

    /// Renders the jobs of `build` whose signature changed, the edited profiles' pages first.
    private func render(_ build: Build, candidates: Set<PageJob>?, publish: @Sendable (OutputFile) -> Void,
                        remove: ([String]) -> Void, firstWave: ([String]) -> Void) -> Outcome {
        let renderer = build.renderer
        let signer = PageSignatures(renderer: renderer, profiles: build.signatures, site: siteSignatures)
        var next: [String: (job: PageJob, signature: Int)]
        if let candidates {
            next = [:]
            for job in candidates { next[signer.path(of: job)] = (job, signer.signature(of: job)) }
        } else {
            next = signer.all()
        }
        var first: [(String, PageJob)] = [], rest: [(String, PageJob)] = []
        for (path, entry) in next where built[path] != entry.signature {
            if case .profile(let index) = entry.job, build.edited.contains(index) {
                first.append((path, entry.job))
            } else {
                rest.append((path, entry.job))
            }
        }
        let failures = FailedPaths()
        func run(_ jobs: [(String, PageJob)]) {
            jobs.parallelForEach { path, job in
                do {
                    publish(try renderer.render(job))
                } catch {
                    failures.insert(path)
                }
            }
        }
        run(first)
        let firstPaths = first.map(\.0).filter { !failures.paths.contains($0) }
        if !firstPaths.isEmpty { firstWave(firstPaths) }
        run(rest)

        var written = firstPaths + rest.map(\.0).filter { !failures.paths.contains($0) }
        var signatures = next.mapValues(\.signature)
        // A file that could not be read (a photo removed meanwhile) is tried again next time.
        for path in failures.paths { signatures[path] = nil }
        var removed: [String] = []
        if candidates == nil {
            for (name, data) in renderer.context.theme.assets {
                let path = SitePaths.assets + name
                var hasher = Hasher()
                hasher.combine(data)
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

    private var siteSignatures: SiteSignatures {
        SiteSignatures(global: globalSignature, theme: themeSignatures, photoVersions: photoVersions)
    }

    static func combine(_ content: Int, _ slug: String) -> Int {
        var hasher = Hasher()
        hasher.combine(content)
        hasher.combine(slug)
        return hasher.finalize()
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
private final class FailedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []
    func insert(_ path: String) { lock.withLock { _ = set.insert(path) } }
    var paths: Set<String> { lock.withLock { set } }
}
