import Foundation
import GuongTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemConnect = Glibc.connect
private let systemSend = Glibc.send
#else
private let systemConnect = Darwin.connect
private let systemSend = Darwin.send
#endif

/// A minimal HTTP/1.1 client over a raw socket, with time limits: enough to see redirects as they are,
/// and to read an event stream as it arrives.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Connects to 127.0.0.1:`port`, with reads that give up after `timeout` seconds.
    static func connect(port: Int, timeout: TimeInterval) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw TestFailure("socket: \(errno)") }
        var limit = timeval()
        limit.tv_sec = .init(timeout)
        limit.tv_usec = .init((timeout - floor(timeout)) * 1_000_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw TestFailure("cannot connect to port \(port)")
        }
        return descriptor
    }

    static func send(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { systemSend(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// GET `path`, `Connection: close`, the whole response.
    static func get(port: Int, _ path: String, host: String? = nil, timeout: TimeInterval = 5) throws -> Response {
        let descriptor = try connect(port: port, timeout: timeout)
        defer { close(descriptor) }
        send(descriptor, "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw TestFailure("no HTTP response for \(path)") }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// The preview server's event stream, read on its own thread: every `state` event's data, decoded.
final class EventStream: @unchecked Sendable {
    struct State: Decodable, Equatable {
        var version: String
        var previous: String
        var changed: [String]?
        var builtAt: Int
        var hasSite: Bool
        var problems: [String]
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var received: [State] = []
    private var pending = ""

    init(port: Int) throws {
        descriptor = try RawHTTP.connect(port: port, timeout: 0.2)
        RawHTTP.send(descriptor, "GET /__guong/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count == 0 { return }
                if count < 0 {
                    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                    return
                }
                take(String(decoding: buffer[0..<count], as: UTF8.self))
            }
        }
    }

    deinit { close(descriptor) }

    /// Chunk sizes of the chunked encoding sit between messages; only `data:` lines matter.
    private func take(_ text: String) {
        lock.withLock {
            pending += text
            let lines = pending.components(separatedBy: "\n")
            pending = lines.last ?? ""
            for line in lines.dropLast() where line.hasPrefix("data: ") {
                if let state = try? JSONDecoder().decode(State.self, from: Data(line.dropFirst(6).utf8)) { received.append(state) }
            }
        }
    }

    var states: [State] { lock.withLock { received } }

    /// Waits for a state that satisfies `condition`, received after the first `skip` states.
    func wait(after skip: Int = 0, timeout: TimeInterval = 10, _ condition: (State) -> Bool) -> State? {
        var found: State?
        _ = eventually(timeout: timeout) {
            found = states.dropFirst(skip).first(where: condition)
            return found != nil
        }
        return found
    }
}

/// `guong serve` running on a free port against a site; always stopped by `stop()`.
final class ServeProcess {
    let process = Process()
    private let output: PipeReader
    private let errors: PipeReader
    private(set) var port = 0
    private(set) var basePath = "/"

    init(site: URL, arguments: [String] = []) throws {
        process.executableURL = try guongBinary()
        process.arguments = ["serve", "--site", site.path, "--port", "0"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        output = PipeReader(out)
        errors = PipeReader(err)
        try process.run()
        var url: Substring?
        _ = eventually(timeout: 20) {
            url = output.text.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }
            return url != nil || !process.isRunning
        }
        guard let url, let components = URLComponents(string: String(url)), let port = components.port else {
            stop()
            throw TestFailure("guong serve did not start: \(output.text) \(errors.text)")
        }
        self.port = port
        basePath = components.path
    }

    var stdout: String { output.text }
    var stderr: String { errors.text }

    func get(_ path: String) throws -> RawHTTP.Response { try RawHTTP.get(port: port, path) }

    /// SIGINT (or `signal`), then waits; kills it if it does not stop in time. Returns the exit status.
    @discardableResult
    func stop(signal: Int32 = SIGINT, timeout: TimeInterval = 10) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { stop(signal: SIGKILL) }
}
