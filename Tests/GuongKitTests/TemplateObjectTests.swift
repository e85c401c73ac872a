import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// An object extending another reads as the two merged, its own values first.
@Suite("Template objects")
struct TemplateObjectTests {
    private let card: TemplateObject = ["name": .text("Tổ Toán"), "url": .text("/ho-so/to-toan/"), "draft": .bool(false)]

    private func text(_ value: TemplateValue?) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }

    @Test func ownValuesComeFirstThenTheExtendedObjects() {
        var page = TemplateObject(extending: card)
        page["name"] = .text("Trang")
        page["number"] = .int(3)
        #expect(text(page["name"]) == "Trang")
        #expect(text(page["url"]) == "/ho-so/to-toan/")
        #expect(Set(page.fields.keys) == ["name", "url", "draft", "number"])
        #expect(text(card["name"]) == "Tổ Toán")
    }

    @Test func removingAValueOfTheExtendedObjectHidesIt() {
        var page = TemplateObject(extending: card)
        page["url"] = .text("")  // empty text is no value
        #expect(page["url"] == nil)
        #expect(Set(page.fields.keys) == ["name", "draft"])
        #expect(text(card["url"]) == "/ho-so/to-toan/")
    }

    @Test func extendingTwiceKeepsTheOrder() {
        let row: TemplateObject = ["number": .int(1), "name": .text("Hàng")]
        let middle: TemplateObject = ["kind": .text("x"), "name": .text("giữa")]
        let merged = row.extending(middle.extending(card))
        #expect(text(merged["name"]) == "Hàng")
        #expect(text(merged["kind"]) == "x")
        #expect(text(merged["url"]) == "/ho-so/to-toan/")
    }

    @Test func aChangedObjectIsNoLongerMemoizable() {
        var object = card.memoized(as: 4)
        #expect(object.memoKey == 4)
        #expect(TemplateObject(extending: object).memoKey == nil)
        object["name"] = .text("Khác")
        #expect(object.memoKey == nil)
    }
}
