import XCTest

@testable import DeskModel

/// The limits themselves, how they are worded and how imports shorten a value.
final class FieldLimitsRuleTests: XCTestCase {
    private func text(_ length: Int) -> String { String(repeating: "x", count: length) }

    func testLimitsAndTheirWording() {
        XCTAssertEqual(FieldLimits.grouped(0), "0")
        XCTAssertEqual(FieldLimits.grouped(999), "999")
        XCTAssertEqual(FieldLimits.grouped(1_000), "1,000")
        XCTAssertEqual(FieldLimits.grouped(1_234_567), "1,234,567")
        for field in TextField.allCases {
            let limit = FieldLimits.limit(for: field)
            XCTAssertNoThrow(try FieldLimits.check(text(limit), as: field), field.rawValue)
            XCTAssertEqual(FieldLimits.clipped(text(limit), as: field), nil)
            XCTAssertEqual(FieldLimits.clipped(text(limit + 1), as: field).map(FieldLimits.length), limit)
        }
        // Clipping never splits a grapheme: a wide emoji sequence goes whole or not at all.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        XCTAssertEqual(FieldLimits.clipped(text(196) + family, as: .subject), text(196) + "…")
    }
}
