import DeskModel

/// The team lead's report as lines of text at a width, in a language: the Reports screen
/// draws them and `deskterm report` prints them. Charts are block characters; without
/// colour, or where they do not fit, the figures are plain numbers.
public enum ReportText {
    /// Two columns of sections from this width on (132x40 shows the whole report at once).
    static let twoColumnWidth = 120
    static let columnGap = 4

    public static func lines(_ report: Report, width: Int, language: Language, charts: Bool) -> [String] {
        let width = max(20, width)
        var lines = [UIStrings.reportTitle(report, language), UIStrings.reportTotals(report, language)].map { clip($0, width) }
        if width >= twoColumnWidth {
            let half = (width - columnGap) / 2
            let left = perDay(report, width: half, language: language, charts: charts) + [""] + backlog(report, width: half, language: language)
            let right = times(report, width: half, language: language) + others(report, width: half, language: language)
            lines.append("")
            for row in 0..<max(left.count, right.count) {
                let leftText = row < left.count ? left[row] : ""
                let rightText = row < right.count ? right[row] : ""
                lines.append(trimmed(DisplayWidth.fit(leftText, to: half) + String(repeating: " ", count: columnGap) + rightText))
            }
            return lines
        }
        for section in [perDay(report, width: width, language: language, charts: charts), backlog(report, width: width, language: language),
                        times(report, width: width, language: language)] {
            lines += [""] + section
        }
        return lines + others(report, width: width, language: language)
    }

    // MARK: Sections

    static func perDay(_ report: Report, width: Int, language: Language, charts: Bool) -> [String] {
        let title = clip(UIStrings.reportPerDayTitle(language), width)
        let opened = UIStrings.reportOpened(language), closed = UIStrings.reportClosed(language)
        let labelWidth = max(DisplayWidth.of(opened), DisplayWidth.of(closed))
        let peak = report.perDay.map { max($0.opened, $0.closed) }.max() ?? 0
        let peakText = UIStrings.reportPeak(peak, language)
        let chartWidth = min(report.perDay.count, width - labelWidth - DisplayWidth.of(peakText) - 2)
        // The chart needs a dozen columns (a column a day for a shorter period) to say anything.
        if charts, chartWidth >= min(report.perDay.count, 12), !report.perDay.isEmpty {
            let openedBars = Sparkline.bars(buckets(report.perDay.map(\.opened), into: chartWidth), peak: peak)
            let closedBars = Sparkline.bars(buckets(report.perDay.map(\.closed), into: chartWidth), peak: peak)
            let pad = String(repeating: " ", count: labelWidth + 1)
            let first = String(report.perDay.first!.day.dropFirst(5)), last = String(report.perDay.last!.day.dropFirst(5))
            let axis = first + String(repeating: " ", count: max(1, chartWidth - first.count - last.count)) + last
            return [
                title,
                DisplayWidth.fit(opened, to: labelWidth) + " " + openedBars + " " + peakText,
                trimmed(DisplayWidth.fit(closed, to: labelWidth) + " " + closedBars),
                trimmed(pad + (chartWidth >= first.count + last.count + 1 ? axis : "")),
            ]
        }
        let rows = report.perDay.map { [String($0.day.dropFirst(5)), number($0.opened, language), number($0.closed, language)] }
        return [title] + ReportTable.groups(titles: [UIStrings.reportDay(language), opened, closed], rows: rows, width: width)
    }

    static func backlog(_ report: Report, width: Int, language: Language) -> [String] {
        let urgencies: [Urgency] = [.critical, .serious, .low, .none]
        let statuses: [TicketStatus] = [.new, .open, .awaitingCustomer, .pending]
        let titles = [""] + urgencies.map { UIStrings.urgencyLabel($0, language) } + [UIStrings.reportTotal(language)]
        var rows = statuses.map { status in
            [UIStrings.statusShort(status, role: .agent, language)]
                + urgencies.map { urgency in number(report.backlog.first { $0.status == status && $0.urgency == urgency }?.count ?? 0, language) }
                + [number(report.backlog(status: status), language)]
        }
        rows.append([UIStrings.reportTotal(language)] + urgencies.map { number(report.backlog(urgency: $0), language) }
                    + [number(report.backlogTotal, language)])
        return [clip(UIStrings.reportBacklogTitle(language), width)] + ReportTable.render(titles: titles, rows: rows, width: width)
    }

    /// First response, then resolution: per tier the median, the 90th percentile, the share
    /// within the target and how many tickets were measured.
    static func times(_ report: Report, width: Int, language: Language) -> [String] {
        let figures = ["p50", "p90", UIStrings.reportWithinTarget(language), UIStrings.reportTickets(language)]
        func rows(_ measure: KeyPath<ReportTierTimes, ReportTimes>) -> [[String]] {
            report.tiers.map { tier in ["  " + UIStrings.tierLabel(tier.tier, language)] + timesCells(tier[keyPath: measure], language) }
        }
        // One table, so that the two measures' columns line up; the second's titles are a row.
        let table = ReportTable.render(
            titles: [UIStrings.reportFirstResponse(language)] + figures,
            rows: rows(\.firstResponse) + [[UIStrings.reportResolution(language)] + figures] + rows(\.resolution), width: width,
            titleRows: [report.tiers.count])
        return [clip(UIStrings.reportTimesTitle(language), width)] + table
    }

    /// Busiest organisations (not when the report is of one) and the agents' load.
    static func others(_ report: Report, width: Int, language: Language) -> [String] {
        var lines: [String] = []
        if report.organisation == nil {
            lines += ["", clip(UIStrings.reportOrganisationsTitle(language), width)]
            if report.busiestOrganisations.isEmpty {
                lines.append(clip("  " + UIStrings.reportNothing(language), width))
            } else {
                let rows = report.busiestOrganisations.map { [$0.name, number($0.opened, language), number($0.open, language)] }
                lines += ReportTable.render(
                    titles: [UIStrings.reportOrganisation(language), UIStrings.reportOpened(language), UIStrings.reportOpenNow(language)],
                    rows: rows, width: width)
            }
        }
        lines += ["", clip(UIStrings.reportAgentsTitle(language), width)]
        let rows = report.agents.map { [$0.handle, number($0.open, language), number($0.closed, language)] }
        lines += ReportTable.render(
            titles: [UIStrings.reportAgent(language), UIStrings.reportOpenNow(language), UIStrings.reportClosed(language)], rows: rows, width: width)
        return lines
    }

    // MARK: Pieces

    /// p50, p90, the share within the target and the count; dashes when nothing was measured.
    static func timesCells(_ times: ReportTimes, _ language: Language) -> [String] {
        guard let p50 = times.p50Minutes, let p90 = times.p90Minutes, let percent = times.metPercent else { return ["–", "–", "–", "0"] }
        return [ServiceLevelInput.durationText(p50), ServiceLevelInput.durationText(p90), "\(percent)%", number(times.count, language)]
    }

    /// The highest of consecutive values, `count` of them: a column of several days stands for
    /// its busiest day, so the chart's scale stays the busiest day written beside it (sums
    /// would overflow that scale, and columns of two days would tower over those of one).
    static func buckets(_ values: [Int], into count: Int) -> [Int] {
        guard count > 0, values.count > count else { return values }
        return (0..<count).map { bucket in
            let start = bucket * values.count / count, end = (bucket + 1) * values.count / count
            return values[start..<end].max() ?? 0
        }
    }

    static func number(_ value: Int, _ language: Language) -> String { NumberText.grouped(value, in: language) }
    static func clip(_ text: String, _ width: Int) -> String { DisplayWidth.truncate(TextSafety.sanitizedLine(text), to: width) }
    static func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Values as a row of block characters, one per value, scaled to `peak`; zero is a blank.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func bars(_ values: [Int], peak: Int) -> String {
        String(values.map { value -> Character in
            guard value > 0, peak > 0 else { return " " }
            let level = (value * blocks.count + peak - 1) / peak
            return blocks[min(blocks.count, max(1, level)) - 1]
        })
    }
}
