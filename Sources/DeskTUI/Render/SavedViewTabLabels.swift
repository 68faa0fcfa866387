import DeskModel

/// The saved views' tabs in the top bar, after the five case views, in the same forms as
/// theirs (`TopBarLayout.Tabs`): the first four carry their key (`6`..`9`), names shorten
/// with the case views' titles, and at the barest only the active tab is left.
enum SavedViewTabLabels {
    /// Columns a name keeps in the shorter forms.
    static let shortNameWidth = 10

    static func tabs(_ state: DeskState, _ form: TopBarLayout.Tabs) -> [(String, String)] {
        state.savedViews.enumerated().compactMap { index, saved in
            let isActive = saved.name == state.activeSavedView
            let key = index < SavedViewTabs.keyedTabs ? "\(CaseView.allCases.count + 1 + index) " : ""
            let name = TextSafety.sanitizedLine(saved.name)
            let count = state.savedViewCounts[saved.name].map {
                " " + ($0 >= SavedViewTabs.countCap ? UIStrings.cappedCount(SavedViewTabs.countCap) : "\($0)")
            } ?? ""
            let short = DisplayWidth.truncate(name, to: shortNameWidth)
            switch form {
            case .full: return (saved.name, " \(key)\(name)\(count) ")
            case .short: return (saved.name, " \(key)\(short)\(count) ")
            case .digitsBesideActive:
                if isActive { return (saved.name, " \(key)\(short)\(count) ") }
                return key.isEmpty ? nil : (saved.name, " \(key)")
            case .activeOnly:
                return isActive ? (saved.name, " \(key)\(short)\(count) ") : nil
            }
        }
    }
}
