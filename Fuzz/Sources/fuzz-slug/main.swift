// Vietnamese folding and slugs: a slug is ASCII a–z, 0–9 and single inner hyphens, and folding it again changes nothing.
import FuzzSupport
import GuongKit

func fuzzSlug(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let slug = VietnameseFolding.slug(text)
    fuzzCheck(slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }, "slug \(slug)")
    fuzzCheck(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "hyphens in \(slug)")
    fuzzCheck(VietnameseFolding.slug(slug) == slug, "slug not stable: \(slug)")
    let key = VietnameseFolding.key(text)
    fuzzCheck(!key.hasPrefix(" ") && !key.hasSuffix(" ") && !key.contains("  "), "key spacing: \(key)")
    _ = VietnameseFolding.fold(text)
    _ = LinkPolicy.classify(text)
    return 0
}

runFuzzer { fuzzSlug($0, $1) }
