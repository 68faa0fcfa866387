import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Japanese, accents and emoji on the real screen: boxes drawn over wide characters leave every
/// row its width, and Ctrl-L repaints a damaged screen.
final class WideTextTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    /// Subjects whose wide characters start on odd and even columns, so a box edge lands on
    /// the second half of one of them whatever the layout.
    static let subjects = [
        "Webhook の署名検証が失敗します",
        "x新入社員20名分のアカウント追加のお願い",
        "xy請求書の宛名変更 😀 donnée été",
        "署名検証 🔥 2026-12-01 • 完了",
    ]

    private func addJapaneseTickets() throws -> [Int64] {
        try desk.addTickets(subjects: Self.subjects)
    }

    func testBoxesOverJapaneseRowsKeepEveryRowItsWidthAndLeaveNoTrace() throws {
        let numbers = try addJapaneseTickets()
        for (columns, rows) in [(100, 30), (80, 24), (132, 40)] {
            try client.start(columns: columns, rows: rows)
            try client.waitForList()
            client.press("5")
            let list = try client.wait(for: "the Japanese rows") { screen in numbers.allSatisfy { screen.row($0) != nil } }
            for number in numbers {
                // At 132 columns the list shares the screen with the detail pane.
                let width = tmuxWidth(list.row(number) ?? "")
                XCTAssertTrue(columns > 100 ? width <= columns : width == columns, "\(columns)x\(rows): row of #\(number)\n\(list)")
            }
            // The help box, then the assign menu of a Japanese ticket, and back.
            for keys in [["?"], ["a"]] {
                if keys != ["?"] {
                    client.press("g")
                    try client.wait(for: "the first row") { $0.selectedNumber == numbers.last }
                }
                client.press(keys[0])
                let boxed = try client.wait(for: "a box after \(keys[0])") { $0.lines.contains { $0.contains("┌") } }
                let top = try XCTUnwrap(boxed.lines.firstIndex { $0.contains("┌") })
                let bottom = try XCTUnwrap(boxed.lines.lastIndex { $0.contains("└") })
                let left = tmuxWidth(String(boxed.lines[top].prefix { $0 != "┌" }))
                for y in 0..<boxed.lines.count {
                    let line = boxed.lines[y]
                    XCTAssertLessThanOrEqual(tmuxWidth(line), columns, "\(columns)x\(rows) after \(keys[0]): row \(y)\n\(boxed)")
                    guard y > top, y < bottom else { continue }
                    let edge = tmuxWidth(String(line.prefix { $0 != "│" }))
                    XCTAssertEqual(edge, left, "\(columns)x\(rows) after \(keys[0]): the box edge of row \(y) is in line\n\(boxed)")
                }
                client.press("Escape")
                let after = try client.wait(for: "the box closed") { !$0.lines.contains { $0.contains("┌") } }
                for number in numbers {
                    XCTAssertEqual(after.row(number), list.row(number), "\(columns)x\(rows) after \(keys[0]): row of #\(number) as before\n\(after)")
                }
            }
        }
    }

    func testControlLRepaintsADamagedScreen() throws {
        _ = try addJapaneseTickets()
        try client.start()
        client.press("5")
        let clean = try client.wait(for: "the All view") { $0.activeTab.hasPrefix("5 All") }
        // Something else writes on the terminal (a wall message, a background job).
        let tty = client.display("#{pane_tty}")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
        handle.write(Data("\u{1B}[5;10HGARBAGE-ON-SCREEN\u{1B}[12;3H署名XX".utf8))
        try handle.close()
        try client.wait(forText: "GARBAGE-ON-SCREEN")

        client.press("C-l")
        let repaired = try client.wait(for: "the screen repainted") { !$0.contains("GARBAGE") && !$0.contains("署名XX") }
        XCTAssertEqual(repaired.lines.dropFirst().dropLast(), clean.lines.dropFirst().dropLast(), "\(repaired)")
    }
}

extension TUIDesk {
    /// New tickets from aisha with these subjects, newest last.
    func addTickets(subjects: [String]) throws -> [Int64] {
        try subjects.map { try newTicket(subject: $0, body: "本文です", as: "alice", extra: ["--requester", "aisha"]) }
    }
}
