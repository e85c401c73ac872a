import Synchronization

/// The addresses the preview answers to: the loopback address and port it printed (127.0.0.1:PORT,
/// localhost:PORT, [::1]:PORT). A web page whose own host name was pointed at 127.0.0.1 (DNS rebinding)
/// sends that name as `Host`, and is refused, so it cannot read the preview, drafts included.
final class PreviewHost: Sendable {
    private let port: Mutex<Int>

    /// `port` is 0 until the server knows the port it listens on; until then every request is refused.
    init(port: Int) {
        self.port = Mutex(port)
    }

    func listening(on port: Int) {
        self.port.withLock { $0 = port }
    }

    /// Whether a request naming `host` (and, if it repeats the header, `others`) is for this preview.
    func allows(_ host: String?, others: [String] = []) -> Bool {
        others.isEmpty && Self.allows(host, port: port.withLock { $0 })
    }

    static func allows(_ host: String?, port: Int) -> Bool {
        guard let host, port > 0 else { return false }
        let lowercased = host.lowercased()
        return ["127.0.0.1", "localhost", "[::1]"].contains { lowercased == "\($0):\(port)" }
    }
}
