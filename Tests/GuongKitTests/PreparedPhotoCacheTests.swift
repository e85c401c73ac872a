import Foundation
import Testing
@testable import GuongKit

/// A prepared photo as the parse cache keeps it (`PreparedPhoto+Cache.swift`): read back as written, and a file
/// name that is not one name in its entry's folder refused.
@Suite("Photos: a prepared photo in the parse cache")
struct PreparedPhotoCacheTests {
    static let photo = PreparedPhoto(width: 4000, height: 3000, isVector: false, files: [
        .init(name: "anh-160.webp", width: 160, height: 120, stamp: .init(size: 1894, seconds: 1_796_176_104, nanoseconds: 638_538_986)),
        .init(name: "anh-160.jpg", width: 160, height: 120, stamp: .init(size: 3274, seconds: 1_796_176_104, nanoseconds: 0)),
        .init(name: "anh-chia-se.jpg", width: 1200, height: 630),
    ], folderPath: "/site/.guong-cache/photos/0123-abcd")

    static func written(_ photo: PreparedPhoto) -> [UInt8] {
        var writer = CacheWriter()
        writer.add(photo)
        return writer.bytes
    }

    @Test func aPhotoIsReadBackAsWritten() throws {
        var reader = CacheReader(Self.written(Self.photo))
        let read = try reader.preparedPhoto(folderPath: Self.photo.folderPath)
        #expect(read == Self.photo)
        #expect(reader.isAtEnd)
        #expect(read.sizes("jpg").map(\.name) == ["anh-160.jpg"])
        var vector = Self.photo
        vector.isVector = true
        var again = CacheReader(Self.written(vector))
        #expect(try again.preparedPhoto(folderPath: "/x") == PreparedPhoto(width: 4000, height: 3000, isVector: true, files: vector.files, folderPath: "/x"))
    }

    @Test(arguments: ["", ".", "..", "../anh.jpg", "a/b.jpg"])
    func aFileNameThatLeavesTheEntryIsRefused(_ name: String) throws {
        var photo = Self.photo
        photo.files[1].name = name
        var reader = CacheReader(Self.written(photo))
        #expect(throws: CacheReader.Malformed.self) { try reader.preparedPhoto(folderPath: "/x") }
    }

    @Test func aPhotoCutShortIsRefused() throws {
        let bytes = Self.written(Self.photo)
        var reader = CacheReader(Array(bytes.dropLast(3)))
        #expect(throws: CacheReader.Malformed.self) { try reader.preparedPhoto(folderPath: "/x") }
    }
}
