/// The drafts' part of a site's check: a heading, then each draft with its problems (warnings, since a
/// draft is not published) or a line saying it is ready to publish.
extension CheckReport {
    func draftLines() -> [String] {
        let problems = Dictionary(grouping: diagnostics.filter(\.inDraft), by: \.location.path)
        let paths = Set(drafts).union(problems.keys).sorted()
        guard !paths.isEmpty else { return [] }
        var lines = ["Hồ sơ nháp (draft: true) — không đăng lên trang; lỗi của chúng chỉ tính là cảnh báo cho tới khi đổi thành draft: false:"]
        for path in paths {
            if let found = problems[path] {
                lines += found.map(Self.line)
            } else if diagnostics.contains(where: { $0.location.path == path && $0.severity == .error }) {
                // `check FILE` on a draft: its errors are listed above, as errors.
                lines.append(Self.printable("\(path): nháp: còn lỗi (ở trên), hãy sửa trước khi đổi thành `draft: false`."))
            } else {
                lines.append(Self.printable("\(path): nháp: không có lỗi; đổi thành `draft: false` để đăng."))
            }
        }
        return lines
    }
}

extension SiteContent {
    /// Every draft read, whether it passed the check or not.
    public var draftPaths: [String] {
        Set(drafts).union(profiles.lazy.filter(\.draft).map(\.sourcePath)).union(diagnostics.lazy.filter(\.inDraft).map(\.location.path)).sorted()
    }
}
