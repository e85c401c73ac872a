/// The free pages of `content/pages/`, read the same way by the build and the preview.
extension SiteLoader {
    /// The pages of `files` (ordered by path), in menu order; a page whose name folds to a slug an earlier
    /// file already has (`a-b.md`, `a b.md`, `Ạ B.md`) is reported, naming both files, and left out.
    func readPages(_ files: [ContentFile]) -> (pages: [Page], diagnostics: [Diagnostic]) {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        for file in files {
            let (page, problems) = Page.load(file, limits: limits, contentRoot: contentRoot)
            diagnostics += problems
            guard let page else { continue }
            if let first = owners[page.slug] {
                diagnostics.append(.pageSlugDuplicate(page.location, slug: page.slug, other: first))
                continue
            }
            owners[page.slug] = page.location.path
            pages.append(page)
        }
        pages.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        return (pages, diagnostics)
    }
}
