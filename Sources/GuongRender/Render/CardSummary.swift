import GuongKit
/// A card's summary: the lead cut at a word boundary near `limit` characters, with "…" when it was cut.
/// Cards show at most three lines of it (style.css clamps `.card-summary`), a few dozen characters a line
/// in a card's column at any width, so the rest of a long lead only weighed on every list page the card is
/// on; the profile page and the data keep the whole lead.
enum CardSummary {
    static let limit = 150
    /// A page's description (`<meta name="description">`, `og:description`): what search engines and share
    /// previews show, about two lines of a result.
    static let descriptionLimit = 160

    static func of(_ lead: String, limit: Int = limit) -> String {
        // A lead of no more bytes than the limit has no more characters either: most cards stop here.
        guard lead.utf8.count > limit, let end = CharacterPrefix.end(of: lead, count: limit),
              end < lead.endIndex else { return lead }
        let head = lead[..<end]
        var cut = head.lastIndex(where: \.isWhitespace) ?? head.endIndex
        // Then back over the spaces and punctuation the cut leaves at the end, as indices: no characters copied.
        while cut > head.startIndex {
            let previous = head.index(before: cut)
            guard head[previous].isWhitespace || ",;:–—-".contains(head[previous]) else { break }
            cut = previous
        }
        return String(head[..<cut]) + "…"
    }
}
