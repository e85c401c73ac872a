import GuongKit

/// Ways to make a renderer from parts of a previous one, so a rebuild redoes only what changed.
/// (Both set every stored property; a property added to either type must be added here too.)
extension RenderContext {
    /// A context over `model` and `theme` that reuses already computed `cards` (one per profile of `model`)
    /// and the links of `base`; only valid while the settings behind `base` are unchanged.
    package init(reusing base: RenderContext, model: SiteModel, theme: Theme, cards: [Card]) {
        self.init(model: model, theme: theme, links: base.links, fieldsByCode: base.fieldsByCode, cards: cards,
                  extraBodyHTML: base.extraBodyHTML)
    }
}

extension SiteRenderer {
    /// `searchIndex` may be `.none` where only page signatures or profile pages are wanted.
    package init(context: RenderContext, listings: Listings, searchIndex: SearchIndex) {
        self.context = context
        self.listings = listings
        self.searchIndex = searchIndex
    }

    /// The listings of `model` as `init(model:theme:)` makes them.
    package static func listings(of model: SiteModel, theme: Theme) -> Listings {
        Listings(model: model, yearLabel: theme.strings["year"] ?? "Năm")
    }
}
