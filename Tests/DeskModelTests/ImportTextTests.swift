import XCTest

@testable import DeskModel

/// The importer's own text rules (bodies and subjects made from them), not the mail parser's.
final class ImportTextTests: XCTestCase {
    func testBodyNormalisation() {
        XCTAssertEqual(ImportText.body("\n\n  \n    indented first line\r\nsecond\r\n\n\n  "), "    indented first line\nsecond")
        XCTAssertEqual(ImportText.body(""), "")
        XCTAssertEqual(ImportText.subject(fromBody: "Short line\nmore"), "Short line")
        let long = String(repeating: "word ", count: 30)
        XCTAssertTrue(ImportText.subject(fromBody: long).hasSuffix("…"))
        XCTAssertLessThanOrEqual(ImportText.subject(fromBody: long).count, 81)
    }
}
