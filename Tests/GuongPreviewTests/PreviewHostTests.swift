import Testing
@testable import GuongPreview

/// The addresses the preview answers to (the server itself is tried in `ServeHostTests`).
@Suite("PreviewHost")
struct PreviewHostTests {
    @Test("The loopback names with the printed port are this preview", arguments: ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000", "[::1]:4000"])
    func allowed(_ host: String) {
        #expect(PreviewHost.allows(host, port: 4000))
    }

    @Test("Any other Host is refused", arguments: [
        "evil.example:4000", "evil.example", "127.0.0.1", "127.0.0.1:4001", "localhost", "localhost.:4000", "127.0.0.2:4000",
        "localhost:4000.evil.example", "evil.localhost:4000", "[::1]", "0.0.0.0:4000", "127.0.0.1:4000 ", "127.0.0.1:04000", "",
    ])
    func refused(_ host: String) {
        #expect(!PreviewHost.allows(host, port: 4000))
    }

    @Test func noHostAndAnUnknownPortAreRefused() {
        #expect(!PreviewHost.allows(nil, port: 4000))
        #expect(!PreviewHost.allows("127.0.0.1:0", port: 0))
        #expect(!PreviewHost(port: 4000).allows("127.0.0.1:4000", others: ["evil.example"]))
    }
}
