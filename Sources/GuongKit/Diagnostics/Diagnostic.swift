/// How serious a problem is: errors stop a build, warnings do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in the content, with where it is and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, Comparable {
    public var code: DiagnosticCode
    public var location: SourceLocation
    /// The Vietnamese message a school or the office reads.
    public var message: String
    /// A near match the user probably meant ("có phải …?"), if any.
    public var suggestion: String?
    /// Found in a draft (`draft: true`) while checking a whole site: reported under its own heading, as a
    /// warning, since a draft is never published.
    public var inDraft = false

    public var severity: Severity { inDraft ? .warning : code.severity }

    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.code = code
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.code.rawValue, lhs.message) < (rhs.location, rhs.code.rawValue, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
