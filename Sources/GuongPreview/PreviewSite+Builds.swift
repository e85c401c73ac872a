import Foundation
import GuongKit
import GuongRender

extension PreviewSite {
    /// A model ready to render, with what the site's check found.
    struct Build {
        var context: RenderContext
        /// Made last when the model is new, since the edited pages do not need them.
        var listings: Listings?
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
    func fullBuild() -> Result<Build, Problems> {
        if sortedPaths == nil { sortedPaths = profiles.keys.sorted() }
        let ordered = sortedPaths!.map { profiles[$0]! }
        var diagnostics = settings.diagnostics + pages.diagnostics
        for entry in ordered { diagnostics += entry.diagnostics }
        var checked: [Profile] = []
        var ruleDiagnostics: [Diagnostic] = []
        if ordered.count > loader.limits.profiles {
            diagnostics.append(.tooManyProfiles(loader.contentFile("content/profiles").whole, count: ordered.count,
                                                limit: loader.limits.profiles))
        } else if let schema = settings.schema {
            checked = ordered.compactMap(\.profile)
            ruleDiagnostics = SiteRules(schema: schema, units: settings.units).apply(to: &checked, draftsAreWarnings: !options.includeDrafts)
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
        let context: RenderContext
        var listings: Listings?
        if let last, last.settingsSignature == settings.signature {
            // A card depends on its profile and the settings only: unchanged profiles keep theirs.
            let previous = Dictionary(last.signatures.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let base = last.renderer.context
            let cards = model.profiles.indices.map { index in
                previous[signatures[index]].map { base.cards[$0] }
                    ?? Card(profile: model.profiles[index], model: model, links: base.links, fieldsByCode: base.fieldsByCode)
            }
            context = RenderContext(reusing: base, model: model, theme: theme, cards: cards)
        } else {
            let renderer = SiteRenderer(model: model, theme: theme, extraBodyHTML: options.extraBodyHTML)
            context = renderer.context
            listings = renderer.listings
        }
        let indexBySource = Dictionary(model.profiles.enumerated().map { ($1.sourcePath, $0) }, uniquingKeysWith: { a, _ in a })
        let edited = Set(recentlyParsed.compactMap { indexBySource[$0] })
        return .success(Build(context: context, listings: listings, signatures: signatures, indexBySource: indexBySource,
                              ruleDiagnostics: ruleDiagnostics, warnings: diagnostics, candidates: nil, edited: edited))
    }

    /// When only existing profiles were edited and each kept its `Key` (its placement: same kind, name,
    /// unit, years, fields …), the last model with those profiles replaced: no sorting, no rules, no
    /// listings to redo.
    func patchedBuild<Key: Equatable>(keeping same: (Profile) -> Key) -> Build? {
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
        let context = RenderContext(reusing: base, model: model, theme: theme, cards: cards)
        let signer = PageSignatures(renderer: SiteRenderer(context: context, listings: last.renderer.listings, searchIndex: .none),
                                    profiles: signatures, site: siteSignatures)
        var candidates: Set<PageJob> = []
        for index in edited { candidates.formUnion(signer.jobs(showing: index)) }
        var warnings = settings.diagnostics + pages.diagnostics + last.ruleDiagnostics
        for entry in profiles.values { warnings += entry.diagnostics }
        return Build(context: context, listings: last.renderer.listings, signatures: signatures, indexBySource: last.indexBySource,
                     ruleDiagnostics: last.ruleDiagnostics, warnings: warnings.sorted(), candidates: candidates, edited: edited)
    }

    static func combine(_ content: Int, _ slug: String) -> Int {
        var hasher = Hasher()
        hasher.combine(content)
        hasher.combine(slug)
        return hasher.finalize()
    }
}
