import Testing
@testable import GuongRender

@Suite("The buffer pages are rendered into")
struct RenderBufferTests {
    /// Pieces of every size, across many growths from the smallest capacity, come out as appended, in order.
    @Test func piecesComeOutAsAppendedAcrossGrowths() {
        var buffer = RenderBuffer(capacity: 1)
        var expected: [UInt8] = []
        for size in 0..<300 {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            if size % 3 == 0 {
                piece.withUnsafeBufferPointer { buffer.append($0) }
            } else if size % 3 == 1 {
                buffer.append(piece)
            } else {
                buffer.append(piece[...])
            }
            expected += piece
            #expect(buffer.count == expected.count)
            #expect(buffer.last == expected.last)
        }
        buffer.append("đã xong")
        expected += Array("đã xong".utf8)
        #expect(buffer.bytes() == expected)
        #expect(buffer.bytes(from: 1000) == Array(expected[1000...]))
        #expect(buffer.withBytes { Array($0) } == expected)

        var other = RenderBuffer()
        #expect(other.isEmpty && other.last == nil)
        other.append(buffer)
        other.append(buffer)
        #expect(other.bytes() == expected + expected)
    }
}
