import GuongKit
/// The department's words for search: each short form a reader may type and the words it stands for,
/// folded, from the site's data only — `search_words:` in `registration.yaml` (`HT` → *Hiệu trưởng*,
/// `THCS` → *Trung học cơ sở*) and each field's `short` and `aliases` (`CNTT` → *Công nghệ thông tin*).
/// The manifest carries them as `words`; `search.js` expands a query with them both ways.
enum SearchVocabulary {
    /// `(short, long)` pairs, folded (words joined by one space), sorted and without repeats; a pair
    /// whose two sides are the same words is left out.
    static func pairs(_ schema: RegistrationSchema) -> [(short: String, long: String)] {
        var pairs = schema.searchWords.map { ($0.short, $0.long) }
        for field in schema.fields {
            for short in [field.short] + field.aliases { pairs.append((short, field.name)) }
        }
        var seen = Set<[String]>()
        return pairs.compactMap { short, long -> (short: String, long: String)? in
            let short = folded(short), long = folded(long)
            guard !short.isEmpty, !long.isEmpty, short != long, seen.insert([short, long]).inserted else { return nil }
            return (short, long)
        }.sorted { ($0.short, $0.long) < ($1.short, $1.long) }
    }

    /// The words of `text`, folded, joined by one space: how the script compares query words.
    static func folded(_ text: String) -> String {
        SearchText.words(text).map(VietnameseFolding.fold).joined(separator: " ")
    }
}
