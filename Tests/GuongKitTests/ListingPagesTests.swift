import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// Lists people trust: no page holds a single card left over, and a listing says when an exemplar has
/// more than one card.
@Suite struct ListingPagesTests {
    static func listing(_ count: Int, pageSize: Int, cards: [Int]? = nil) -> Listing {
        let cards = cards ?? Array(0..<count)
        return Listing(entries: cards.map { Listing.Entry(group: "Năm 2022", subgroup: "", card: $0) }, pageSize: pageSize)
    }

    @Test(arguments: 0...45)
    func everyEntryIsOnExactlyOnePageAndNoPageHoldsALoneLeftover(count: Int) {
        let listing = Self.listing(count, pageSize: 20)
        var seen: [Int] = []
        for page in 1...listing.pageCount {
            let range = listing.entryRange(page: page)
            seen += Array(range)
            if listing.pageCount > 1 { #expect(range.count >= 2, "page \(page) of \(count)") }
            #expect(range.count <= 21)
            for index in range { #expect(listing.page(ofEntry: index) == page) }
        }
        #expect(seen == Array(0..<count))
    }

    @Test func theLoneLeftoverJoinsThePageBefore() {
        #expect(Self.listing(21, pageSize: 20).pageCount == 1)
        #expect(Self.listing(22, pageSize: 20).pageCount == 2)
        #expect(Self.listing(41, pageSize: 20).entryRange(page: 2) == 20..<41)
        #expect(Self.listing(1, pageSize: 1).pageCount == 1)
        #expect(Self.listing(3, pageSize: 1).pageCount == 3)
    }

    static func bool(_ value: TemplateValue?) -> Bool? { if case .bool(let b) = value { b } else { nil } }
    static func int(_ value: TemplateValue?) -> Int? { if case .int(let n) = value { n } else { nil } }

    @Test func repeatsCountCardsAndExemplars() {
        let once = Self.listing(3, pageSize: 20).repeats
        #expect(Self.bool(once["any"]) == false)
        let twice = Self.listing(0, pageSize: 20, cards: [4, 7, 4]).repeats
        #expect(Self.bool(twice["any"]) == true)
        #expect(Self.int(twice["cards"]) == 3)
        #expect(Self.int(twice["exemplars"]) == 2)
    }

    @Test func barsAreSharesOfTheLargestInStepsOfFive() {
        #expect(BarWidth.percent(0, of: 10) == 0)
        #expect(BarWidth.percent(10, of: 10) == 100)
        #expect(BarWidth.percent(1, of: 100) == 5)
        #expect(BarWidth.percent(33, of: 100) == 35)
        #expect(BarWidth.percent(5, of: 0) == 0)
        #expect((0...50).allSatisfy { BarWidth.percent($0, of: 50) % 5 == 0 })
    }
}
