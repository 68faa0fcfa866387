import DeskModel
import XCTest

@testable import DeskTUI

/// The Reports screen (#14): opened by agents only, loaded after it says so, laid out at
/// 80x24 and 132x40 in English, French and Japanese, with charts on a colour terminal and
/// plain numbers without colour.
final class ReportsScreenTests: XCTestCase {
    static let report = Report(
        firstDay: "2024-05-01", days: 30, organisation: nil,
        perDay: (0..<30).map { ReportDay(day: String(format: "2024-05-%02d", $0 + 1), opened: $0 % 7, closed: ($0 * 3) % 5) },
        backlog: [ReportBacklog(status: .new, urgency: .critical, count: 3), ReportBacklog(status: .open, urgency: .none, count: 1_204)],
        tiers: [
            ReportTierTimes(tier: .premium, firstResponse: ReportTimes(count: 12, p50Minutes: 45, p90Minutes: 130, met: 11, breached: 1),
                            resolution: ReportTimes(count: 9, p50Minutes: 600, p90Minutes: 2_880, met: 6, breached: 3)),
            ReportTierTimes(tier: .priority, firstResponse: .empty, resolution: .empty),
            ReportTierTimes(tier: .standard, firstResponse: ReportTimes(count: 1, p50Minutes: 5, p90Minutes: 5, met: 1, breached: 0), resolution: .empty),
        ],
        busiestOrganisations: [ReportOrganisation(name: "Umbra\u{1B}[31m", opened: 40, open: 12)],
        agents: [ReportAgent(handle: "ana", open: 7, closed: 20), ReportAgent(handle: "ben", open: 0, closed: 3)])

    private func shown(size: TerminalSize, language: Language = .english, charts: Bool = true) -> DeskState {
        var state = Fixture.state(Fixture.agent, size: size)
        state.language = language
        state.drawsCharts = charts
        XCTAssertEqual(DeskReducer.reduce(into: &state, .report(.opened)), [.report(.load(ReportQuery(days: 30)))])
        _ = DeskReducer.reduce(into: &state, .report(.loaded(Self.report)))
        return state
    }

    func testOpeningLoadingAndPeriodsInTheReducer() {
        var state = Fixture.state(Fixture.agent, size: Fixture.size80)
        XCTAssertEqual(DeskReducer.reduce(into: &state, .report(.opened)), [.report(.load(ReportQuery(days: 30)))])
        XCTAssertEqual(state.reports, ReportsState(days: 30, report: nil, isLoading: true))
        XCTAssertTrue(Renderer.render(state, size: Fixture.size80).text.contains("Loading…"))
        XCTAssertEqual(DeskReducer.reduce(into: &state, .report(.periodStepped(longer: true))), [.report(.load(ReportQuery(days: 90)))])
        // The 30-day report arriving late is dropped: 90 days were asked for since.
        XCTAssertEqual(DeskReducer.reduce(into: &state, .report(.loaded(Self.report))), [])
        XCTAssertEqual(state.reports, ReportsState(days: 90, report: nil, isLoading: true))
        XCTAssertEqual(DeskReducer.reduce(into: &state, .report(.periodStepped(longer: false))), [.report(.load(ReportQuery(days: 30)))])
        _ = DeskReducer.reduce(into: &state, .report(.loaded(Self.report)))
        XCTAssertEqual(state.reports, ReportsState(days: 30, report: Self.report, isLoading: false))
        _ = DeskReducer.reduce(into: &state, .report(.closed))
        XCTAssertNil(state.reports)

        var customer = Fixture.state(Fixture.customer, size: Fixture.size80)
        XCTAssertEqual(DeskReducer.reduce(into: &customer, .report(.opened)), [])
        XCTAssertNil(customer.reports)
        XCTAssertEqual(customer.message, StatusMessage(.error, ReportsNotices.agentsOnly))
        XCTAssertEqual(KeyRouter.route(.character("D"), state: Fixture.state(Fixture.agent, size: Fixture.size80), keymap: .standard,
                                       size: Fixture.size80, restricted: false), [.action(.report(.opened))])
        // A customer's `D` is a key like any unbound one: no report, and no refusal naming it.
        XCTAssertEqual(KeyRouter.route(.character("D"), state: Fixture.state(Fixture.customer, size: Fixture.size80), keymap: .standard,
                                       size: Fixture.size80, restricted: false), [])
    }

    func testLaidOutAtBothSizesInThreeLanguages() {
        for size in [Fixture.size80, Fixture.size132] {
            for language in [Language.english, .french, .japanese] {
                for charts in [true, false] {
                    let grid = Renderer.render(shown(size: size, language: language, charts: charts), size: size)
                    let text = grid.text
                    XCTAssertEqual(text.contains("▁") || text.contains("▃"), charts, "\(size) \(language) charts \(charts)\n\(text)")
                    XCTAssertFalse(text.contains("\u{1B}"), "names are sanitized")
                    XCTAssertTrue(text.contains(UIStrings.reportsTab(language)), text)
                    XCTAssertTrue(text.contains(UIStrings.reportTitle(Self.report, language)), text)
                }
            }
        }
        // 132x40 shows every section at once; 80x24 scrolls to the agents.
        let wide = Renderer.render(shown(size: Fixture.size132), size: Fixture.size132).text
        XCTAssertTrue(wide.contains("Agent load") && wide.contains("Backlog by status and urgency"), wide)
        var narrow = shown(size: Fixture.size80)
        XCTAssertFalse(Renderer.render(narrow, size: Fixture.size80).text.contains("Agent load"))
        _ = DeskReducer.reduce(into: &narrow, .report(.scrolled(by: 100)))
        let bottom = Renderer.render(narrow, size: Fixture.size80).text
        XCTAssertTrue(bottom.contains("Agent load") && bottom.contains("ana"), bottom)
    }
}
