import DeskModel
import DeskTUI
import Foundation

/// The width `table` output fits: the terminal's, else $COLUMNS, else 100.
enum OutputWidth {
    static func current() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 100
    }
}

/// A plain-text table whose columns shrink by priority to fit a width, measured in display
/// columns (wide characters count two). Every cell is sanitized.
struct TextTable {
    struct Column {
        var title: String
        /// Lower numbers are kept longest when the width runs out.
        var priority: Int
        var minWidth: Int
        var alignRight = false
        /// The column that takes the remaining width (the subject).
        var flexible = false
    }

    var columns: [Column]
    var rows: [[String]]

    func render(width: Int) -> String {
        let cells = rows.map { $0.map(TextSafety.sanitizedLine) }
        var natural = columns.indices.map { index in
            max(DisplayWidth.of(columns[index].title), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
        }
        var shown = Array(columns.indices)
        func total() -> Int { shown.map { natural[$0] }.reduce(0, +) + max(0, shown.count - 1) * 2 }
        // Shrink the flexible column first, then drop the least important columns.
        if let flexible = columns.firstIndex(where: \.flexible), total() > width {
            natural[flexible] = max(columns[flexible].minWidth, natural[flexible] - (total() - width))
        }
        while total() > width, shown.count > 1,
              let drop = shown.filter({ !columns[$0].flexible }).max(by: { columns[$0].priority < columns[$1].priority }) {
            shown.removeAll { $0 == drop }
            if let flexible = columns.firstIndex(where: \.flexible) {
                let spare = width - total()
                if spare < 0 { natural[flexible] = max(columns[flexible].minWidth, natural[flexible] + spare) }
            }
        }
        if let flexible = columns.firstIndex(where: \.flexible), shown.contains(flexible) {
            let full = max(DisplayWidth.of(columns[flexible].title), cells.map { DisplayWidth.of($0[flexible]) }.max() ?? 0)
            natural[flexible] = min(full, natural[flexible] + max(0, width - total()))
        }
        func line(_ values: [String]) -> String {
            shown.map { index in
                DisplayWidth.fit(values[index], to: natural[index], alignRight: columns[index].alignRight)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var output = [line(columns.map(\.title))]
        output += cells.map(line)
        return output.joined(separator: "\n")
    }
}

enum TicketListTable {
    static func render(_ rows: [TicketSummary], viewer: Viewer, now: Date, width: Int, language: Language = .english) -> String {
        func say(_ phrase: Phrase) -> String { phrase.text(in: language) }
        var columns: [TextTable.Column] = [
            .init(title: "#", priority: 0, minWidth: 2, alignRight: true),
            .init(title: say(.cli("STATUS", context: "column title")), priority: 1, minWidth: 6),
            .init(title: say(.cli("URGENCY", context: "column title")), priority: 4, minWidth: 7),
            .init(title: say(.cli("SUBJECT", context: "column title")), priority: 0, minWidth: 12, flexible: true),
        ]
        if viewer.isStaff {
            columns += [.init(title: say(.cli("REQUESTER", context: "column title")), priority: 3, minWidth: 9),
                        .init(title: say(.cli("ORGANISATION", context: "column title")), priority: 5, minWidth: 12)]
        } else {
            columns += [.init(title: say(.cli("ASSIGNEE", context: "column title")), priority: 5, minWidth: 8)]
            // A customer with several accounts reads which account each ticket is filed under.
            if viewer.hasSeveralAccounts { columns += [.init(title: say(.cli("ORGANISATION", context: "column title")), priority: 3, minWidth: 12)] }
        }
        columns += [.init(title: say(.cli("UPDATED", context: "column title")), priority: 2, minWidth: 7, alignRight: true)]
        // Staff: the service-level due time, "!" breached and "~" due within the hour.
        if viewer.isStaff { columns += [.init(title: say(.cli("DUE", context: "column title")), priority: 2, minWidth: 5, alignRight: true)] }
        let cells = rows.map { row -> [String] in
            var cells = [String(row.number), row.status.label(for: viewer.role, in: language), say(CommandWords.urgency(row.urgency)), CallbackMark.subject(row)]
            if viewer.isStaff {
                cells += [row.requesterHandle, row.organisationName ?? "-"]
            } else {
                cells += [row.assigneeHandle ?? "-"]
                if viewer.hasSeveralAccounts { cells += [row.organisationName ?? "-"] }
            }
            cells += [RelativeAge.since(row.updatedAt, now: now, in: language)]
            if viewer.isStaff { cells += [Self.due(row.dueAt, now: now, language: language)] }
            return cells
        }
        return TextTable(columns: columns, rows: cells).render(width: width)
    }

    /// "! 3h" (breached three hours ago), "~ 40m" (due in 40 minutes), "2d" (due in two days), "-".
    static func due(_ dueAt: Date?, now: Date, language: Language) -> String {
        guard let dueAt else { return "-" }
        let mark = DueMark(dueAt: dueAt, now: now)
        let distance = mark == .breached
            ? RelativeAge.amount(dueAt, now: now) : RelativeAge.amount(now, now: dueAt)
        let text = RelativeAge.compact(distance.unit, distance.count, in: language)
        return mark.map { "\($0.symbol) \(text)" } ?? text
    }
}
