/// Bounds on the numbers of the office's files that size the output: a typo (`end: 202500`) must be an
/// error at its line, not two hundred thousand pages.
extension ConfigReader {
    /// Years a plan may name (phase, dates of the plan).
    static let years = 2000...2100
    /// Years one phase may span: the plans run five years; ten leaves room without letting a typo through.
    static let maxPhaseYears = 10
    /// Any quota (per phase, per year).
    static let quotas = 0...10_000

    /// A required whole number under `key`, within `range`.
    mutating func integer(_ node: YAMLNode, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = integer(node, key) else { return nil }
        guard range.contains(value) else {
            diagnostics.append(.configInvalid(node[key]!.location, "\"\(key)\" phải từ \(range.lowerBound) đến \(range.upperBound), không phải \(value)."))
            return nil
        }
        return value
    }

    /// An optional whole number under `key`, within `range`; nil when absent or wrong (then reported).
    mutating func optionalInteger(_ node: YAMLNode?, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node, node[key] != nil else { return nil }
        return integer(node, key, in: range)
    }
}

extension ConfigReader {
    /// Whether an id that becomes a folder of the site (`don-vi/<id>/`) is short enough; reported if not.
    mutating func fitsPath(_ id: String, what: String, at: SourceLocation) -> Bool {
        guard id.utf8.count > limits.pathSegmentBytes else { return true }
        diagnostics.append(.pathTooLong(at, what: what, value: id, bytes: id.utf8.count, limit: limits.pathSegmentBytes))
        return false
    }
}
