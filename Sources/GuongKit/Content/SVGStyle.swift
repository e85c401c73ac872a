/// CSS in an SVG photo, judged by an allow-list: a browser parses `style=` and every presentation attribute
/// (`fill`, `filter` …) as CSS, where escapes (`u\72l(`), `image-set(…)` and properties such as
/// `background-image` load from other hosts. What cannot be read plainly is refused.
enum SVGStyle {
    /// Properties a drawing needs; each takes only literal values (colours, lengths, names, `url(#…)`).
    static let properties: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color", "stop-color", "stop-opacity",
        "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor",
        "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration",
        "line-height", "writing-mode", "display", "visibility", "overflow", "clip-rule", "clip-path", "mask", "filter",
        "marker", "marker-start", "marker-mid", "marker-end", "shape-rendering", "text-rendering", "image-rendering",
        "color-interpolation", "color-interpolation-filters", "flood-color", "flood-opacity", "lighting-color",
        "paint-order", "vector-effect", "mix-blend-mode", "isolation", "transform", "transform-origin", "enable-background",
    ]
    /// Functions with literal arguments: colours and transforms. `url(` is judged on its own (only `#…`).
    static let functions: Set<String> = [
        "url", "rgb", "rgba", "hsl", "hsla", "translate", "translatex", "translatey", "rotate", "scale", "scalex", "scaley",
        "skewx", "skewy", "matrix",
    ]

    /// What is wrong with a `style=` attribute, in Vietnamese, or nil.
    static func problem(inStyle style: String) -> String? {
        for declaration in style.split(separator: ";", omittingEmptySubsequences: true) {
            guard !declaration.allSatisfy(\.isWhitespace) else { continue }
            guard let colon = declaration.firstIndex(of: ":") else { return "khai báo CSS lạ (\(declaration.prefix(40)))" }
            let property = declaration[..<colon].trimmingWhitespace().lowercased()
            guard properties.contains(property) else { return "thuộc tính CSS \(property.prefix(40)) không được phép" }
            let value = declaration[declaration.index(after: colon)...]
            if let bad = value.unicodeScalars.first(where: { "@{}<>!`&".unicodeScalars.contains($0) }) {
                return "ký tự \(bad) trong giá trị CSS"
            }
            if let problem = problem(inValue: String(value)) { return problem }
        }
        return nil
    }

    /// What is wrong with a CSS value (or a presentation attribute's), in Vietnamese, or nil.
    static func problem(inValue value: String) -> String? {
        if value.contains("\\") { return "mã thoát CSS (\\) trong thuộc tính" }
        if value.contains("/*") { return "chú thích CSS trong thuộc tính" }
        // A function is a name followed at once by "(": only the allowed ones.
        var name = ""
        for scalar in value.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                name.unicodeScalars.append(scalar)
                continue
            }
            if scalar == "(", !name.isEmpty, !functions.contains(name.lowercased()) {
                return "hàm CSS \(name.prefix(40))(…) không được phép"
            }
            name = ""
        }
        let compact = value.lowercased().filter { !$0.isWhitespace }
        if compact.components(separatedBy: "url(").dropFirst().contains(where: { !$0.hasPrefix("#") }) {
            return "tham chiếu url(…) ra ngoài"
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
