import DeskModel
import XCTest

@testable import DeskTUI

/// The Reports screen in French and Japanese (#14): no English word left, labels not cut,
/// columns aligned also with wide characters, at 80x24 and 132x40, with and without colour.
final class ReportsTranslatedScreenTests: XCTestCase {
    func testFrenchChartAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .french, charts: true), """
            """)
    }

    func testFrenchPlainNumbersAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, language: .french, charts: false), """
            """)
    }

    func testFrenchScrolledToTheAgentsAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .french, charts: false, scroll: 100), """
            """)
    }

    func testJapanesePlainNumbersAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .japanese, charts: false), """
            """)
    }

    func testJapaneseChartAt132x40() {
        assertScreen(ReportFixture.render(size: Fixture.size132, language: .japanese, charts: true), """
            """)
    }

    func testJapaneseScrolledToTheAgentsAt80x24() {
        assertScreen(ReportFixture.render(size: Fixture.size80, language: .japanese, charts: true, scroll: 100), """
            """)
    }

    func testJapaneseChartAtTheNarrowestScreen() {
        assertScreen(ReportFixture.render(size: TerminalSize(columns: 40, rows: 24), language: .japanese, charts: true), """
            """)
    }
}
