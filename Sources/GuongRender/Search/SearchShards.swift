import GuongKit

/// Splits the index's terms into shards keyed by a folded prefix, so a query fetches only the
/// shards its words can match.
///
/// A term lives in the shard with the longest key that is a prefix of it. Shards start as one
/// (key `""`); one over `target` bytes hands its largest groups of terms sharing one more character
/// to shards of their own (recursively) until it is under target or holds only terms equal to its key.
/// The terms starting with a query word `w` are then in the longest key that prefixes `w`, and in
/// the keys that start with `w`.
enum SearchShards {
    /// Shard key → its terms, sorted. `sizes` holds each term's encoded size in bytes.
    static func partition(_ sizes: [String: Int], target: Int) -> [String: [String]] {
        var shards: [String: [String]] = [:]
        split(Array(sizes.keys), depth: 0, key: "", sizes: sizes, target: target, into: &shards)
        return shards
    }

    private static func split(_ terms: [String], depth: Int, key: String, sizes: [String: Int], target: Int,
                              into shards: inout [String: [String]]) {
        var total = terms.reduce(0) { $0 + sizes[$1, default: 0] }
        var kept: [String] = []
        var children: [String: [String]] = [:]
        for term in terms {
            let scalars = term.unicodeScalars
            if scalars.count > depth {
                children[String(String.UnicodeScalarView(scalars.prefix(depth + 1))), default: []].append(term)
            } else {
                kept.append(term)
            }
        }
        let groups = children.map { (key: $0.key, terms: $0.value, size: $0.value.reduce(0) { $0 + sizes[$1, default: 0] }) }
            .sorted { ($1.size, $0.key) < ($0.size, $1.key) }  // largest first; ties by key, for determinism
        for group in groups {
            if total <= target {
                kept += group.terms
            } else {
                split(group.terms, depth: depth + 1, key: group.key, sizes: sizes, target: target, into: &shards)
                total -= group.size
            }
        }
        if !kept.isEmpty { shards[key] = kept.sorted() }
    }

    /// The file a shard is written to: `tu-ng.json`, `tu.json` for the key `""`; characters other
    /// than a–z and 0–9 are written as `_<hex>_`.
    static func fileName(_ key: String) -> String {
        guard !key.isEmpty else { return "tu.json" }
        var name = "tu-"
        for scalar in key.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else {
                name += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return name + ".json"
    }
}
