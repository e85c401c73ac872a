// Unsafe code: reads a PNG's chunk headers from the photo's raw buffer.
import Foundation

/// The kinds of picture a profile's photo may be, told apart by their first bytes (never by libvips' own
/// sniffing, which would try every loader it has).
enum PhotoFormat: String, Sendable, Hashable {
    case jpeg, png, webp, gif, heif, svg

    /// The format `bytes` (the file's first few dozen bytes at least) start like, if any raster one.
    static func raster(magic bytes: some Collection<UInt8>) -> PhotoFormat? {
        let head = Array(bytes.prefix(16))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return .webp }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return .gif }
        // An ISO base media file whose brand is one of HEIF's (iPhones write `heic`).
        if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8),
           ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(String(decoding: head[8..<12], as: UTF8.self)) {
            return .heif
        }
        return nil
    }

    /// The format a photo's extension promises.
    init?(extension ext: String) {
        switch ext.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "gif": self = .gif
        case "heic", "heif": self = .heif
        case "svg": self = .svg
        default: return nil
        }
    }

    /// The largest text or metadata chunk (`tEXt`, `zTXt`, `iTXt`, `iCCP`, `eXIf`) in a PNG, in bytes, or nil
    /// when the chunks cannot be walked (libvips then judges the file). Such chunks are never published,
    /// but libspng would still read and inflate one of many megabytes.
    static func largestPNGTextChunk(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var offset = 8
        var largest = 0
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if ["tEXt", "zTXt", "iTXt", "iCCP", "eXIf"].contains(type) { largest = max(largest, length) }
            if type == "IEND" { return largest }
            offset += 12 + length
        }
        return largest
    }
}

extension FileHandle {
    /// The first `count` bytes of the file at `path` (fewer when it is shorter), or nil when it cannot be read.
    /// By system calls: Foundation's handle costs more than the read, once per photo on every rebuild.
    static func prefix(of path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Foundation.close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
