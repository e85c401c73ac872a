import GuongKit

/// Document ids that stay put from build to build: a profile's id comes from its slug, not from its
/// place among the others, so adding, removing or renaming one profile rewrites only the index files
/// that hold its words (and its chunk, the filters and the manifest), not every shard whose postings
/// would shift.
///
/// Ids live in a space of `space(for:)` slots, a power of two at least twice the number of documents,
/// so it stays the same while a site grows or shrinks by less than half (crossing a power of two
/// renumbers everything once, as a hash table grows). A slug's home slot is its FNV-1a hash modulo the
/// space; documents are placed in order of (home, slug), each in the first free slot from its home on
/// (wrapping round). A new document therefore moves, at most, the few that follow it in its run of
/// taken slots — with at most half the slots taken, a run is a handful long.
enum SearchIDs {
    /// The smallest space: a small site's ids fit one chunk.
    static let minimumSpace = 64

    /// The id space for `count` documents: the smallest power of two ≥ 2 × count (at least 64).
    static func space(for count: Int) -> Int {
        var space = minimumSpace
        while space < 2 * count { space *= 2 }
        return space
    }

    /// The slot a slug would like: its FNV-1a hash modulo `space` (a power of two).
    static func home(_ slug: String, space: Int) -> Int {
        var hash = FNV1a()
        hash.add(Array(slug.utf8))
        return Int(hash.value & UInt64(space - 1))
    }

    /// The id of each slug, in the order given, within `space(for: slugs.count)`. Slugs are unique on
    /// a site (they are its URLs); equal ones would still get distinct ids, by their order in `slugs`.
    static func assign(_ slugs: [String]) -> (ids: [Int], space: Int) {
        let space = space(for: slugs.count)
        let homes = slugs.map { home($0, space: space) }
        let order = slugs.indices.sorted { (homes[$0], slugs[$0], $0) < (homes[$1], slugs[$1], $1) }
        var taken = [Bool](repeating: false, count: space)
        var ids = [Int](repeating: 0, count: slugs.count)
        for index in order {
            var slot = homes[index]
            while taken[slot] { slot = (slot + 1) & (space - 1) }
            taken[slot] = true
            ids[index] = slot
        }
        return (ids, space)
    }
}
