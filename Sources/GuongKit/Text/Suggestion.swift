/// Finds the candidate a user most likely meant, for "có phải …?" hints.
public enum Suggestion {
    /// The candidate closest to `input` by edit distance on folded text, if it is close enough to be a typo.
    public static func nearest(to input: String, in candidates: [String]) -> String? {
        let folded = VietnameseFolding.key(input)
        guard !folded.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(folded), Array(VietnameseFolding.key(candidate)))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // One or two letters are too short to guess a typo from ("e" is one edit from every code).
        guard folded.count >= 3 else { return nil }
        let tolerance = max(1, min(3, folded.count / 3))
        return best.distance <= tolerance ? best.candidate : nil
    }

    /// Levenshtein distance, in O(n·m) time and O(m) space.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
