import Foundation
import Testing
@testable import GuongKit

@Suite("Dates as pages show them")
struct SimpleDateTests {
    @Test func theISOAndVietnameseFormsPadWithZeros() {
        let date = SimpleDate(year: 2022, month: 1, day: 5)
        #expect(date.description == "2022-01-05")
        #expect(date.vietnamese == "05/01/2022")
        #expect(SimpleDate(year: 987, month: 12, day: 31).description == "0987-12-31")
    }

    /// The hand-written padding writes what `%0*d` writes, for any number a date can be made with.
    @Test(arguments: [0, 1, 9, 10, 99, 100, 999, 1000, 2025, 9999, 10000, 123_456, -1, -9, -10, -999, -1000, Int.max, Int.min])
    func paddingWritesWhatPrintfWrites(number: Int) {
        #expect(SimpleDate.padded(number, 2) == String(format: "%02ld", number))
        #expect(SimpleDate.padded(number, 4) == String(format: "%04ld", number))
    }
}
