/// The client's Reports screen (#14), for agents: the team lead's report over a period the
/// agent steps through, loaded after the screen saying so is drawn.
public struct ReportsState: Equatable, Sendable {
    /// The periods `[` and `]` step through, in days.
    public static let periods = [7, 30, 90, 365]

    public var days: Int
    /// The report shown; nil until the first one arrives.
    public var report: Report?
    /// A report for `days` is being computed.
    public var isLoading: Bool
    /// The first line on screen.
    public var scroll = 0

    public init(days: Int = 30, report: Report? = nil, isLoading: Bool = true) {
        self.days = days
        self.report = report
        self.isLoading = isLoading
    }
}

public enum ReportsAction: Equatable, Sendable {
    case opened
    /// `]` a longer period, `[` a shorter one.
    case periodStepped(longer: Bool)
    case refreshed
    case scrolled(by: Int)
    case closed
    case loaded(Report)
    case loadFailed(days: Int)
}

public enum ReportsEffect: Equatable, Sendable {
    case load(ReportQuery)
}

public enum ReportsNotices {
    public static let agentsOnly = Phrase.model("Reports are for agents")
}

/// The Reports screen's rules: only staff open it (the desk refuses customers too).
extension DeskReducer {
    static func reduceReports(_ state: inout DeskState, _ action: ReportsAction) -> [DeskEffect] {
        switch action {
        case .opened:
            guard state.viewer.isStaff else {
                state.message = StatusMessage(.error, ReportsNotices.agentsOnly)
                return []
            }
            let days = state.reports?.days ?? 30
            state.reports = ReportsState(days: days, report: state.reports?.report)
            return [.report(.load(ReportQuery(days: days)))]

        case .periodStepped(let longer):
            guard var reports = state.reports else { return [] }
            let periods = ReportsState.periods
            let index = periods.firstIndex(of: reports.days) ?? 1
            let next = periods[min(periods.count - 1, max(0, index + (longer ? 1 : -1)))]
            guard next != reports.days else { return [] }
            reports.days = next
            reports.isLoading = true
            state.reports = reports
            return [.report(.load(ReportQuery(days: next)))]

        case .refreshed:
            guard state.reports != nil else { return [] }
            state.reports?.isLoading = true
            return [.report(.load(ReportQuery(days: state.reports?.days ?? 30)))]

        case .scrolled(let delta):
            guard var reports = state.reports else { return [] }
            reports.scroll = max(0, reports.scroll + delta)
            state.reports = reports
            return []

        case .closed:
            state.reports = nil
            return []

        case .loaded(let report):
            // A report for a period no longer asked for is dropped; the one asked for follows.
            guard var reports = state.reports, report.days == reports.days else { return [] }
            reports.report = report
            reports.isLoading = false
            state.reports = reports
            return []

        case .loadFailed(let days):
            if state.reports?.days == days { state.reports?.isLoading = false }
            return []
        }
    }
}

extension DeskRuntime {
    func performReport(_ effect: ReportsEffect) -> [DeskAction] {
        switch effect {
        case .load(let query):
            do {
                return [.report(.loaded(try store.report(query, viewer: viewer)))]
            } catch {
                return [.report(.loadFailed(days: query.days)), .failed(error)]
            }
        }
    }
}
