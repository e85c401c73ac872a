import GuongKit
extension Listing {
    /// How many cards the listing shows and how many exemplars they are: a profile with two years (or
    /// two fields) has a card under each, and the page says so rather than repeating it silently.
    /// `{{#repeats.any}}` is set only when some exemplar has more than one card.
    var repeats: TemplateObject {
        ["any": .bool(exemplars < entries.count), "cards": .int(entries.count), "exemplars": .int(exemplars)]
    }
}
