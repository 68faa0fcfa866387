import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The Reports screen as a reader sees it (#14), whole screens at 80x24 and 132x40: the
/// per-day chart on a colour terminal, plain numbers without colour; the other sections are
/// the same either way.
final class ReportsLiteralScreenTests: XCTestCase {
    func testChartAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, charts: true), """
            """)
    }

    func testPlainNumbersWithoutColourAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, charts: false), """
            """)
    }

    func testScrolledToTheAgentsAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, charts: true, scroll: 100), """
            """)
    }

    func testChartAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, charts: true), """
            """)
    }

    func testPlainNumbersWithoutColourAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, charts: false), """
            """)
    }

    /// The narrowest terminal the client draws in (40 columns): the chart still fits, a
    /// column for a day or two.
    func testChartAtTheNarrowestScreen() {
        assertScreen(ReportFixture.render(size: TerminalSize(columns: 40, rows: 24), charts: true), """
            """)
    }

    /// Narrower than the client draws (`deskterm report` in a narrow terminal): no room for a
    /// chart, so the days are plain numbers even with colour.
    func testPlainNumbersWhereTheChartDoesNotFit() {
        assertReportText(ReportText.lines(ReportFixture.report, width: 26, language: .english, charts: true), """
            """)
    }

    func testJapanesePlainNumbersWhereTheChartDoesNotFit() {
        assertReportText(ReportText.lines(ReportFixture.report, width: 26, language: .japanese, charts: true), """
            """)
    }
}

/// Compares report lines with a literal; `DESKTERM_SCREEN_RECORD=DIR` writes the actual text
/// there, as `assertScreen` does.
func assertReportText(_ lines: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = lines.joined(separator: "\n")
    guard actual != expected else { return }
    if let folder = ProcessInfo.processInfo.environment["DESKTERM_SCREEN_RECORD"] {
        let name = "\(("\(file)" as NSString).lastPathComponent)-\(line).txt"
        try? actual.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    XCTFail("report text differs:\n" + lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n"),
            file: file, line: line)
}
