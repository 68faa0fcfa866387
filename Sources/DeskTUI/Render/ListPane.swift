import DeskModel
import Foundation

/// The case list: a header row, then one ticket a row. Columns shrink by priority as the
/// pane narrows: organisation, requester/assignee and urgency go first; number, status,
/// subject and the time since the last update stay.
enum ListPane {
    struct Columns: Equatable {
        var number: Int
        var status: Int
        var urgency: Int
        var who: Int
        var age: Int
        var subject: Int
    }

    /// `keepsWho`: the who column outlasts urgency (a support contact's requester column).
    /// `whoWidth`: a wider who column (`ListWhoColumn.width`), narrowed before the subject is.
    static func columns(
        width: Int, rows: [TicketSummary], role: Role, keepsWho: Bool = false, whoWidth: Int? = nil, language: Language = .english
    ) -> Columns {
        let widestNumber = rows.map { String($0.number).count + 1 }.max() ?? 4
        let number = max(4, widestNumber)
        let status = role.isStaff ? 8 : 13
        // Wide enough for the urgency's own name ("Critical"), as the detail pane writes it.
        var urgency = 8
        var who = whoWidth ?? (role.isStaff ? 26 : 10)
        // "UPDATED", or the language's widest age when that is wider (Italian "52 sett.").
        let age = max(7, RelativeAge.widestCompact(in: language))
        func subject() -> Int { width - number - status - age - (urgency > 0 ? urgency + 1 : 0) - (who > 0 ? who + 1 : 0) - 4 }
        if keepsWho {
            if subject() < 24 { urgency = 0 }
            if subject() < 16 && who > 10 { who = 10 }
            if subject() < 10 { who = 0 }
        } else {
            if subject() < 30 { who = role.isStaff ? 12 : 0 }
            if subject() < 24 { who = 0 }
            if subject() < 16 { urgency = 0 }
        }
        return Columns(number: number, status: status, urgency: urgency, who: who, age: age, subject: max(4, subject()))
    }

    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect) {
        let list = state.list
        let language = state.language
        let columns = columns(
            width: rect.width, rows: list.rows, role: state.viewer.role, keepsWho: ListWhoColumn.showsRequester(state.viewer) || state.viewer.hasSeveralAccounts,
            whoWidth: ListWhoColumn.width(state.viewer), language: language)
        drawRow(
            into: &grid, rect: rect, y: rect.y, columns: columns, style: .bar,
            cells: ("#", Phrase.client("STATUS").text(in: language), Phrase.client("URGENCY").text(in: language),
                    subjectHeader(positions(state), width: columns.subject, language),
                    ListWhoColumn.title(state.viewer, language), Phrase.client("UPDATED").text(in: language)))
        let bodyTop = rect.y + 1
        let height = rect.height - 1
        if list.rows.isEmpty {
            grid.write(" " + (list.isLoading ? UIStrings.loading(language) : UIStrings.noTickets(language)), x: rect.x, y: bodyTop, style: .dim, limit: rect.width)
            return
        }
        let focused = state.focus == .list
        for line in 0..<height {
            let index = list.scrollOffset + line
            guard index < list.rows.count else { break }
            let row = list.rows[index]
            let isSelected = row.id == list.selectedID
            let isUnread = list.unreadIDs.contains(row.id)
            let style: Style = isSelected ? (focused ? .selected : .selectedDim) : (isUnread ? .unread : .normal)
            let who = ListWhoColumn.value(row, viewer: state.viewer, language)
            drawRow(
                into: &grid, rect: rect, y: bodyTop + line, columns: columns, style: style,
                cells: ("#\(row.number)", UIStrings.statusShort(row.status, role: state.viewer.role, language),
                        UIStrings.urgencyInList(row.urgency, language), CallbackMark.subject(row), who, RelativeAge.since(row.updatedAt, now: state.now, in: language)),
                urgencyStyle: row.urgency == .critical && !isSelected ? .urgent : nil)
            // The row's first column, blank otherwise, marks tagged and unread rows.
            let mark = state.tagged[row.id] != nil ? BulkStrings.taggedMark : (isUnread ? BulkStrings.unreadMark : nil)
            if let mark { grid.write(mark, x: rect.x, y: bodyTop + line, style: style) }
            // Staff: "!" breached, "~" due within the hour, coloured too, at the left of the
            // right-aligned time column (blank there but for the widest ages): no column moves.
            if state.viewer.isStaff, let due = DueMark(dueAt: row.dueAt, now: state.now) {
                grid.write(due.symbol, x: ageColumnX(columns, rect: rect), y: bodyTop + line, style: isSelected ? style : DueLines.style(due))
            }
        }
    }

    /// `37/200`: the selected row's place in the view and the view's count, when the window
    /// knows where it starts; then shorter forms of it for narrow columns (`999993/1M`,
    /// `999.9k/1M`).
    static func positions(_ state: DeskState) -> [String] {
        guard let total = state.listCount, let index = state.list.selectedIndex,
              let before = state.list.rowsBefore else { return [] }
        let place = min(total, before + index + 1)
        let compact = { (count: Int) in CompactCount.text(count, in: state.language) }
        let forms = ["\(place)/\(total)", "\(place)/\(compact(total))", "\(compact(place))/\(compact(total))"]
        return forms.enumerated().filter { !forms[..<$0.offset].contains($0.element) }.map(\.element)
    }

    /// The longest position form that fits, with the subject column's title at its left when
    /// there is room for both, alone when not.
    static func subjectHeader(_ positions: [String], width: Int, _ language: Language = .english) -> String {
        let title = Phrase.client("SUBJECT").text(in: language)
        // A position is shown whole or not at all: a cut number would read as another one.
        guard let position = positions.first(where: { DisplayWidth.of($0) <= width }) else { return DisplayWidth.fit(title, to: width) }
        let room = width - DisplayWidth.of(position)
        guard room >= DisplayWidth.of(title) + 1 else { return DisplayWidth.fit(position, to: width, alignRight: true) }
        return DisplayWidth.fit(title, to: room) + position
    }

    /// Where `drawRow` starts the time column.
    static func ageColumnX(_ columns: Columns, rect: Rect) -> Int {
        rect.x + 1 + columns.number + 1 + columns.status + 1 + (columns.urgency > 0 ? columns.urgency + 1 : 0)
            + columns.subject + 1 + (columns.who > 0 ? columns.who + 1 : 0)
    }

    static func drawRow(
        into grid: inout Grid, rect: Rect, y: Int, columns: Columns, style: Style,
        cells: (number: String, status: String, urgency: String, subject: String, who: String, age: String),
        urgencyStyle: Style? = nil
    ) {
        grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
        let clean = TextSafety.sanitizedLine
        var x = rect.x + 1
        grid.write(DisplayWidth.fit(cells.number, to: columns.number, alignRight: true), x: x, y: y, style: style)
        x += columns.number + 1
        grid.write(DisplayWidth.fit(cells.status, to: columns.status), x: x, y: y, style: style)
        x += columns.status + 1
        if columns.urgency > 0 {
            grid.write(DisplayWidth.fit(cells.urgency, to: columns.urgency), x: x, y: y, style: urgencyStyle ?? style)
            x += columns.urgency + 1
        }
        grid.write(DisplayWidth.fit(clean(cells.subject), to: columns.subject), x: x, y: y, style: style)
        x += columns.subject + 1
        if columns.who > 0 {
            grid.write(DisplayWidth.fit(clean(cells.who), to: columns.who), x: x, y: y, style: style)
            x += columns.who + 1
        }
        grid.write(DisplayWidth.fit(cells.age, to: columns.age, alignRight: true), x: x, y: y, style: style, limit: rect.maxX - x)
    }
}

enum SearchPane {
    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect) {
        guard let search = state.search else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: .bar)
        let prompt = UIStrings.searchPrompt(state.language)
        var x = rect.x + 1
        x += grid.write(prompt, x: x, y: rect.y, style: .bar)
        let query = TextSafety.sanitizedLine(search.query)
        // Keep the end of a long query visible, where the caret is.
        let room = rect.maxX - x - 1
        var shown = query
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        x += grid.write(shown, x: x, y: rect.y, style: .bar)
        if x < rect.maxX { grid.cursor = (x, rect.y) }
        var bodyTop = rect.y + 1
        // A number offers to go to that ticket, above any text matches.
        if let number = search.jumpNumber {
            grid.write(" " + UIStrings.jumpOffer(number, state.language), x: rect.x, y: bodyTop, style: .info, limit: rect.width)
            bodyTop += 1
        }
        if search.results.isEmpty {
            guard search.jumpNumber == nil else { return }
            let text = search.filterError != nil ? UIStrings.searchFilterHelp(state.language)
                : (SearchWords(typed: search.query) == nil && !SearchQueryText.hasConditions(search.query)
                    ? UIStrings.searchHint(state.language) : UIStrings.noSearchResults(state.language))
            grid.write(" " + text, x: rect.x, y: bodyTop, style: .dim, limit: rect.width)
            return
        }
        let columns = ListPane.columns(
            width: rect.width, rows: search.results, role: state.viewer.role, keepsWho: ListWhoColumn.showsRequester(state.viewer) || state.viewer.hasSeveralAccounts,
            whoWidth: ListWhoColumn.width(state.viewer), language: state.language)
        SearchResultRows.draw(state, search, into: &grid, rect: rect, top: bodyTop, columns: columns)
    }
}
