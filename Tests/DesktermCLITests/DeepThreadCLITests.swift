import DeskModel
import Foundation
import XCTest

/// `show` on a reply chain 20,000 deep: the text grows with the messages, not their square.
final class DeepThreadCLITests: XCTestCase {
    func testShowOfATwentyThousandDeepChainIsLinearInSize() throws {
        let desk = try makeWorld()
        let depth = 20_000
        // Built by the importer, which takes 20,000 messages in seconds (the workflow's checks
        // per reply would take minutes). A turn answers the one before it unless told otherwise;
        // the first turn is the ticket's description, the rest its history.
        let turns = (0...depth).map { index in
            let (role, email) = index.isMultiple(of: 2) ? ("customer", "ann@acme.example") : ("agent", "bob@desk.example")
            let time = Date(timeIntervalSince1970: 1_709_283_600 + Double(index * 60)).ISO8601Format()
            return #"{"role": "\#(role)", "email": "\#(email)", "time": "\#(time)", "text": "step \#(index)"}"#
        }
        let conversation = #"{"id": "deep", "subject": "Deep chain", "organisation": "Acme Corp", "turns": ["#
            + turns.joined(separator: ", ") + "]}\n"
        let imported = desk.run(["import", "json", try desk.write("deep.jsonl", conversation)], user: "root")
        XCTAssertEqual(imported.status, 0, "\(imported)")

        let start = Date()
        let result = desk.run(["show", "1"], user: "bob")
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(result.status, 0, "exit \(result.status): \(result.stderr)")
        XCTAssertEqual(result.stderr, "")
        // A header and a body line per message: each under 100 bytes once the indent is capped
        // (before, the 20,000th header alone had 40,000 columns of prefix: 800 MB in all).
        XCTAssertLessThan(result.stdoutData.count, depth * 100 * 2)
        guard result.stdoutData.count < depth * 100 * 2 else { return }  // not worth splitting
        let lines = result.lines
        XCTAssertTrue(lines.contains("History (20,000 messages)"))
        // The deepest reply: 11 blank levels, its branch and depth, then its header.
        let deepest = try XCTUnwrap(lines.first { $0.contains("[19999]●") })
        XCTAssertEqual(deepest, String(repeating: " ", count: 22) + "└─[19999]● [20000] Ann Acme (customer) · 2024-03-15 06:20 UTC")
        XCTAssertEqual(lines.last, String(repeating: " ", count: 22 + 2 + 7 + 2) + "step 20000")
        XCTAssertLessThan(seconds, 20, "show took \(seconds) s")
    }
}
