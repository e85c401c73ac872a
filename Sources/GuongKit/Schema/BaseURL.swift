/// The base URL a site is published under.
public enum BaseURL {
    /// An absolute http(s) URL or a root-relative path, ending in `/`; or why it is not acceptable.
    /// Written for a hostile value: every character is checked (no whitespace, control, invisible or
    /// quoting character anywhere), the host is a plain name, IPv4/IPv6 address with an optional port, and a
    /// path starts with exactly one `/`: `//host/x/` and `/\host` would send pages' scripts to another host.
    public static func normalise(_ text: String) -> Result<String, InvalidBaseURL> {
        let lower = text.lowercased()
        let scheme = ["https://", "http://"].first { lower.hasPrefix($0) }
        var path = Substring(text)
        var origin = Substring("")
        if let scheme {
            let rest = text.dropFirst(scheme.count)
            let host = rest.prefix { $0 != "/" }
            guard !host.isEmpty else { return .failure(.init(reason: "địa chỉ gốc \"\(text)\" thiếu tên máy chủ.")) }
            guard isHost(host) else {
                return .failure(.init(reason: "địa chỉ gốc \"\(text)\" có tên máy chủ không hợp lệ (chỉ dùng chữ không dấu, số, dấu chấm, dấu gạch nối và cổng :số)."))
            }
            origin = text.prefix(scheme.count + host.count)
            path = rest.dropFirst(host.count)
            if path.isEmpty { path = "/" }
        } else if !text.hasPrefix("/") {
            return .failure(.init(reason: "địa chỉ gốc \"\(text)\" phải bắt đầu bằng https:// (hoặc / cho đường dẫn tương đối)."))
        }
        guard path.unicodeScalars.allSatisfy(isPathCharacter), hasValidPercentEscapes(path) else {
            return .failure(.init(reason: "địa chỉ gốc \"\(text)\" có ký tự không hợp lệ (khoảng trắng, ký tự ẩn, dấu ngoặc, \\, ?, #)."))
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !segments.dropLast().contains(where: \.isEmpty), !segments.contains(where: { $0 == "." || $0 == ".." }) else {
            return .failure(.init(reason: "địa chỉ gốc \"\(text)\" có đường dẫn không hợp lệ (//, . hoặc ..); đường dẫn tương đối phải bắt đầu bằng đúng một dấu /."))
        }
        var url = String(origin + path)
        if !url.hasSuffix("/") { url += "/" }
        return .success(url)
    }

    /// Whether the base URL is a path only (`/x/`): feeds, the sitemap and share images then lack a host.
    public static func isRootRelative(_ baseURL: String) -> Bool { baseURL.hasPrefix("/") }

    /// The path part of a base URL: `https://host/a/b/` → `/a/b/`.
    public static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// `name.example`, `127.0.0.1`, `[::1]`, each with an optional `:port`; no user part (`a@b`).
    private static func isHost(_ host: Substring) -> Bool {
        var name = host
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let after = host[host.index(after: close)...]
            guard after.isEmpty || (after.first == ":" && isPort(after.dropFirst())) else { return false }
            let inner = host[host.index(after: host.startIndex)..<close]
            return !inner.isEmpty && inner.allSatisfy { ($0.isASCII && $0.isHexDigit) || $0 == ":" || $0 == "." }
        }
        if let colon = host.firstIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return false }
            name = host[..<colon]
        }
        return !name.isEmpty && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy { $0.isASCII && $0.isNumber } && Int(text)! <= 65535
    }

    /// Unreserved and sub-delimiter characters of RFC 3986 a path may hold, and letters of any script
    /// (`/điển-hình/`); never whitespace, control or invisible characters, quotes, `\`, `?` or `#`.
    private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~!$&*+,;=:@/%".unicodeScalars.contains(scalar)
        }
        let properties = scalar.properties
        return (properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark) && !FrontMatterFields.isInvisible(scalar)
            && !properties.isDefaultIgnorableCodePoint && !properties.isWhitespace
    }

    /// Every `%` starts an escape of two hex digits.
    private static func hasValidPercentEscapes(_ path: Substring) -> Bool {
        var scalars = path.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else { continue }
            guard let a = scalars.next(), let b = scalars.next(), a.properties.isASCIIHexDigit, b.properties.isASCIIHexDigit else {
                return false
            }
        }
        return true
    }
}

/// Why a base URL was refused, in Vietnamese.
public struct InvalidBaseURL: Error, Sendable {
    public var reason: String
}
