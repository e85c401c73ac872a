import Foundation
@testable import GuongKit
import Testing

/// `guong serve` answers only requests for the address it printed: a page elsewhere that points its own
/// host name at 127.0.0.1 (DNS rebinding) must not read the preview, drafts included.
@Suite("guong serve: the Host header", .serialized, .timeLimit(.minutes(2)))
struct ServeHostTests {
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

    @Test func theServerRefusesAnotherHost() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let server = try ServeProcess(site: site.root)
        defer { server.stop() }
        let port = server.port
        #expect(try RawHTTP.get(port: port, "/dien-hinh/").status == 200)
        #expect(try RawHTTP.get(port: port, "/dien-hinh/", host: "localhost:\(port)").status == 200)
        for host in ["rebound.example:\(port)", "127.0.0.1", "127.0.0.1:\(port + 1)", "localhost"] {
            let response = try RawHTTP.get(port: port, "/dien-hinh/", host: host)
            #expect(response.status == 421, "\(host)")
            #expect(!response.body.contains("Điển hình tiên tiến"), "\(host)")
        }
        #expect(try RawHTTP.get(port: port, "/__guong/events", host: "rebound.example:\(port)").status == 421)
        #expect(try RawHTTP.get(port: port, "/__guong/live.js", host: "rebound.example:\(port)").status == 421)
    }
}
