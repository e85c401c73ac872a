/// Which link and image URLs a body may carry, judged as a browser would read them.
public enum LinkPolicy {
    /// What a URL points at.
    public enum Target: Equatable, Sendable {
        /// `http:`, `https:`, `mailto:`, `tel:`, or `//host/…`: kept.
        case web
        /// A path relative to the page (`anh.jpg`, `../x`, `#muc`, `?q`): kept unless it climbs out of `content/`.
        case relative(path: String)
        /// A path on the writer's computer: `/etc/passwd`, `C:\…`, `\\máy\…`, `file:`.
        case localFile
        /// Any other scheme (`javascript:`, `vbscript:`, `data:`, `intent:` …): removed from the page.
        case unsafe(scheme: String)
    }

    static let webSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Classifies `url` as written in the Markdown (entities already decoded by cmark).
    public static func classify(_ url: String) -> Target {
        let url = browserForm(url)
        if url.hasPrefix("\\\\") || url.hasPrefix("\\") { return .localFile }
        if url.hasPrefix("//") { return .web }
        if url.hasPrefix("/") { return .localFile }
        // The whole URL, not a prefix: a scheme may be as long as it likes (found by fuzz-markdown).
        let scalars = Array(url.unicodeScalars)
        // A drive letter: `C:\…`, `c:/…`, `C:` alone.
        if scalars.count >= 2, scalars[0].isASCIILetter, scalars[1] == ":",
           scalars.count == 2 || scalars[2] == "/" || scalars[2] == "\\" {
            return .localFile
        }
        guard let scheme = scheme(of: scalars) else { return .relative(path: url) }
        if webSchemes.contains(scheme) { return .web }
        if scheme == "file" { return .localFile }
        return .unsafe(scheme: scheme)
    }

    /// The URL as a browser parses it: leading and trailing C0 controls and spaces dropped,
    /// tabs and line breaks removed wherever they are (so `jav&#x09;ascript:` is `javascript:`).
    static func browserForm(_ url: String) -> String {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The lowercased scheme (`JaVaScRiPt:` → `javascript`), if the URL starts with one.
    private static func scheme(of scalars: [Unicode.Scalar]) -> String? {
        guard let first = scalars.first, first.isASCIILetter else { return nil }
        for (index, scalar) in scalars.enumerated().dropFirst() {
            if scalar == ":" { return String(String.UnicodeScalarView(scalars[..<index])).lowercased() }
            guard scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "." else {
                return nil
            }
        }
        return nil
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
