import Foundation

/// The outcome of a check, in the forms the command prints: compiler-style text or JSON.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// How many profile files were checked.
    public var profileCount: Int
    /// The site's drafts (`draft: true`), each named under their own heading so none is forgotten.
    public var drafts: [String]

    public init(diagnostics: [Diagnostic], profileCount: Int, drafts: [String] = []) {
        self.diagnostics = diagnostics.sorted()
        self.profileCount = profileCount
        self.drafts = drafts.sorted()
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// `2 lỗi, 1 cảnh báo trong 41 hồ sơ`
    public var summary: String {
        "\(diagnostics.errorCount) lỗi, \(diagnostics.warningCount) cảnh báo trong \(profileCount) hồ sơ"
            + (drafts.isEmpty ? "" : " (\(drafts.count) hồ sơ nháp chưa đăng)")
    }

    /// One line per problem, `path:line:column: lỗi: message — có phải "x"? [code]`, the drafts under their
    /// own heading, then the summary.
    public func text() -> String {
        var lines = diagnostics.filter { !$0.inDraft }.map(Self.line)
        lines += draftLines()
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    package static func line(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity == .error ? "lỗi" : "cảnh báo"
        var message = diagnostic.message
        if let suggestion = diagnostic.suggestion {
            if message.hasSuffix(".") { message.removeLast() }
            message += " — có phải \"\(suggestion)\"?"
        }
        return printable("\(diagnostic.location): \(severity): \(message) [\(diagnostic.code.rawValue)]")
    }

    /// Messages quote what files contain, and paths are named by schools: control and bidirectional characters
    /// are shown as `\u{1B}` so an escape sequence in a file cannot drive the office's terminal. The one
    /// function for every text printed that a school may have named.
    public static func printable(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if FrontMatterFields.isInvisible(scalar) || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// JSON with the characters `printable` escapes written as `\uXXXX` escapes (JSONEncoder leaves
    /// bidirectional ones raw): the same text for a program, nothing that reorders or drives a terminal.
    static func jsonPrintable(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            // Outside strings JSON has only spaces and line ends, which are left alone.
            if FrontMatterFields.isInvisible(scalar) {
                for unit in String(scalar).utf16 { result += "\\u" + String(format: "%04x", unit) }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The JSON form documented in the README.
    public func json() -> String {
        struct Entry: Encodable {
            var file: String, line: Int, column: Int, severity: String, code: String, message: String
            var suggestion: String?
            var draft: Bool?
            /// The office's file the value was looked up in (`content/units.yaml`): schools' messages say "the list".
            var list: String?
        }
        struct Summary: Encodable { var errors: Int, warnings: Int, profiles: Int, drafts: [String]? }
        struct Document: Encodable { var diagnostics: [Entry], summary: Summary }
        let document = Document(
            diagnostics: diagnostics.map {
                Entry(file: $0.location.path, line: $0.location.line, column: $0.location.column,
                      severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message, suggestion: $0.suggestion,
                      draft: $0.inDraft ? true : nil, list: $0.code.listFile)
            },
            summary: Summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, profiles: profileCount,
                             drafts: drafts.isEmpty ? nil : drafts)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return Self.jsonPrintable(String(decoding: data, as: UTF8.self)) + "\n"
    }
}
