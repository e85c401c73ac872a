/// Which link and image URLs a body may carry, judged as a browser would read them.
public enum LinkPolicy {
    /// What a URL points at.
    public enum Target: Equatable, Sendable {
        /// `http:`, `https:`, `mailto:`, `tel:`, or `//host/…`: kept.
        case web
        /// A path relative to the page (`anh.jpg`, `../x`, `#muc`, `?q`): kept unless it climbs out of `content/`.
        case relative(path: String)
        /// A path on the writer's computer: `/etc/passwd`, `C:\…`, `C|/…`, `\\máy\…`, `..\…`, `~/…`, `file:`,
        /// also percent-encoded (`..%5C…`).
        case localFile
        /// Any other scheme (`javascript:`, `vbscript:`, `data:`, `intent:` …): removed from the page.
        case unsafe(scheme: String)
    }

    static let webSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Classifies `url` as written in the Markdown (entities already decoded by cmark).
    public static func classify(_ url: String) -> Target {
        let url = browserForm(url)
        if isLocalPath(url) { return .localFile }
        if url.hasPrefix("//") { return .web }
        // The whole URL, not a prefix: a scheme may be as long as it likes (found by fuzz-markdown).
        guard let scheme = scheme(of: Array(url.unicodeScalars)) else {
            // A relative path that spells a computer's path once decoded (`%5C`, `C%3A/`, `%7E/`) is one too.
            let decoded = percentDecoded(url)
            if decoded != url, isLocalPath(decoded) || scheme(of: Array(decoded.unicodeScalars)).map(isLocalScheme) == true {
                return .localFile
            }
            return .relative(path: url)
        }
        if webSchemes.contains(scheme) { return .web }
        if isLocalScheme(scheme) { return .localFile }
        return .unsafe(scheme: scheme)
    }

    /// A path on the writer's computer, in any spelling a browser or Windows accepts: any backslash (a browser
    /// reads `\` as `/`, so `..\..\Users\…`, `Desktop\hoso.docx` and `\\server\share` are Windows paths),
    /// a root path (`/etc/…`, `///…`), the home folder (`~/…`, `~user/…`), a drive letter with `:` or the old
    /// `|` in either case (`C:`, `c|/…`, `D:hoso.docx`).
    static func isLocalPath(_ url: String) -> Bool {
        if url.contains("\\") || url.hasPrefix("~") || url.hasPrefix("///") { return true }
        if url.hasPrefix("/"), !url.hasPrefix("//") { return true }
        let scalars = Array(url.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[0].isASCIILetter && (scalars[1] == ":" || scalars[1] == "|")
    }

    /// `file:`, and one letter before `:`, which no scheme is and every drive letter is.
    private static func isLocalScheme(_ scheme: String) -> Bool { scheme == "file" || scheme.count == 1 }

    /// `url` with `%XX` sequences decoded until none is left (so `%255C` is a backslash too); invalid ones kept.
    static func percentDecoded(_ url: String) -> String {
        var bytes = Array(url.utf8)
        for _ in 0..<4 {
            guard bytes.contains(UInt8(ascii: "%")) else { break }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                   let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    decoded.append(high << 4 | low)
                    index += 3
                } else {
                    decoded.append(bytes[index])
                    index += 1
                }
            }
            if decoded == bytes { break }
            bytes = decoded
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
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
