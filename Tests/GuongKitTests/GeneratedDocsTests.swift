import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Docs made from the code: a test fails while they differ from what the code gives, and
/// `GUONG_RECORD=1 swift test` rewrites them (then review the diff).
@Suite("Generated docs")
struct GeneratedDocsTests {
    static let recording = ProcessInfo.processInfo.environment["GUONG_RECORD"] == "1"

    /// Replaces what lies between the line that starts with `<!-- name:` and `<!-- /name -->` in `file`,
    /// or reports the first line that differs.
    static func check(_ file: URL, block name: String, generated: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let open = text.range(of: "<!-- \(name):"),
              let openEnd = text[open.upperBound...].range(of: "-->\n"),
              let close = text.range(of: "\n<!-- /\(name) -->", range: openEnd.upperBound..<text.endIndex) else {
            Issue.record("\(file.lastPathComponent) has no <!-- \(name): … --> … <!-- /\(name) --> block", sourceLocation: sourceLocation)
            return
        }
        let current = String(text[openEnd.upperBound..<close.lowerBound])
        if current == generated { return }
        if recording {
            try Data((text[..<openEnd.upperBound] + generated + text[close.lowerBound...]).utf8).write(to: file)
            return
        }
        let first = zip(current.split(separator: "\n", omittingEmptySubsequences: false),
                        generated.split(separator: "\n", omittingEmptySubsequences: false)).first { $0 != $1 }
        Issue.record("""
            \(file.lastPathComponent)'s \(name) block differs from the code; run GUONG_RECORD=1 swift test and review the diff.
            first difference: \(first.map { "\"\($0.0)\" should be \"\($0.1)\"" } ?? "one is longer")
            """, sourceLocation: sourceLocation)
    }

    @Test("every diagnostic code has a summary for the README")
    func everyCodeHasASummary() {
        let missing = DiagnosticCode.allCases.filter { ($0.summary ?? "").isEmpty }.map(\.rawValue)
        #expect(missing.isEmpty, "add a summary in DiagnosticCode+Summary.swift for: \(missing)")
    }

    @Test("the README's table of diagnostic codes is the one the code gives")
    func readmeCodeTable() throws {
        let table = DiagnosticCodeTable.markdown
        #expect(table.contains("`site.too-many-profiles` | error"))
        #expect(table.components(separatedBy: "\n").count == DiagnosticCode.allCases.count + 2)
        try Self.check(Fixtures.packageRoot.appendingPathComponent("README.md"), block: "diagnostic-codes", generated: table)
    }
}
