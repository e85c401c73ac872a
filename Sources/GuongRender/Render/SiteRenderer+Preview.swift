import GuongKit

/// A renderer made from parts of a previous one: how the preview renders an edited profile's page from
/// the last good build before the whole site is loaded again.
extension RenderContext {
    /// A context over `model` and `theme` that reuses already computed `cards` (one per profile of `model`)
    /// and the links of `base`; only valid while the settings behind `base` are unchanged.
    package init(reusing base: RenderContext, model: SiteModel, theme: Theme, cards: [Card]) {
        self.init(model: model, theme: theme, links: base.links, fieldsByCode: base.fieldsByCode, cardParts: base.cardParts,
                  cards: cards, extraBodyHTML: base.extraBodyHTML)
    }
}

extension SiteRenderer {
    /// `searchIndex` may be `.none` where only pages are rendered.
    package init(context: RenderContext, listings: Listings, searchIndex: SearchIndex) {
        self.context = context
        self.listings = listings
        pendingIndex = Deferred(ready: searchIndex)
    }
}
