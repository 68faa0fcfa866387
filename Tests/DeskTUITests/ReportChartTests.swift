import DeskModel
import XCTest

@testable import DeskTUI

/// The per-day chart where the period has more days than the chart has columns (a year at
/// 80 columns, a month at 40): each column stands for its busiest day, so the scale is still
/// the "peak" written beside it and a quiet year is not drawn as a wall of full blocks.
final class ReportChartTests: XCTestCase {
    /// Two tickets a day for a year, ten on one day.
    static let year: Report = {
        let days = (0..<365).map { index -> ReportDay in
            let day = String(format: "2024-%02d-%02d", index / 31 + 1, index % 31 + 1)
            return ReportDay(day: day, opened: index == 200 ? 10 : 2, closed: 0)
        }
        return Report(firstDay: "2024-01-01", days: 365, organisation: nil, perDay: days, backlog: [], tiers: [],
                      busiestOrganisations: [], agents: [])
    }()

    func testColumnsOfSeveralDaysAreScaledToTheBusiestDay() {
        let lines = ReportText.perDay(Self.year, width: 78, language: .english, charts: true)
        XCTAssertEqual(lines.count, 4, lines.joined(separator: "\n"))
        let bars = String(lines[1].dropFirst("opened ".count).dropLast(" peak 10".count))
        XCTAssertEqual(bars.count, 63, lines[1])
        XCTAssertEqual(bars.filter { $0 != "▂" }, "█", "every column two a day but the one with the day of ten: \(lines[1])")
        XCTAssertEqual(lines[2], "closed", "nothing closed: no bars")
    }
}
