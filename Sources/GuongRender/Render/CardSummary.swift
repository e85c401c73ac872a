import GuongKit
/// A card's summary: the lead cut at a word boundary near `limit` characters, with "…" when it was cut.
/// Cards show at most three lines of it (style.css clamps `.card-summary`), so the rest of a long lead only
/// weighed on every list page the card is on; the profile page and the data keep the whole lead.
enum CardSummary {
    static let limit = 200

    static func of(_ lead: String, limit: Int = limit) -> String {
        guard lead.count > limit else { return lead }
        let head = lead.prefix(limit)
        let cut = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
        let trimmed = cut.reversed().drop { $0.isWhitespace || ",;:–—-".contains($0) }.reversed()
        return String(trimmed) + "…"
    }
}
