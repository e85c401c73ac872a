/// Drafts beside the published profiles: a draft never changes a published profile's URL nor makes it a
/// duplicate, and what the rules find in a draft is reported as the draft's, as a warning.
extension SiteRules {
    /// `apply(to:)` on the published profiles alone, then on all of them (drafts last) for the drafts' problems.
    package func apply(to profiles: inout [Profile], draftsAreWarnings: Bool) -> [Diagnostic] {
        guard draftsAreWarnings, profiles.contains(where: \.draft) else { return apply(to: &profiles) }
        var published = profiles.filter { !$0.draft }
        var diagnostics = apply(to: &published)
        var everything = published + profiles.filter(\.draft)
        let drafts = Set(profiles.lazy.filter(\.draft).map(\.sourcePath))
        for var problem in apply(to: &everything) where drafts.contains(problem.location.path) {
            problem.inDraft = true
            diagnostics.append(problem)
        }
        // The published profiles as the first pass made them, then the drafts that passed; ordered by path again.
        profiles = (published + everything.filter(\.draft)).sorted { $0.sourcePath < $1.sourcePath }
        return diagnostics
    }
}
