/// Escaping for XML (and HTML) text and attribute values, scalar by scalar: a `"` followed by a combining
/// mark is one `Character` but still a quote to a parser, so text is never escaped per `Character`.
package enum XML {
    /// The five special characters escaped; characters XML 1.0 forbids are dropped rather than written.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
