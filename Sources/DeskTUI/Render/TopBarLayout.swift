import DeskModel

/// What the top bar shows at a given width. The identity, the tabs and the sort label each
/// have longer and shorter forms; the fullest combination that fits wins, so the active view
/// and the sort stay on screen at every width down to 40 columns.
struct TopBarLayout {
    enum Identity { case full, handle, none }
    enum Tabs { case full, short, digitsBesideActive, activeOnly }
    enum Sort { case long, plain, short }

    /// From the fullest to the barest; each step gives up what is least missed.
    static let steps: [(Identity, Tabs, Sort)] = [
        (.full, .full, .long), (.full, .short, .long), (.full, .short, .plain),
        (.handle, .short, .long), (.handle, .short, .plain), (.handle, .short, .short), (.none, .short, .short),
        (.handle, .digitsBesideActive, .short), (.none, .digitsBesideActive, .short), (.none, .activeOnly, .short),
    ]

    var identity: String
    var tabs: [(view: CaseView, label: String, columns: Range<Int>)]
    /// The saved views' tabs, after the case views' (`SavedViewTabLabels`).
    var savedTabs: [(name: String, label: String, columns: Range<Int>)] = []
    var sort: String

    init(_ state: DeskState, width: Int) {
        var chosen: (identity: String, tabs: [(CaseView, String)], sort: String)?
        var chosenSaved: [(String, String)] = []
        for (identity, tabs, sort) in Self.steps {
            let candidate = (Self.identity(state, identity), Self.tabs(state, tabs), Self.sort(state, sort))
            let saved = SavedViewTabLabels.tabs(state, tabs)
            let total = DisplayWidth.of(candidate.0) + candidate.1.map { DisplayWidth.of($0.1) }.reduce(0, +) + DisplayWidth.of(candidate.2)
                + saved.map { DisplayWidth.of($0.1) }.reduce(0, +)
            chosen = candidate
            chosenSaved = saved
            if total <= width { break }
        }
        identity = chosen?.identity ?? ""
        sort = chosen?.sort ?? ""
        var x = min(width, DisplayWidth.of(identity))
        tabs = []
        for (view, label) in chosen?.tabs ?? [] {
            let labelWidth = DisplayWidth.of(label)
            guard x + labelWidth <= width else { break }
            tabs.append((view, label, x..<(x + labelWidth)))
            x += labelWidth
        }
        // The active saved view is always placed, at the cost of the sort label if need be.
        for (name, label) in chosenSaved {
            let labelWidth = DisplayWidth.of(label)
            guard x + labelWidth <= width else { break }
            savedTabs.append((name, label, x..<(x + labelWidth)))
            x += labelWidth
        }
    }

    static func identity(_ state: DeskState, _ form: Identity) -> String {
        switch form {
        case .full: " \(TextSafety.sanitizedLine(state.deskName)) · \(state.viewer.user.handle) (\(UIStrings.roleLabel(state.viewer.role, state.language))) "
        case .handle: " \(state.viewer.user.handle) "
        case .none: ""
        }
    }

    static func tabs(_ state: DeskState, _ form: Tabs) -> [(CaseView, String)] {
        CaseView.allCases.enumerated().compactMap { index, view in
            let count = (state.counts[view].map { " \($0)" } ?? "") + Self.unread(state, view)
            let isActive = view == state.view && state.activeSavedView == nil
            switch form {
            case .full: return (view, " \(index + 1) \(view.title(in: state.language))\(count) ")
            case .short: return (view, " \(index + 1) \(UIStrings.viewShortTitle(view, state.language))\(count) ")
            case .digitsBesideActive:
                return (view, isActive ? " \(index + 1) \(UIStrings.viewShortTitle(view, state.language))\(count) " : " \(index + 1) ")
            case .activeOnly:
                return isActive ? (view, " \(index + 1) \(UIStrings.viewShortTitle(view, state.language))\(count) ") : nil
            }
        }
    }

    /// ` •3` after a tab's count when it holds unread tickets.
    static func unread(_ state: DeskState, _ view: CaseView) -> String {
        let text = BulkStrings.unread(state.unreadCounts[view])
        return text.isEmpty ? "" : " " + text
    }

    static func sort(_ state: DeskState, _ form: Sort) -> String {
        switch form {
        case .long: " \(UIStrings.sortLabel(state.order, in: state.view, state.language)) "
        case .plain: " \(state.order.label(in: state.view, language: state.language)) "
        case .short: " \(UIStrings.sortShort(state.order, in: state.view, state.language)) "
        }
    }
}
