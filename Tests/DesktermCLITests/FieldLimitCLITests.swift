import DeskModel
import Foundation
import XCTest

/// Over-long text is refused with the field, its length and the limit; nothing is written.
final class FieldLimitCLITests: XCTestCase {
    func testOverLongFieldsAreRefusedAndNothingIsWritten() throws {
        let desk = try makeWorld()
        let subject = String(repeating: "s", count: 5_000)
        assertRefused(desk.run(["new", "--subject", subject, "--body-file", "-"], user: "ann", stdin: "Body"),
                      "The subject is 5,000 characters long; the limit is 200")
        assertRefused(desk.run(["new", "--subject", "Printer", "--product", String(repeating: "p", count: 101), "--body-file", "-"],
                               user: "ann", stdin: "Body"),
                      "The product is 101 characters long; the limit is 100")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [])

        assertSucceeded(desk.run(["new", "--subject", "Printer", "--body-file", "-"], user: "ann", stdin: "Body"), "Created ticket #1\n")
        assertRefused(desk.run(["reply", "1"], user: "bob", stdin: String(repeating: "r", count: 100_001)),
                      "The message is 100,001 characters long; the limit is 100,000")
        XCTAssertEqual(try desk.ticket(1, as: "bob").messages, [])

        assertRefused(desk.run(["org", "add", String(repeating: "o", count: 121)], user: "root"),
                      "The organisation name is 121 characters long; the limit is 120")
        XCTAssertFalse(desk.run(["org", "list"], user: "root").stdout.contains("ooooo"))
    }

    /// A NUL character used to be stored as the text before it, the rest silently lost
    /// (found by hand: `printf 'before\0after' | deskterm reply 3` stored "before").
    func testTextWithANulCharacterIsRefusedAndNothingIsWritten() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", "Printer", "--body-file", "-"], user: "ann", stdin: "Body"), "Created ticket #1\n")
        assertRefused(desk.run(["reply", "1"], user: "bob", stdin: "before\u{0}after"),
                      "The message contains a NUL character (U+0000), which a desk cannot store as text; remove it, or send the file as an attachment")
        XCTAssertEqual(try desk.ticket(1, as: "bob").messages, [])
        assertRefused(desk.run(["new", "--subject", "Scanner", "--body-file", "-"], user: "ann", stdin: "Body\u{0}and the rest"),
                      "The description contains a NUL character (U+0000), which a desk cannot store as text; remove it, or send the file as an attachment")
        XCTAssertEqual(try desk.numbers(["--view", "all"], as: "bob"), [1])
    }
}
