import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

@Suite("Splitting a profile at its --- fences")
struct FrontMatterSplitTests {
    @Test func yamlBetweenTheFencesAndTheBodyAfter() throws {
        let split = try FrontMatterSplit.split("---\nkind: individual\nname: An\n---\n\nLời giới thiệu.\n")
        #expect(split.yaml == "kind: individual\nname: An")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nLời giới thiệu.\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func threeDotsCloseTheFrontMatterToo() throws {
        let split = try FrontMatterSplit.split("---\nkind: individual\n...\nThân bài.")
        #expect(split.yaml == "kind: individual")
        #expect(split.body == "Thân bài.")
        #expect(split.bodyFirstLine == 4)
    }

    @Test("A file that does not open with a --- line has no front matter",
          arguments: ["kind: individual\n---\n", "", "\n---\nkind: x\n---\n", " ---\nkind: x\n---\n", "----\nkind: x\n----\n"])
    func missingOpeningFence(text: String) {
        #expect(throws: FrontMatterSplit.Problem.missing) { try FrontMatterSplit.split(text) }
    }

    @Test("An opening --- that is never closed", arguments: ["---", "---\n", "---\nkind: x\nname: An\n\nNội dung.\n", "---\nkind: x\n----\n"])
    func unclosed(text: String) {
        #expect(throws: FrontMatterSplit.Problem.unclosed) { try FrontMatterSplit.split(text) }
    }

    @Test func emptyFrontMatter() throws {
        let split = try FrontMatterSplit.split("---\n---\nThân bài.")
        #expect(split.yaml == "")
        #expect(split.body == "Thân bài.")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func closingFenceOnTheLastLineLeavesAnEmptyBody() throws {
        let split = try FrontMatterSplit.split("---\nkind: x\n---")
        #expect(split.yaml == "kind: x")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 4)
    }

    @Test("bodyFirstLine is the file line of the body's first line",
          arguments: [
            "---\na: 1\n---\nX\nY",
            "---\na: 1\nb: 2\nc: 3\n---\nX",
            "---\n\n\na: 1\n\n---\nX\n---\nY",
          ])
    func bodyFirstLineMatchesTheFile(text: String) throws {
        let split = try FrontMatterSplit.split(text)
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fileLines[split.bodyFirstLine - 1] == "X")
        #expect(split.body.hasPrefix("X"))
    }

    @Test func laterFencesBelongToTheBody() throws {
        let split = try FrontMatterSplit.split("---\na: 1\n---\nTrên\n---\nDưới")
        #expect(split.yaml == "a: 1")
        #expect(split.body == "Trên\n---\nDưới")
    }

    @Test func fencesMayCarryTrailingSpacesAndTabs() throws {
        let split = try FrontMatterSplit.split("---  \t\nkind: x\n--- \nThân bài.")
        #expect(split.yaml == "kind: x")
        #expect(split.body == "Thân bài.")
        #expect(split.bodyFirstLine == 4)
    }
}
