import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The position (`37/200`) is shortened rather than dropped when the subject column is too
/// narrow for its whole form (`999993/1M`, then `999.9k/1M`).
final class PositionShortFormTests: XCTestCase {
    private func millionDesk(columns: Int, viewer: Viewer = Fixture.agent) -> DeskState {
        var state = JumpAndPositionScreenTests.deepInAView(size: TerminalSize(columns: columns, rows: 12))
        state.viewer = viewer
        state.counts[.active] = 1_234_567
        state.list.rowsAboveWindow = 1_234_000
        return state
    }

    func testCompactCounts() {
        XCTAssertEqual(CompactCount.text(999), "999")
        XCTAssertEqual(CompactCount.text(9_999), "9999")
        XCTAssertEqual(CompactCount.text(12_345), "12.3k")
        XCTAssertEqual(CompactCount.text(20_000), "20k")
        XCTAssertEqual(CompactCount.text(999_993), "999k")
        XCTAssertEqual(CompactCount.text(99_999), "99.9k")
        XCTAssertEqual(CompactCount.text(1_000_000), "1M")
        XCTAssertEqual(CompactCount.text(1_234_567), "1.2M")
        XCTAssertEqual(CompactCount.text(12_999_999), "12.9M")
        XCTAssertEqual(CompactCount.text(123_456_789), "123M")
    }

    func testAShortFormShowsWhereTheWholeOneDoesNot() {
        var shown: Set<String> = []
        for viewer in [Fixture.agent, Fixture.customer] {
            for columns in 40...200 {
                let header = Renderer.render(millionDesk(columns: columns, viewer: viewer), size: TerminalSize(columns: columns, rows: 12)).rowText(1)
                let form = ["1234003/1234567", "1234003/1.2M", "1.2M/1.2M"].first { header.contains($0) }
                XCTAssertNotNil(form, "\(columns) columns: \(header)")
                form.map { _ = shown.insert($0) }
            }
        }
        XCTAssertEqual(shown, ["1234003/1234567", "1234003/1.2M", "1.2M/1.2M"])
        // The shortest form when even the count's short form does not fit.
        XCTAssertEqual(ListPane.subjectHeader(["1234003/1234567", "1234003/1.2M", "1.2M/1.2M"], width: 10), " 1.2M/1.2M")
        XCTAssertEqual(ListPane.subjectHeader(["37/200"], width: 4), "SUB…")
    }

    func testAt40ColumnsTheTotalIsShortened() {
        assertScreen(Renderer.render(millionDesk(columns: 40), size: TerminalSize(columns: 40, rows: 12)), """
             ana  1  2 Act 1234567  3  4  5  newest
                 # STATUS    1234003/1234567 UPDATED
             #1042 open     VPN drops every…      5m
             #1041 new      Invoice shows t…      3h
             #1040 awaiting Cannot export t…      2d
             #1039 pending  Mail server dow…      3w
             #1038 closed   Password reset …      1y
            
            
            
            
             enter open  r reply  i note  ? help
            """)
        assertScreen(Renderer.render(millionDesk(columns: 40, viewer: Fixture.customer), size: TerminalSize(columns: 40, rows: 12)), """
             1  2 Act 1234567  3  4  5       newest
                 # STATUS          1.2M/1.2M UPDATED
             #1042 Open          VPN drops …      5m
             #1041 Open          Invoice sh…      3h
             #1040 Action needed Cannot exp…      2d
             #1039 Solution      Mail serve…      3w
             #1038 Closed        Password r…      1y
            
            
            
            
             enter open  r reply  S status  ? help
            """)
    }
}
