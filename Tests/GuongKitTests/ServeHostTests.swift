import Foundation
import Testing
import GuongTestSupport

/// `guong serve` answers only requests for the address it printed: a page elsewhere that points its own
/// host name at 127.0.0.1 (DNS rebinding) must not read the preview, drafts included.
@Suite("guong serve: the Host header", .serialized, .timeLimit(.minutes(2)))
struct ServeHostTests {
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
