// Unsafe code: memchr and memcmp find each link written from the site's root path in a rendered page's bytes.
import Foundation

/// A rendered page's links made relative to the page: `href="/dien-hinh-tien-tien/nam/2022/"` on
/// `dien-hinh/<slug>/` becomes `href="../../nam/2022/"`, and `href="/dien-hinh-tien-tien/dien-hinh/other/"` there `href="../other/"`. Every page is rendered with links from the site's
/// root path (cards are rendered once and shown on pages at several depths); this runs once the page's
/// bytes are final. It saves the root path on every link (docs/performance.md, "Links relative to the page").
///
/// Only the values of the attributes a browser resolves as a link (`attributes`, and each URL of a `srcset`)
/// are changed, and only where they start with the root path: a canonical link, `og:*` and any text are left
/// as they are. Resolved against the page, the relative link gives the same URL as the link from the root
/// path, whatever follows the shared folders, since the `../`s lead from the page's folder to exactly those.
struct RelativeLinks: Sendable {
    /// The attributes whose value is a URL the browser (or the theme's scripts, through the document's
    /// URL) resolves against the page.
    static let attributes: [[UInt8]] = ["href", "src", "action", "poster", "data-index", "data-profile-url"].map { Array($0.utf8) }
    /// A list of image candidates, each a URL and its width: every URL in it is rewritten.
    private static let srcset = Array("srcset".utf8)
    /// The one link left absolute even when the base URL is a path: search engines want it whole.
    private static let canonical = Array("<link rel=\"canonical\" ".utf8)

    /// `="` and the site's root path, `/dien-hinh-tien-tien/`.
    private let needle: [UInt8]

    init(basePath: String) {
        needle = Array("=\"\(basePath)".utf8)
    }

    /// `page`, whose site path is `path` (`nam/2022/`, empty for the home page), with each link from the root
    /// path in a link attribute's value made relative to the page: the folders the link shares with the page
    /// are left out, and one `../` leads out of each other folder of the page's (`../b/` from `dien-hinh/a/`
    /// to `dien-hinh/b/`, `../../nam/2022/` to `nam/2022/`). The page is read where it lies (a render's buffer):
    /// the result is the only copy made of it.
    func rewrite(_ page: UnsafeBufferPointer<UInt8>, at path: String) -> [UInt8] {
        let starts = positions(in: page)
        guard !starts.isEmpty else { return Array(page) }
        // The page's folders, each with its `/`: `nam/2022/` → `nam/`, `2022/`.
        let folders = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
            .map { Array($0) + [UInt8(ascii: "/")] }
        // A link loses at least the root path and gains at most `../` for each folder and a `./`: the result is
        // written in place into an array that size, no byte appended through the array's bookkeeping.
        let capacity = page.count + starts.count * (3 * folders.count + 2)
        return Array(unsafeUninitializedCapacity: capacity) { output, written in
            var end = 0
            func copy(_ range: Range<Int>) {
                assert(end + range.count <= output.count, "a rewritten page outgrew its bound")
                (output.baseAddress! + end).initialize(from: page.baseAddress! + range.lowerBound, count: range.count)
                end += range.count
            }
            func put(_ byte: UInt8) {
                assert(end < output.count, "a rewritten page outgrew its bound")
                (output.baseAddress! + end).initialize(to: byte)
                end += 1
            }
            var copied = 0
            for start in starts {
                copy(copied..<start)
                var rest = start + basePathCount
                var shared = 0
                while shared < folders.count, rest + folders[shared].count <= page.count,
                      folders[shared].withUnsafeBufferPointer({ memcmp(page.baseAddress! + rest, $0.baseAddress!, $0.count) == 0 }) {
                    rest += folders[shared].count
                    shared += 1
                }
                for _ in shared..<folders.count {
                    put(UInt8(ascii: "."))
                    put(UInt8(ascii: "."))
                    put(UInt8(ascii: "/"))
                }
                if shared == folders.count, Self.needsDot(page, at: rest) {
                    put(UInt8(ascii: "."))
                    put(UInt8(ascii: "/"))
                }
                copied = rest
            }
            copy(copied..<page.count)
            written = end
        }
    }

    /// Whether what is left of a link at `index`, led by nothing, would not lead where it did: an empty link
    /// is the page itself, a `/` leads from the host's root, and a `:` before any `/`, `?` or `#` makes
    /// what precedes it a scheme.
    private static func needsDot(_ page: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < page.count else { return true }
        switch page[index] {
        case UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: "/"): return true
        default: break
        }
        for byte in page[index...] {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: " "): return false
            default: continue
            }
        }
        return false
    }

    private var basePathCount: Int { needle.count - 2 }

    /// Where a link from the root path starts, at the root path's first byte: at the start of a link
    /// attribute's value, or of any candidate of a `srcset`'s (`url 320w, url 640w`).
    private func positions(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts: [Int] = []
        needle.withUnsafeBufferPointer { needle in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            // Each `=` is found with memchr, then checked for the rest of the needle.
            while let offset = bytes.index(ofByte: UInt8(ascii: "="), from: start) {
                start = offset + 1
                let end = offset + needle.count
                guard end <= bytes.count, memcmp(base + offset, needle.baseAddress!, needle.count) == 0 else { continue }
                start = end
                guard let attribute = linkAttribute(bytes, equalsAt: offset) else { continue }
                starts.append(offset + 2)
                if attribute == .srcset { start = candidates(bytes, from: start, into: &starts) }
            }
        }
        return starts
    }

    /// After a `srcset`'s first candidate, the start of each later one that is a link from the root path;
    /// returns where the value ends.
    private func candidates(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into starts: inout [Int]) -> Int {
        let path = needle.dropFirst(2)
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: ","), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: " ") {
                let candidate = index + 2
                let end = candidate + path.count
                if end < bytes.count, bytes[candidate..<end].elementsEqual(path), bytes[end] != UInt8(ascii: "/") {
                    starts.append(candidate)
                    index = end
                    continue
                }
            }
            index += 1
        }
        return index
    }

    private enum Attribute { case link, srcset }

    /// Whether the attribute whose `=` is at `offset` is a link attribute (or a `srcset`), its value a path
    /// below the root path (not `//host/…`, which a root path of `/` would otherwise take for one), and not
    /// the canonical link.
    private func linkAttribute(_ bytes: UnsafeBufferPointer<UInt8>, equalsAt offset: Int) -> Attribute? {
        let after = offset + needle.count
        if after < bytes.count, bytes[after] == UInt8(ascii: "/") { return nil }
        var nameStart = offset
        while nameStart > 0, Self.isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
        guard nameStart > 0, Self.isSpace(bytes[nameStart - 1]) else { return nil }
        let name = bytes[nameStart..<offset]
        if name.elementsEqual(Self.srcset) { return .srcset }
        guard Self.attributes.contains(where: { $0.elementsEqual(name) }) else { return nil }
        let before = nameStart - Self.canonical.count
        return before >= 0 && bytes[before..<nameStart].elementsEqual(Self.canonical) ? nil : .link
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
    }
}
