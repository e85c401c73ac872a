import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Folder walk")
struct FolderWalkTests {
    @Test func listsFilesBelowAFolderWithoutFollowingLinksToFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guong-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("ho-so"), outside = root.appendingPathComponent("ngoai")
        for path in ["ho-so/truong-a/lop-1", "ho-so/.an", "ngoai"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        for path in ["ho-so/a.md", "ho-so/truong-a/b.md", "ho-so/truong-a/lop-1/c.md", "ho-so/.an/d.md", "ho-so/.e.md", "ngoai/f.md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(path))
        }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("thu-muc"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("lien-ket.md"),
                                                   withDestinationURL: outside.appendingPathComponent("f.md"))
        let entries = FolderWalk.files(in: folder.path)
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.isLink) })
        #expect(byPath == ["a.md": false, "truong-a/b.md": false, "truong-a/lop-1/c.md": false,
                           "thu-muc": true, "lien-ket.md": true])
        #expect(FolderWalk.files(in: root.appendingPathComponent("khong-co").path).isEmpty)
    }
}

@Suite("Markdown file names")
struct MarkdownNameTests {
    @Test(arguments: [("a.md", true), ("A.MD", true), ("ho-so.Markdown", true), ("a.md.bak", false), ("md", false),
                      ("a.mdx", false), ("a.txt", false), ("Nguyễn Văn A.md", true), ("a.", false)])
    func recognised(name: String, expected: Bool) {
        #expect(SiteLoader.isMarkdownName(name) == expected)
    }
}
