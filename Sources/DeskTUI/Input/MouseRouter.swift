import DeskModel

/// Mouse events to actions, from the same layout the screen is drawn with: a click on a tab
/// selects its view, on a list row selects the row, on the detail pane gives it the focus.
public enum MouseRouter {
    public static func click(x: Int, y: Int, state: DeskState) -> [DeskAction] {
        if state.overlay != nil { return [] }
        if y == 0 {
            if let saved = TopBar.savedTabs(state, width: state.size.columns).first(where: { $0.columns.contains(x) }) {
                return [.savedViewSelected(name: saved.name)]
            }
            let tab = TopBar.tabs(state, width: state.size.columns).first { $0.columns.contains(x) }
            return tab.map { [.viewSelected($0.view)] } ?? []
        }
        let layout = Layout(state: state, size: state.size)
        if let list = layout.list, state.search == nil, list.contains(x: x, y: y), y > list.y {
            return [.listRowClicked(y - list.y - 1)]
        }
        if let detail = layout.detail, detail.contains(x: x, y: y), state.openTicket != nil, state.focus != .detail {
            return [.focusCycled(forward: true)]
        }
        return []
    }

    /// The wheel scrolls three rows (or lines of the open ticket, when it has the focus).
    public static func wheel(up: Bool) -> DeskAction {
        .selectionMoved(by: up ? -3 : 3)
    }
}
