import DeskModel
import Foundation

/// `render(state, size) -> Grid`: pure. Each pane draws into its own rectangle.
public enum Renderer {
    public static func render(_ state: DeskState, size: TerminalSize, keymap: Keymap = .standard, restricted: Bool = false) -> Grid {
        var grid = Grid(width: size.columns, height: size.rows)
        let layout = Layout(state: state, size: size)
        if layout.tooSmall {
            drawTooSmall(&grid, language: state.language)
            return grid
        }
        TopBar.draw(state, into: &grid, rect: layout.topBar)
        if let rect = layout.list {
            if state.search != nil {
                SearchPane.draw(state, into: &grid, rect: rect)
            } else {
                ListPane.draw(state, into: &grid, rect: rect)
            }
        }
        if let rect = layout.divider {
            for y in rect.y..<rect.maxY { grid.write("│", x: rect.x, y: y, style: .border) }
        }
        if let rect = layout.detail { DetailPane.draw(state, into: &grid, rect: rect) }
        if let rect = layout.context { ReplyContext.draw(state, into: &grid, rect: rect) }
        if let rect = layout.composer {
            let (form, suggestions) = SuggestionPane.split(state, rect: rect)
            ComposerPane.draw(state, into: &grid, rect: form, restricted: restricted, keymap: keymap)
            if let suggestions { SuggestionPane.draw(state, into: &grid, rect: suggestions, keymap: keymap) }
        }
        if state.articles != nil { ArticlesScreen.draw(state, into: &grid, keymap: keymap) }
        if state.mailPreferences != nil { MailPreferencesBox.draw(state, into: &grid) }
        if state.ticketEdit != nil { TicketEditScreen.draw(state, into: &grid) }
        if state.callbackForm != nil { CallbackFormScreen.draw(state, into: &grid) }
        if state.reports != nil { ReportsScreen.draw(state, into: &grid) }
        if state.people != nil { PeopleScreen.draw(state, into: &grid) }
        BottomLine.draw(state, into: &grid, rect: layout.bottomLine, keymap: keymap, restricted: restricted)
        if let overlay = state.overlay {
            Overlays.draw(overlay, state: state, into: &grid, keymap: keymap)
        }
        return grid
    }

    static func drawTooSmall(_ grid: inout Grid, language: Language) {
        let lines = [UIStrings.terminalTooSmall(language), UIStrings.terminalTooSmallDetail(minColumns: Layout.minimumColumns, minRows: Layout.minimumRows, language)]
        for (index, line) in lines.enumerated() {
            let y = grid.height / 2 - 1 + index
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.write(line, x: x, y: y, style: index == 0 ? .error : .dim)
        }
    }
}

public enum TopBar {
    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect) {
        grid.fill(rect, style: .bar)
        let layout = TopBarLayout(state, width: rect.width)
        // Tabs and the sort label start after the identity, never over it.
        var x = rect.x + grid.write(layout.identity, x: rect.x, y: rect.y, style: .bar, limit: rect.width)
        for tab in layout.tabs {
            let isActive = tab.view == state.view && state.activeSavedView == nil
            grid.write(tab.label, x: tab.columns.lowerBound, y: rect.y, style: isActive ? .tabActive : .tabInactive)
            x = tab.columns.upperBound
        }
        for tab in layout.savedTabs {
            grid.write(tab.label, x: tab.columns.lowerBound, y: rect.y, style: tab.name == state.activeSavedView ? .tabActive : .tabInactive)
            x = tab.columns.upperBound
        }
        let sortWidth = DisplayWidth.of(layout.sort)
        if x + sortWidth <= rect.maxX {
            grid.write(layout.sort, x: rect.maxX - sortWidth, y: rect.y, style: .bar)
        }
    }

    /// The view tabs and the columns each takes: drawing and mouse clicks share this.
    public static func tabs(_ state: DeskState, width: Int) -> [(view: CaseView, label: String, columns: Range<Int>)] {
        TopBarLayout(state, width: width).tabs
    }

    /// The saved views' tabs and their columns.
    public static func savedTabs(_ state: DeskState, width: Int) -> [(name: String, label: String, columns: Range<Int>)] {
        TopBarLayout(state, width: width).savedTabs
    }
}

enum BottomLine {
    static func draw(_ state: DeskState, into grid: inout Grid, rect: Rect, keymap: Keymap, restricted: Bool) {
        if let line = state.commandLine { return CommandLinePrompt.draw(line, into: &grid, rect: rect, language: state.language) }
        if let digits = state.jumpPrompt { return JumpPromptLine.draw(digits, into: &grid, rect: rect, language: state.language) }
        grid.fill(rect, style: .normal)
        if let run = state.bulk {
            grid.write(" " + BulkStrings.progress(run, state.language), x: rect.x, y: rect.y, style: .info, limit: rect.width)
            return
        }
        if let message = state.message {
            grid.write(" " + TextSafety.sanitizedLine(message.phrase.text(in: state.language)), x: rect.x, y: rect.y, style: message.kind == .error ? .error : .info, limit: rect.width)
            return
        }
        if let error = state.search?.filterError {
            grid.write(" " + TextSafety.sanitizedLine(error.text(in: state.language)), x: rect.x, y: rect.y, style: .error, limit: rect.width)
            return
        }
        let available = hints(state, keymap: keymap, restricted: restricted)
        func needed(_ hint: (String, String)) -> Int { DisplayWidth.of(hint.0) + 1 + DisplayWidth.of(hint.1) + 2 }
        // The help hint leads to every other key: on a short line the others give way to it.
        let helpLabel = UIStrings.commandHint(.help, state.language)
        var helpRoom = available.first { $0.1 == helpLabel }.map(needed)
        var x = rect.x + 1
        if !state.tagged.isEmpty, state.overlay == nil {
            x += grid.write(BulkStrings.taggedCount(state.tagged.count, state.language) + "  ", x: x, y: rect.y, style: .info)
        }
        for (key, label) in available {
            if label == helpLabel { helpRoom = nil }
            guard x + needed((key, label)) + (helpRoom ?? 0) <= rect.maxX else {
                if helpRoom != nil { continue }
                break
            }
            x += grid.write(key, x: x, y: rect.y, style: .keyHint)
            x += grid.write(" " + label + "  ", x: x, y: rect.y, style: .dim)
        }
    }

    /// The keys that apply right now.
    static func hints(_ state: DeskState, keymap: Keymap, restricted: Bool) -> [(String, String)] {
        if state.overlay == .help {
            return HelpOverlay.maxScroll(state, keymap: keymap, size: state.size) > 0 ? UIStrings.helpScrollHints(state.language) : UIStrings.anyKeyClosesHints(state.language)
        }
        if case .possibleDuplicate = state.overlay {
            return Command.allCases.filter { $0.scope == .duplicateWarning }.compactMap { command in
                keymap.keys(for: command).first.map { ($0.name, UIStrings.commandHint(command, state.language)) }
            }
        }
        if state.overlay == .discardDraft { return UIStrings.discardHints(state.language) }
        if case .confirm = state.overlay {
            return Command.allCases.filter { $0.scope == .confirmation }.compactMap { command in
                keymap.keys(for: command).first.map { ($0.name, UIStrings.commandHint(command, state.language)) }
            }
        }
        if let hints = AttachmentHints.of(state) { return hints }
        if state.overlay == nil, let hints = MailPreferencesBox.hints(state) { return hints }
        if state.overlay == nil, let hints = ArticleHints.of(state, keymap: keymap, restricted: restricted) { return hints }
        if state.overlay == nil, state.ticketEdit != nil { return TicketEditScreen.hints(state.language) }
        if state.overlay == nil, state.callbackForm != nil { return CallbackFormScreen.hints(state.language) }
        if state.overlay == nil, let hints = ReportHints.of(state) { return hints }
        if state.overlay == nil, let hints = PeopleKeys.hints(state, keymap: keymap) { return hints }
        if state.overlay != nil { return UIStrings.menuHints(state.language) }
        if let search = state.search { return UIStrings.searchHints(jumpNumber: search.jumpNumber, state.language) }
        if state.focus == .composer, state.composer != nil {
            return UIStrings.composerHints(restricted: restricted, state.language)
        }
        var commands: [Command] = [.open]
        if state.openTicket?.detail.ticket.status == .closed {
            // Closed is final: only a follow-up continues it.
            commands.append(.followUp)
        } else {
            commands.append(.reply)
            if state.viewer.isStaff { commands += [.internalNote, .statusMenu, .assign] } else { commands += [.statusMenu] }
        }
        // A ticket with mailed quotes names the key that unfolds them.
        if state.openTicket?.quotedHistory.isEmpty == false { commands.append(.toggleQuote) }
        commands += [.newTicket, .search, .cycleSort, .help, .back]
        return commands.compactMap { command in
            keymap.keys(for: command).first.map { ($0.name, UIStrings.commandHint(command, state.language)) }
        }
    }
}
