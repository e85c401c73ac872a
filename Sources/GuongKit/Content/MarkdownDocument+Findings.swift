import Foundation

extension MarkdownDocument {
    /// What a body holds that will not reach the page as written, for profiles and free pages alike:
    /// nesting past the limit, raw HTML, unsafe links, links out of the site, images.
    func findings(in file: ContentFile, contentRoot: URL, depthLimit: Int) -> [Diagnostic] {
        let at = { (position: TextPosition) in SourceLocation(path: file.displayPath, line: position.line, column: position.column) }
        var diagnostics: [Diagnostic] = []
        if let position = tooDeep { diagnostics.append(.markdownTooDeep(at(position), limit: depthLimit)) }
        diagnostics += droppedHTML.map { .htmlDropped(at($0)) }
        diagnostics += unsafeLinks.map { .linkUnsafe(at($0)) }
        diagnostics += ProfileParser.linksOutside(self, file: file, contentRoot: contentRoot)
        diagnostics += images.map { .imageIgnored(at($0.position)) }
        return diagnostics
    }
}
