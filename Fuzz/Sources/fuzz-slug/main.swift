// Vietnamese folding and slugs: a slug is ASCII a–z, 0–9 and single inner hyphens, and folding it again changes nothing.
import FuzzSupport
@testable import GuongKit

func fuzzSlug(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let slug = VietnameseFolding.slug(text)
    fuzzCheck(slug.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }, "slug \(slug)")
    fuzzCheck(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "hyphens in \(slug)")
    fuzzCheck(VietnameseFolding.slug(slug) == slug, "slug not stable: \(slug)")
    let key = VietnameseFolding.key(text)
    fuzzCheck(!key.hasPrefix(" ") && !key.hasSuffix(" ") && !key.contains("  "), "key spacing: \(key)")
    _ = VietnameseFolding.fold(text)
    // Item 15 of issue #11: a backslash is a Windows path, whatever else the URL says.
    let target = LinkPolicy.classify(text)
    if text.contains("\\") { fuzzCheck(target == .localFile, "backslash URL classified \(target): \(text)") }
    // Item 8: the identity fold leaves no invisible character (duplicates cannot differ by one).
    let folded = InvisibleCharacters.identityFold(text)
    fuzzCheck(!folded.unicodeScalars.contains(where: InvisibleCharacters.contains), "invisible left in \(folded.debugDescription)")
    return 0
}

runFuzzer { fuzzSlug($0, $1) }
