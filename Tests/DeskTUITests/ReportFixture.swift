import DeskModel
import Foundation

@testable import DeskTUI

/// A fixed report for the Reports screen's literal tests: the 30 days up to `Fixture.now`
/// (2024-05-03 to 2024-06-01) of a desk with four agents and five busy organisations, one
/// with a Japanese name and one whose name is too long for its column.
enum ReportFixture {
    static let opened = [4, 6, 3, 5, 7, 1, 0, 5, 8, 4, 6, 3, 0, 1, 9, 7, 5, 4, 6, 2, 0, 3, 5, 12, 4, 2, 1, 0, 6, 3]
    static let closed = [2, 5, 4, 4, 6, 0, 1, 4, 6, 5, 5, 4, 1, 0, 6, 8, 5, 5, 4, 2, 0, 4, 4, 7, 6, 3, 0, 1, 5, 2]

    static let report = Report(
        firstDay: "2024-05-03", days: 30, organisation: nil,
        perDay: (0..<30).map { index in
            let day = Fixture.now.addingTimeInterval(TimeInterval(index - 29) * 86_400)
            return ReportDay(day: String(ISO8601DateFormatter().string(from: day).prefix(10)), opened: opened[index], closed: closed[index])
        },
        backlog: [
            ReportBacklog(status: .new, urgency: .critical, count: 2), ReportBacklog(status: .new, urgency: .serious, count: 3),
            ReportBacklog(status: .new, urgency: .none, count: 4), ReportBacklog(status: .open, urgency: .critical, count: 1),
            ReportBacklog(status: .open, urgency: .serious, count: 6), ReportBacklog(status: .open, urgency: .low, count: 5),
            ReportBacklog(status: .open, urgency: .none, count: 1_204), ReportBacklog(status: .awaitingCustomer, urgency: .low, count: 3),
            ReportBacklog(status: .awaitingCustomer, urgency: .none, count: 7), ReportBacklog(status: .pending, urgency: .serious, count: 1),
            ReportBacklog(status: .pending, urgency: .none, count: 2),
        ],
        tiers: [
            ReportTierTimes(tier: .premium, firstResponse: ReportTimes(count: 24, p50Minutes: 18, p90Minutes: 95, met: 22, breached: 2),
                            resolution: ReportTimes(count: 19, p50Minutes: 300, p90Minutes: 2_880, met: 15, breached: 4)),
            ReportTierTimes(tier: .priority, firstResponse: ReportTimes(count: 40, p50Minutes: 42, p90Minutes: 240, met: 33, breached: 7),
                            resolution: .empty),
            ReportTierTimes(tier: .standard, firstResponse: ReportTimes(count: 61, p50Minutes: 125, p90Minutes: 900, met: 48, breached: 13),
                            resolution: ReportTimes(count: 50, p50Minutes: 2_880, p90Minutes: 14_400, met: 39, breached: 11)),
        ],
        busiestOrganisations: [
            ReportOrganisation(name: "Umbra", opened: 38, open: 9),
            ReportOrganisation(name: "Northwind Traders", opened: 27, open: 6),
            ReportOrganisation(name: "東京ロジスティクス", opened: 15, open: 4),
            ReportOrganisation(name: "Café Lumière", opened: 9, open: 2),
            ReportOrganisation(name: "Blue Harbour Shipping and Logistics International Holdings", opened: 8, open: 3),
        ],
        agents: [
            ReportAgent(handle: "ana", open: 14, closed: 41), ReportAgent(handle: "ben", open: 9, closed: 33),
            ReportAgent(handle: "chidi", open: 0, closed: 12), ReportAgent(handle: "yuki", open: 5, closed: 20),
        ])

    /// The Reports screen opened by ana and loaded with `report`, scrolled `scroll` lines down.
    static func state(size: TerminalSize, language: Language = .english, charts: Bool, scroll: Int = 0) -> DeskState {
        var state = Fixture.state(Fixture.agent, size: size)
        state.language = language
        state.drawsCharts = charts
        _ = DeskReducer.reduce(into: &state, .report(.opened))
        _ = DeskReducer.reduce(into: &state, .report(.loaded(report)))
        if scroll != 0 { _ = DeskReducer.reduce(into: &state, .report(.scrolled(by: scroll))) }
        return state
    }

    static func render(size: TerminalSize, language: Language = .english, charts: Bool, scroll: Int = 0) -> Grid {
        Renderer.render(state(size: size, language: language, charts: charts, scroll: scroll), size: size)
    }
}
