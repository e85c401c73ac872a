extension SVGAudit {
    /// Refuses an SVG a browser might decode otherwise than as UTF-8: a browser takes the encoding from a BOM
    /// or the XML declaration, and in ISO-2022-JP or UTF-16 the bytes that look like `<!--` or `"` to a byte
    /// reader are other characters, so markup hidden from this audit would run.
    static func encodingProblem(_ bytes: [UInt8]) -> PhotoContent.Problem? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let spaces: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        guard let first = body.first, first == UInt8(ascii: "<") || spaces.contains(first) else {
            return .unsafe("tệp không bắt đầu bằng thẻ: có thể là bảng mã khác UTF-8 (UTF-16 …)")
        }
        // XML allows no other control character; ESC is how ISO-2022 switches between character sets.
        if let control = body.first(where: { ($0 < 0x20 && !spaces.contains($0)) || $0 == 0x7F }) {
            return .unsafe("ký tự điều khiển (mã \(control)) trong tệp")
        }
        guard body.starts(with: Array("<?xml".utf8)) else { return nil }
        var scanner = Scanner(Array(body))
        _ = scanner.consume("<?xml")
        while true {
            scanner.skipSpaces()
            if scanner.consume("?>") { return nil }
            let name = scanner.name()
            scanner.skipSpaces()
            guard !name.isEmpty, scanner.consume("=") else { return .notA(type: "SVG") }
            scanner.skipSpaces()
            guard let value = scanner.quoted() else { return .notA(type: "SVG") }
            guard name == "encoding" else { continue }
            // A browser reads US-ASCII as windows-1252: the same as UTF-8 while every byte is ASCII.
            let label = value.lowercased()
            let accepted = label == "utf-8" || label == "utf8" || (label == "us-ascii" || label == "ascii") && body.allSatisfy { $0 < 0x80 }
            guard accepted else { return .unsafe("bảng mã \(value.prefix(40)) (chỉ nhận UTF-8)") }
        }
    }
}
