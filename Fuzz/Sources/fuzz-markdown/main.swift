// cmark in safe mode, our tree surgery and the cut into sections: never unsafe HTML, positions inside the text.
import FuzzSupport
@testable import GuongKit

func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // As SourceText hands bodies over: line ends already LF.
    let text = SourceText.normalise(String(decoding: fuzzBytes(data, size), as: UTF8.self))
    // As the loaders do: cmark never sees what CmarkBounds refuses (its quadratic cases).
    guard CmarkBounds.lineOverBudget(in: text) == nil else { return 0 }
    let document = CmarkParser.parse(text, firstLine: 9, maxDepth: 32)
    let sections = ProfileSections(document)
    let lineCount = text.utf8.count { $0 == 0x0A } + 1
    for block in document.blocks {
        if let problem = HTMLAudit.problem(in: block.html) { fuzzCheck(false, "block HTML has \(problem): \(block.html.prefix(300))") }
        fuzzCheck(block.position.line >= 9 && block.position.line <= lineCount + 8, "block at line \(block.position.line)")
        for item in block.items {
            if let problem = HTMLAudit.problem(in: item.html) { fuzzCheck(false, "item HTML has \(problem)") }
        }
        fuzzCheck(!block.html.contains("<img"), "an image reached the HTML")
    }
    for position in document.droppedHTML + document.unsafeLinks + document.images.map(\.position) {
        fuzzCheck(position.line >= 9 && position.line <= lineCount + 8 && position.column >= 1, "finding at \(position)")
    }
    _ = sections.achievementItems.count
    return 0
}

runFuzzer { fuzzMarkdown($0, $1) }
