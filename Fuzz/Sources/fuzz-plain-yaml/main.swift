// The plain front-matter reader against Yams: what the plain reader takes, it must read as Yams reads
// it — every key, value, quoting and position — or decline and leave the text to Yams.
import FuzzSupport
@testable import GuongKit

func describe(_ node: YAMLNode?) -> String {
    guard let node else { return "nil" }
    let at = "@\(node.location.line):\(node.location.column)"
    switch node.value {
    case .scalar(let text, let quoted): return "\(quoted ? "q" : "p")\(Array(text.unicodeScalars))\(at)"
    case .sequence(let items): return "[\(items.map(describe).joined(separator: ", "))]\(at)"
    case .mapping(let pairs): return "{\(pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: "; "))}\(at)"
    }
}

func fuzzPlainYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // Front matter as the splitter hands it over: decoded text, LF line ends.
    guard let source = try? SourceText.decode(fuzzBytes(data, size), path: "x.md", limit: 64 * 1024) else { return 0 }
    let yaml = source.text
    guard let plain = YAMLReader().readPlain(yaml, path: "x.md", firstLine: 2) else { return 0 }
    var yams = YAMLReader()
    yams.usesPlainReader = false
    let expected: String
    do { expected = describe(try yams.read(yaml, path: "x.md", firstLine: 2)) } catch { expected = "error \(error.kind)" }
    fuzzCheck(describe(plain) == expected, "plain \(describe(plain))\nyams  \(expected)")
    return 0
}

runFuzzer { fuzzPlainYAML($0, $1) }
