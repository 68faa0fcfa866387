import DeskModel

/// The search's results: a list row each, the words found highlighted in the subject, and
/// under a result whose text matched, a line of that text (`SearchState.snippets`).
enum SearchResultRows {
    static func draw(_ state: DeskState, _ search: SearchState, into grid: inout Grid, rect: Rect, top: Int, columns: ListPane.Columns) {
        let height = rect.maxY - top
        func rows(_ index: Int) -> Int { search.snippets[search.results[index].id] == nil ? 1 : 2 }
        // The selected result and its snippet stay on screen.
        var first = 0
        var used = (0...search.selectedIndex).map(rows).reduce(0, +)
        while used > height, first < search.selectedIndex {
            used -= rows(first)
            first += 1
        }
        let subjectX = rect.x + 1 + columns.number + 1 + columns.status + 1 + (columns.urgency > 0 ? columns.urgency + 1 : 0)
        var y = top
        var index = first
        while y < rect.maxY, index < search.results.count {
            let row = search.results[index]
            let selected = index == search.selectedIndex
            let who = ListWhoColumn.value(row, viewer: state.viewer, state.language)
            ListPane.drawRow(
                into: &grid, rect: rect, y: y, columns: columns, style: selected ? .selected : .normal,
                cells: ("#\(row.number)", UIStrings.statusShort(row.status, role: state.viewer.role, state.language),
                        UIStrings.urgencyInList(row.urgency, state.language), CallbackMark.subject(row), who, RelativeAge.since(row.updatedAt, now: state.now, in: state.language)))
            highlight(TextSafety.sanitizedLine(CallbackMark.subject(row)), query: search.query, into: &grid, x: subjectX, y: y,
                      width: columns.subject, style: selected ? .searchHitSelected : .searchHit)
            y += 1
            if let snippet = search.snippets[row.id], y < rect.maxY {
                let lead = UIStrings.snippetLead
                let textX = subjectX + DisplayWidth.of(lead)
                let width = rect.maxX - 1 - textX
                grid.write(lead, x: subjectX, y: y, style: .dim)
                grid.write(DisplayWidth.truncate(snippet, to: width), x: textX, y: y, style: .dim)
                highlight(snippet, query: search.query, into: &grid, x: textX, y: y, width: width, style: .searchHit)
                y += 1
            }
            index += 1
        }
    }

    /// Redraws the hits of `text` (drawn from `x`, cut to `width` columns) in `style`.
    static func highlight(_ text: String, query: String, into grid: inout Grid, x: Int, y: Int, width: Int, style: Style) {
        let hits = SearchHighlight.ranges(in: text, query: query)
        guard !hits.isEmpty else { return }
        let characters = Array(text)
        // A cut text ends in "…": hits stop before it.
        let room = DisplayWidth.of(text) > width ? width - 1 : width
        var column = 0
        var offset = 0
        for hit in hits {
            while offset < hit.lowerBound {
                column += DisplayWidth.of(String(characters[offset]))
                offset += 1
            }
            let piece = String(characters[hit])
            guard column < room else { return }
            grid.write(piece, x: x + column, y: y, style: style, limit: room - column)
            column += DisplayWidth.of(piece)
            offset = hit.upperBound
        }
    }
}
