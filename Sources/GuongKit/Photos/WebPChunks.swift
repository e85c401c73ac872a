/// WebP's RIFF container, cut down to its pictures: libvips 8.14 writes a small EXIF block into every WebP
/// even when asked to strip, so the published files are rid of `EXIF`, `XMP ` and `ICCP` chunks here.
enum WebPChunks {
    /// `bytes` without metadata chunks, the extended header's flags and the RIFF size set to match; the
    /// bytes unchanged when they are not a well-formed WebP.
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) else { return bytes }
        var output = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let length = bytes[offset + 4..<offset + 8].reversed().reduce(0) { $0 << 8 | Int($1) }
            let end = offset + 8 + length + (length & 1)
            guard end <= bytes.count || (end == bytes.count + 1 && length & 1 == 1) else { return bytes }
            if !["EXIF", "XMP ", "ICCP"].contains(type) {
                var chunk = Array(bytes[offset..<min(end, bytes.count)])
                // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
                if type == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                output += chunk
            }
            offset = end
        }
        let size = UInt32(output.count - 8)
        output.replaceSubrange(4..<8, with: [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)])
        return output
    }
}
