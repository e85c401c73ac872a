import GuongKit
/// The width of a figure's bar (HTML and CSS, no script, no style attribute): its share of the largest
/// figure beside it, in steps of 5 %, which the theme's `.bar-<n>` classes draw.
enum BarWidth {
    /// `count` as a percentage of `most`, rounded to a multiple of 5; at least 5 for any count, 0 for none.
    static func percent(_ count: Int, of most: Int) -> Int {
        guard most > 0, count > 0 else { return 0 }
        let percent = (count * 100 + most / 2) / most
        return max(5, min(100, (percent + 2) / 5 * 5))
    }
}
