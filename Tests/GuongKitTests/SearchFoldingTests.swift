import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// The vectors `theme/assets/search.js` is tested against too (`Tests/browser/folding.test.mjs`):
/// both sides must fold, split, slug and code the same strings the same way.
@Suite struct SearchFoldingTests {
    struct Vectors: Decodable, Sendable {
        struct Case<Output: Decodable & Sendable>: Decodable, Sendable { var input: String; var output: Output }
        struct Postings: Decodable, Sendable { var numbers: [Int]; var text: String }
        struct ShardFile: Decodable, Sendable { var key: String; var output: String }
        var fold: [Case<String>]
        var words: [Case<[String]>]
        var slug: [Case<String>]
        var postings: [Postings]
        var shardFile: [ShardFile]
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/folding-vectors.json")
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    /// Swift's `==` treats NFC and NFD as equal; the script does not, so compare scalars.
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test(arguments: vectors.fold.indices)
    func foldsLikeTheScript(_ index: Int) {
        let vector = Self.vectors.fold[index]
        #expect(Self.scalars(VietnameseFolding.fold(vector.input)) == Self.scalars(vector.output), "\(vector.input)")
    }

    @Test(arguments: vectors.words.indices)
    func splitsWordsLikeTheScript(_ index: Int) {
        let vector = Self.vectors.words[index]
        #expect(SearchText.words(vector.input).map(Self.scalars) == vector.output.map(Self.scalars), "\(vector.input)")
    }

    @Test(arguments: vectors.slug.indices)
    func slugsLikeTheScript(_ index: Int) {
        let vector = Self.vectors.slug[index]
        #expect(VietnameseFolding.slug(vector.input) == vector.output)
    }

    @Test func codesPostingsLikeTheScript() {
        for vector in Self.vectors.postings {
            #expect(PostingsCoding.encode(vector.numbers) == vector.text)
            #expect(PostingsCoding.decode(vector.text) == vector.numbers)
        }
    }

    @Test func namesShardFilesLikeTheScript() {
        for vector in Self.vectors.shardFile {
            #expect(SearchShards.fileName(vector.key) == vector.output)
        }
    }

    @Test func vectorsCoverWhatReadersType() {
        let inputs = Self.vectors.fold.map(\.input).joined()
        for needed in ["đ", "Đ", "ư", "ơ", "ă", "â", "ê", "ô", "\u{0302}", "–", "!"] {
            #expect(inputs.unicodeScalars.contains { String($0) == needed } || inputs.contains(needed), "no vector with \(needed)")
        }
    }

    @Test func postingsCodingRoundTripsAndRefusesGarbage() {
        let numbers = [0, 3, 4, 31, 32, 100, 1023, 1024, 40_000, 2_000_000]
        #expect(PostingsCoding.decode(PostingsCoding.encode(numbers)) == numbers)
        #expect(PostingsCoding.decode("B") == nil)  // ends mid-number
        #expect(PostingsCoding.decode("0\"") == nil)
        #expect(PostingsCoding.gaps([2, 5, 6, 40]) == [2, 3, 1, 34])
    }
}
