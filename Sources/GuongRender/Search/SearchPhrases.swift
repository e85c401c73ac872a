import GuongKit
/// Two-word phrases of a profile's name and details, so that `dong thanh` ranks *Đông Thạnh* above
/// *Đông* in one place and *Thành* in another, and `hieu truong` ranks *Hiệu trưởng* above *Phó Hiệu
/// trưởng*. A phrase is a term like any other, the two folded words with one space (`"dong thanh"`),
/// so it lives in the shards the script already fetches for its first word.
///
/// Its place (the two bits of a posting) says where it stands: 3 in the name, 2 the first two words of
/// a detail (a position, unit or field), 1 elsewhere in a detail. Body text has no phrases: they would
/// double the index for little.
enum SearchPhrases {
    /// Places of phrase postings.
    static let inName = SearchDocument.Place.name
    static let atStart = SearchDocument.Place.details
    static let inDetail = SearchDocument.Place.summary

    /// A text's phrases: those opening a text, and the rest.
    typealias Found = (opening: [String], rest: [String])

    /// The folded phrases of `texts`: those opening a text, and the rest. Each text's are its own, in order.
    static func phrases(of texts: [String]) -> Found {
        var opening: [String] = []
        var rest: [String] = []
        for text in texts {
            let words = SearchText.words(text).map(VietnameseFolding.fold)
            for index in words.indices.dropLast() where words[index].count + words[index + 1].count < SearchText.maxWordLength {
                let phrase = words[index] + " " + words[index + 1]
                if index == 0 { opening.append(phrase) } else { rest.append(phrase) }
            }
        }
        return (opening, rest)
    }
}
