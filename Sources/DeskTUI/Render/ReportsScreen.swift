import DeskModel

/// The Reports screen over the panes (agents): a "Reports" tab on the top bar, the period,
/// and the report's lines (`ReportText`) scrolled by the reader.
enum ReportsScreen {
    static func draw(_ state: DeskState, into grid: inout Grid) {
        guard let reports = state.reports, grid.height > 3 else { return }
        let language = state.language
        drawTab(state, into: &grid)
        let rect = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
        grid.fill(rect, style: .normal)
        guard let report = reports.report else {
            grid.write(UIStrings.loading(language), x: rect.x + 1, y: rect.y, style: .dim, limit: rect.width - 2)
            return
        }
        let lines = ReportText.lines(report, width: rect.width - 2, language: language, charts: state.drawsCharts)
        let first = visibleFirstLine(reports, lineCount: lines.count, rows: rect.height)
        for (row, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            let isHeading = first + row == 0 || (first + row > 0 && lines[first + row - 1].isEmpty && !line.hasPrefix(" "))
            grid.write(line, x: rect.x + 1, y: rect.y + row, style: isHeading ? .heading : .normal, limit: rect.width - 2)
        }
        if reports.isLoading {
            let loading = UIStrings.loading(language)
            let x = max(rect.x + 1, rect.maxX - DisplayWidth.of(loading) - 1)
            grid.write(loading, x: x, y: rect.y, style: .dim, limit: rect.maxX - x)
        }
    }

    /// The scroll kept within the lines: the last screenful at most.
    static func visibleFirstLine(_ reports: ReportsState, lineCount: Int, rows: Int) -> Int {
        min(reports.scroll, max(0, lineCount - rows))
    }

    /// "Reports" as the active tab, right of the top bar's last tab where there is room.
    static func drawTab(_ state: DeskState, into grid: inout Grid) {
        let layout = TopBarLayout(state, width: grid.width)
        let end = max(layout.tabs.map(\.columns.upperBound).max() ?? 0, layout.savedTabs.map(\.columns.upperBound).max() ?? 0)
        let label = " " + UIStrings.reportsTab(state.language) + " "
        guard end + 1 + DisplayWidth.of(label) <= grid.width else { return }
        // The list's sort label is not the report's, and the tab would cut it short.
        grid.fill(Rect(x: end + 1, y: 0, width: grid.width - end - 1, height: 1), style: .bar)
        grid.write(label, x: end + 1, y: 0, style: .tabActive)
    }
}

/// Keys of the Reports screen: scrolling, `[` and `]` for the period, `r` to recompute, Esc or q to close.
enum ReportKeys {
    /// Nil when the Reports screen is not up.
    static func route(_ key: Key, state: DeskState) -> [KeyOutcome]? {
        guard state.reports != nil else { return nil }
        let page = max(1, state.size.rows - 4)
        switch key {
        case .escape, .character("q"), .character("D"): return [.action(.report(.closed))]
        case .down, .character("j"): return [.action(.report(.scrolled(by: 1)))]
        case .up, .character("k"): return [.action(.report(.scrolled(by: -1)))]
        case .pageDown, .character(" "): return [.action(.report(.scrolled(by: page)))]
        case .pageUp, .character("b"): return [.action(.report(.scrolled(by: -page)))]
        case .home, .character("g"): return [.action(.report(.scrolled(by: -1_000_000)))]
        case .character("]"): return [.action(.report(.periodStepped(longer: true)))]
        case .character("["): return [.action(.report(.periodStepped(longer: false)))]
        case .character("r"): return [.action(.report(.refreshed))]
        case .character("?"): return [.action(.helpToggled)]
        default: return []
        }
    }
}

enum ReportHints {
    static func of(_ state: DeskState) -> [(String, String)]? {
        guard state.reports != nil else { return nil }
        let language = state.language
        return [
            ("[ ]", UIStrings.reportsPeriodHint(language)), ("r", UIStrings.reportsRefreshHint(language)),
            ("j/k", Phrase.client("scroll", context: "key hint on the bottom line, short").text(in: language)),
            ("esc", UIStrings.closeHint(language)),
        ]
    }
}
