import DeskModel

/// Help, the status, assign and watcher menus, the discard question and the duplicate warning:
/// boxes drawn over the panes.
enum Overlays {
    static func draw(_ overlay: Overlay, state: DeskState, into grid: inout Grid, keymap: Keymap) {
        switch overlay {
        case .help:
            HelpOverlay.draw(state: state, keymap: keymap, into: &grid)
        case .possibleDuplicate(let number, let subject):
            DuplicateWarningBox.draw(number: number, subject: subject, into: &grid, keymap: keymap, language: state.language)
        case .confirm(let confirmation):
            ChoiceBox.draw(
                title: UIStrings.confirmationTitle(confirmation, state.language), paragraphs: [UIStrings.confirmationQuestion(confirmation, state.language)],
                choices: ChoiceBox.choices(.confirmation, keymap: keymap) { UIStrings.confirmationChoice($0, confirmation, state.language) },
                into: &grid)
        case .statusMenu(let number, let options, let selected):
            let rows = options.enumerated().map { ("\($0.offset + 1)", $0.element.label(for: state.viewer.role, in: state.language)) }
            box(title: UIStrings.statusMenuTitle(number, state), rows: rows, selected: selected, footer: UIStrings.menuHint(state.language), into: &grid)
        case .assignMenu(let number, let options, let selected):
            let rows = options.enumerated().map { item -> (String, String) in
                ("\(item.offset + 1)", item.element.map { "\(TextSafety.sanitizedLine($0.name)) (\($0.handle))" } ?? UIStrings.unassign(state.language))
            }
            box(title: UIStrings.assignMenuTitle(number, state), rows: rows, selected: selected, footer: UIStrings.menuHint(state.language), into: &grid)
        case .watcherMenu(let options, let selected):
            if let number = state.watcherMenuTicket {
                TicketWatcherMenu.draw(number: number, options: options, selected: selected, state: state, into: &grid)
                return
            }
            let rows = options.enumerated().map { item in
                ("\(item.offset + 1)", "\(TextSafety.sanitizedLine(item.element.name)) (\(item.element.handle))")
            }
            box(title: UIStrings.watcherMenuTitle(state.language), rows: rows, selected: selected, footer: UIStrings.menuHint(state.language), into: &grid)
        case .discardDraft:
            box(title: UIStrings.discardTitle(state.language), rows: [], selected: nil, footer: UIStrings.discardQuestion(state.language), into: &grid)
        case .attachmentMenu(let number, let selected):
            let rows = (state.openTicket?.detail).map { detail in
                detail.attachments.enumerated().map { ("\($0.offset + 1)", AttachmentRows.describe($0.element, in: detail, language: state.language)) }
            } ?? []
            box(title: UIStrings.attachmentMenuTitle(number, state.language), rows: rows, selected: selected, footer: nil, into: &grid)
        case .pathPrompt(let prompt):
            box(title: UIStrings.pathPromptTitle(prompt.purpose, state.language), rows: AttachmentRows.prompt(prompt, state.language), selected: nil, footer: nil, into: &grid)
        }
    }

    /// Where a box's rows go: how many columns, rows per column, rows on screen, and how far a
    /// list taller than the screen scrolls.
    struct BoxGeometry: Equatable {
        var keyWidth: Int, columnCount: Int, perColumn: Int, visibleRows: Int
        var maxScroll: Int { max(0, perColumn - visibleRows) }

        /// A list without a highlighted row (the help) that is taller than the screen flows into
        /// side-by-side columns, as many as leave each label a useful width; what still does not
        /// fit scrolls.
        init(rows: [(String, String)], selected: Int?, footerRows: Int, gridWidth: Int, gridHeight: Int) {
            keyWidth = min(24, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
            let availableRows = max(1, gridHeight - 4 - footerRows)
            var columnCount = 1
            if selected == nil, rows.count > availableRows {
                let wanted = (rows.count + availableRows - 1) / availableRows
                // As many columns as leave each label a readable width (22 columns: most labels
                // whole); scrolling is better than a screen of cut labels.
                let fitting = max(1, (gridWidth - 6 + 2) / (keyWidth + 2 + 22 + 2))
                columnCount = min(wanted, fitting)
            }
            self.columnCount = columnCount
            perColumn = (rows.count + columnCount - 1) / max(1, columnCount)
            visibleRows = min(perColumn, availableRows)
        }
    }

    /// A framed list of (key, label) rows, laid out by `BoxGeometry`, labels cut with "…". A
    /// menu keeps one column and scrolls to its highlighted row; a list without one shows the
    /// rows of each column from `scroll`.
    static func box(title: String, rows: [(String, String)], selected: Int?, footer: String?, scroll: Int = 0, into grid: inout Grid) {
        let labelWidth = rows.map { DisplayWidth.of($0.1) }.max() ?? 0
        // The footer takes two rows: its own and a blank one above it.
        let footerRows = footer == nil ? 0 : 2
        let geometry = BoxGeometry(rows: rows, selected: selected, footerRows: footerRows, gridWidth: grid.width, gridHeight: grid.height)
        let (keyWidth, columnCount, perColumn, visibleRows) = (geometry.keyWidth, geometry.columnCount, geometry.perColumn, geometry.visibleRows)
        let columnsWidth = columnCount * (keyWidth + 2 + labelWidth) + (columnCount - 1) * 2
        let contentWidth = max(DisplayWidth.of(title), DisplayWidth.of(footer ?? ""), columnsWidth)
        let width = min(grid.width - 2, contentWidth + 4)
        let columnWidth = (width - 4 - (columnCount - 1) * 2) / columnCount
        let height = visibleRows + 2 + footerRows
        let x = max(0, (grid.width - width) / 2)
        let y = max(0, (grid.height - height) / 2)
        frame(Rect(x: x, y: y, width: width, height: height), title: title, footer: nil, into: &grid)
        // Keep the highlighted row in view in a long menu.
        let first = selected.map { max(0, $0 - visibleRows + 1) } ?? min(max(0, scroll), geometry.maxScroll)
        for column in 0..<columnCount {
            let columnX = x + 2 + column * (columnWidth + 2)
            let labelRoom = columnWidth - keyWidth - 2
            for line in 0..<visibleRows {
                let index = column * perColumn + first + line
                guard index < rows.count, index < (column + 1) * perColumn else { break }
                let style: Style = index == selected ? .selected : .overlay
                let rowY = y + 1 + line
                if columnCount == 1 { grid.fill(Rect(x: x + 1, y: rowY, width: width - 2, height: 1), style: style) }
                grid.write(DisplayWidth.fit(rows[index].0, to: keyWidth), x: columnX, y: rowY, style: index == selected ? .selected : .keyHint)
                grid.write(DisplayWidth.truncate(rows[index].1, to: labelRoom), x: columnX + keyWidth + 2, y: rowY, style: style, limit: labelRoom)
            }
        }
        if let footer { grid.write(footer, x: x + 2, y: y + height - 2, style: .dim, limit: width - 4) }
    }

    /// A filled, bordered box with its title in the top edge and its footer, if any, in the
    /// bottom edge; the caller draws what goes inside.
    static func frame(_ rect: Rect, title: String, footer: String? = nil, into grid: inout Grid) {
        let (x, y, width, height) = (rect.x, rect.y, rect.width, rect.height)
        grid.fill(rect, style: .overlay)
        grid.write("┌" + String(repeating: "─", count: max(0, width - 2)) + "┐", x: x, y: y, style: .overlay)
        grid.write(" \(title) ", x: x + 2, y: y, style: .heading, limit: width - 4)
        for row in 1..<max(1, height - 1) {
            grid.write("│", x: x, y: y + row, style: .overlay)
            grid.write("│", x: x + width - 1, y: y + row, style: .overlay)
        }
        grid.write("└" + String(repeating: "─", count: max(0, width - 2)) + "┘", x: x, y: y + height - 1, style: .overlay)
        if let footer { grid.write(" \(footer) ", x: x + 2, y: y + height - 1, style: .dim, limit: width - 4) }
    }
}
