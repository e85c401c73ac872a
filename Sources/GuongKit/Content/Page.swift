import Foundation

/// A free page of the site (`content/pages/*.md`): giới thiệu, kế hoạch …
public struct Page: Sendable {
    /// The URL segment, from the file name.
    public var slug: String
    public var title: String
    /// Position in menus; lower comes first.
    public var order: Int
    public var blocks: [MarkdownBlock]
    public var location: SourceLocation

    public var html: String { blocks.map(\.html).joined() }
    public var summary: String { blocks.first { $0.kind == .paragraph }?.text ?? "" }
}

extension Page {
    /// Reads a page: front matter with `title` (and optional `order`), then Markdown.
    static func load(_ file: ContentFile, limits: Limits, contentRoot: URL) -> (Page?, [Diagnostic]) {
        let source: SourceText
        switch file.read(limits: limits) {
        case .success(let text): source = text
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let split: FrontMatterSplit
        do {
            split = try FrontMatterSplit.split(source.text)
        } catch {
            return (nil, [error == .missing ? .frontMatterMissing(file.start) : .frontMatterUnclosed(file.start)])
        }
        let root: YAMLNode?
        do {
            root = try YAMLReader().read(split.yaml, path: file.displayPath, firstLine: split.yamlFirstLine)
        } catch {
            return (nil, [Diagnostic(yamlProblem: error)])
        }
        guard let title = root?["title"]?.scalar ?? root?["tiêu đề"]?.scalar, !title.isEmpty else {
            return (nil, [.pageInvalid(file.start, "trang thiếu khóa \"title\" (tiêu đề).")])
        }
        let slug = VietnameseFolding.slug(file.url.deletingPathExtension().lastPathComponent)
        guard !slug.isEmpty, !SitePaths.reserved.contains(slug) else {
            return (nil, [.pageInvalid(file.start, "tên tệp \"\(file.url.lastPathComponent)\" trùng với một mục của trang (\(SitePaths.reserved.sorted().joined(separator: ", "))); hãy đổi tên tệp.")])
        }
        guard slug.utf8.count <= limits.pathSegmentBytes else {
            return (nil, [.pathTooLong(file.start, what: "tên tệp", value: file.url.lastPathComponent, bytes: slug.utf8.count,
                                       limit: limits.pathSegmentBytes)])
        }
        let order = root?["order"]?.scalar.flatMap { Int($0) } ?? 100
        if let line = CmarkBounds.lineOverBudget(in: split.body) {
            return (nil, [.markdownTooComplex(SourceLocation(path: file.displayPath, line: split.bodyFirstLine + line, column: 1))])
        }
        let markdown = CmarkParser.parse(split.body, firstLine: split.bodyFirstLine, maxDepth: limits.markdownDepth)
        if let position = markdown.tooDeep {
            return (nil, [.markdownTooDeep(SourceLocation(path: file.displayPath, line: position.line, column: position.column),
                                           limit: limits.markdownDepth)])
        }
        // Pages are the office's, but the promises are a profile's: the same findings, and a link to a file
        // on someone's computer keeps the page off the site.
        let diagnostics = markdown.findings(in: file, contentRoot: contentRoot, depthLimit: limits.markdownDepth)
        if diagnostics.contains(where: { $0.code == .linkOutside }) { return (nil, diagnostics) }
        return (Page(slug: slug, title: title, order: order, blocks: markdown.blocks, location: file.start), diagnostics)
    }
}
