import DeskModel

/// The help overlay: every bound key from the keymap's `Command` table (the panes, the
/// composer, the duplicate warning, questions), in columns as the width allows; when even the
/// columns are taller than the screen it scrolls, and its last line says where it stands.
enum HelpOverlay {
    /// (keys, label) rows in the order they come up: the panes, the composer, the warning on
    /// sending, questions.
    static func rows(_ state: DeskState, keymap: Keymap) -> [(String, String)] {
        let commands = Command.allCases.filter { state.viewer.isStaff || !$0.isStaffOnly }
            // Only those who may name watchers see the key that does.
            .filter { $0 != .manageWatchers || Permissions.canNameWatchers(state.viewer) }
            .filter { $0 != .requestCallback || !state.viewer.isStaff }
            // The People screen's keys, only to those it opens for.
            .filter { ($0 != .people && $0.scope != .people) || PeopleRules.mayOpen(state.viewer) }
        func rows(_ scope: KeyScope) -> [(String, String)] {
            commands.filter { $0.scope == scope }.map { command in
                (keymap.keys(for: command).map(\.name).joined(separator: " "), UIStrings.commandLabel(command, state.language))
            }
        }
        let fieldKeys = UIStrings.composerKeys(state.language)
        return rows(.panes) + rows(.composer) + fieldKeys + rows(.duplicateWarning) + rows(.confirmation) + rows(.articles) + rows(.people)
    }

    /// The geometry the help is drawn with: without a footer when everything fits (the bottom
    /// line says "any key close"), else with the position line, which takes two rows.
    static func geometry(_ rows: [(String, String)], size: TerminalSize) -> (Overlays.BoxGeometry, scrolls: Bool) {
        let whole = Overlays.BoxGeometry(rows: rows, selected: nil, footerRows: 0, gridWidth: size.columns, gridHeight: size.rows)
        guard whole.maxScroll > 0 else { return (whole, false) }
        return (Overlays.BoxGeometry(rows: rows, selected: nil, footerRows: 2, gridWidth: size.columns, gridHeight: size.rows), true)
    }

    static func maxScroll(_ state: DeskState, keymap: Keymap, size: TerminalSize) -> Int {
        geometry(rows(state, keymap: keymap), size: size).0.maxScroll
    }

    static func draw(state: DeskState, keymap: Keymap, into grid: inout Grid) {
        let rows = rows(state, keymap: keymap)
        let (geometry, scrolls) = geometry(rows, size: TerminalSize(columns: grid.width, rows: grid.height))
        let first = min(state.helpScroll, geometry.maxScroll)
        let footer = scrolls ? UIStrings.helpPosition(first: first, shown: geometry.visibleRows, of: geometry.perColumn, state.language) : nil
        Overlays.box(title: UIStrings.helpTitle(state.language), rows: rows, selected: nil, footer: footer, scroll: first, into: &grid)
    }

    /// Scrolling keys move a help taller than the screen; any other key closes it.
    static func route(_ key: Key, state: DeskState, keymap: Keymap, size: TerminalSize) -> [KeyOutcome] {
        let (geometry, scrolls) = geometry(rows(state, keymap: keymap), size: size)
        guard scrolls else { return [.action(.helpToggled)] }
        let current = min(state.helpScroll, geometry.maxScroll)
        let page = max(1, geometry.visibleRows - 1)
        let target: Int
        switch key {
        case .down, .character("j"): target = current + 1
        case .up, .character("k"): target = current - 1
        case .pageDown, .character(" "): target = current + page
        case .pageUp, .character("b"): target = current - page
        case .home, .character("g"): target = 0
        case .end, .character("G"): target = geometry.maxScroll
        default: return [.action(.helpToggled)]
        }
        return [.action(.helpScrolled(to: min(max(0, target), geometry.maxScroll)))]
    }
}
