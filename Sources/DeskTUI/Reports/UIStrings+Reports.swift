import DeskModel

/// The words of the team lead's report, shared by the Reports screen and `deskterm report`.
extension UIStrings {
    static func reportTitle(_ report: Report, _ language: Language) -> String {
        let period = Phrase.client(one: "Report: {count} day from {day}", other: "Report: {count} days from {day}", count: report.days,
                                   ["day": .text(report.firstDay)]).text(in: language)
        guard let organisation = report.organisation else { return period }
        return period + " · " + Phrase.client("organisation {name}", ["name": .text(organisation)]).text(in: language)
    }

    static func reportTotals(_ report: Report, _ language: Language) -> String {
        Phrase.client("Opened {opened} · Closed {closed} · Backlog {backlog}", [
            "opened": .quantity(Int64(report.openedTotal)), "closed": .quantity(Int64(report.closedTotal)),
            "backlog": .quantity(Int64(report.backlogTotal)),
        ]).text(in: language)
    }

    static func reportPerDayTitle(_ language: Language) -> String { Phrase.client("Opened and closed per day").text(in: language) }
    static func reportBacklogTitle(_ language: Language) -> String { Phrase.client("Backlog by status and urgency").text(in: language) }
    static func reportTimesTitle(_ language: Language) -> String {
        Phrase.client("Response times by support tier (targets in working time)").text(in: language)
    }
    static func reportOrganisationsTitle(_ language: Language) -> String { Phrase.client("Busiest organisations").text(in: language) }
    static func reportAgentsTitle(_ language: Language) -> String { Phrase.client("Agent load").text(in: language) }

    static func reportOpened(_ language: Language) -> String { Phrase.client("opened", context: "report column: tickets opened").text(in: language) }
    static func reportClosed(_ language: Language) -> String { Phrase.client("closed", context: "report column: tickets closed").text(in: language) }
    static func reportOpenNow(_ language: Language) -> String { Phrase.client("open now", context: "report column: tickets not closed").text(in: language) }
    static func reportDay(_ language: Language) -> String { Phrase.client("day", context: "report column").text(in: language) }
    static func reportTotal(_ language: Language) -> String { Phrase.client("total", context: "report column or row").text(in: language) }
    static func reportWithinTarget(_ language: Language) -> String {
        Phrase.client("within target", context: "report column: share of tickets").text(in: language)
    }
    static func reportTickets(_ language: Language) -> String { Phrase.client("tickets", context: "report column: how many").text(in: language) }
    static func reportFirstResponse(_ language: Language) -> String { Phrase.client("first response", context: "report column").text(in: language) }
    static func reportResolution(_ language: Language) -> String { Phrase.client("resolution", context: "report column").text(in: language) }
    static func reportOrganisation(_ language: Language) -> String { Phrase.client("organisation", context: "report column").text(in: language) }
    static func reportAgent(_ language: Language) -> String { Phrase.client("agent", context: "report column").text(in: language) }
    static func reportPeak(_ count: Int, _ language: Language) -> String {
        Phrase.client("peak {count}", context: "report chart: the highest day", ["count": .quantity(Int64(count))]).text(in: language)
    }
    static func reportNothing(_ language: Language) -> String { Phrase.client("none in this period", context: "report").text(in: language) }

    static func reportsTab(_ language: Language) -> String { Phrase.client("Reports", context: "tab").text(in: language) }
    static func reportsPeriodHint(_ language: Language) -> String {
        Phrase.client("period", context: "key hint on the bottom line, short").text(in: language)
    }
    static func reportsRefreshHint(_ language: Language) -> String {
        Phrase.client("recompute", context: "key hint on the bottom line, short").text(in: language)
    }

    static func tierLabel(_ tier: SupportTier, _ language: Language) -> String {
        let phrase = switch tier {
        case .standard: Phrase.client("standard", context: "support tier")
        case .priority: Phrase.client("priority", context: "support tier")
        case .premium: Phrase.client("premium", context: "support tier")
        }
        return phrase.text(in: language)
    }
}
