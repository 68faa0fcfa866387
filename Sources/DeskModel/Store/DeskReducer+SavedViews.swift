/// Saved views as tabs after the five case views: each reads its case view narrowed by its
/// conditions, with the same paging, sort and counts. The view, sort and order the reader
/// chooses are kept in the desk (`UserSettings`).
public enum SavedViewTabs {
    /// Saved views are counted no further than this: a count must stay cheap on a large desk.
    public static let countCap = 1000
    /// Keys `6`..`9` choose the first four saved views.
    public static let keyedTabs = 4
}

extension DeskState {
    /// The number of tickets in what the list shows, when known exactly.
    public var listCount: Int? {
        guard let name = activeSavedView else { return counts[view] }
        guard let count = savedViewCounts[name], count < SavedViewTabs.countCap else { return nil }
        return count
    }

    /// The settings the reader's current choices make.
    public var userSettings: UserSettings {
        UserSettings(view: activeSavedView ?? view.rawValue, sort: order.key, oldestFirst: order.reversed)
    }
}

extension DeskReducer {
    static func reduceSavedViews(_ state: inout DeskState, _ action: DeskAction) -> [DeskEffect] {
        switch action {
        case .savedViewsLoaded(let views, let counts):
            state.savedViews = views
            state.savedViewCounts = counts
            // The active view was deleted elsewhere (`deskterm view delete`): keep its
            // tickets on screen, as the case view it narrowed, until the reader moves.
            if let name = state.activeSavedView, !views.contains(where: { $0.name == name }) {
                state.activeSavedView = nil
                state.listFilter = TicketFilter()
                return reloadList(&state, select: state.list.selectedID)
            }
            return []
        case .savedViewSelected(let name):
            guard let saved = state.savedViews.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                state.message = StatusMessage(.error, DeskError.savedViewNotFound(name: name).phrase)
                return []
            }
            return showSavedView(&state, saved)
        case .savedViewTabChosen(let position):
            guard state.savedViews.indices.contains(position) else {
                state.message = StatusMessage(.info, Notices.noSavedViewAt(position + CaseView.allCases.count + 1))
                return []
            }
            return showSavedView(&state, state.savedViews[position])
        case .viewSaveRequested(let name, let conditions):
            return [.saveView(SavedView(name: name, view: .all, filterText: conditions))]
        case .viewSaved(let saved):
            state.message = StatusMessage(.info, Notices.viewSaved(saved.name))
            return [.loadSavedViews]
        case .sortChosen(let key):
            guard key != state.order.key else { return [] }
            state.order = TicketOrder(key: key, reversed: false)
            state.message = StatusMessage(.info, Notices.sorted(state.order, in: state.view))
            return reloadList(&state, select: state.list.selectedID)
        default:
            return []
        }
    }

    static func showSavedView(_ state: inout DeskState, _ saved: SavedView) -> [DeskEffect] {
        guard state.activeSavedView != saved.name else { return [] }
        let filter: TicketFilter
        do {
            filter = try saved.filter()
        } catch {
            state.message = StatusMessage(.error, error.phrase)
            return []
        }
        state.activeSavedView = saved.name
        state.view = saved.view
        state.listFilter = filter
        state.focus = .list
        return reloadList(&state, select: nil)
    }

    /// Every page of the list is read with the active saved view's conditions.
    static func applyingListFilter(_ effect: DeskEffect, _ state: DeskState) -> DeskEffect {
        guard !state.listFilter.isEmpty else { return effect }
        switch effect {
        case .loadPage(var request, let placement) where request.view == state.view && request.filter.isEmpty:
            request.filter = state.listFilter
            return .loadPage(request, placement)
        // `T` tags what the tab shows: a saved view's conditions included.
        case .loadTagTargets(var request) where request.view == state.view && request.filter.isEmpty:
            request.filter = state.listFilter
            return .loadTagTargets(request)
        default:
            return effect
        }
    }

    /// The reader's choices of view, sort and order, kept in the desk when they change, and
    /// the saved views' counts, read again whenever the case views' are.
    static func followingEffects(before: DeskState, after state: DeskState, _ effects: [DeskEffect]) -> [DeskEffect] {
        var more: [DeskEffect] = []
        if !state.savedViews.isEmpty, effects.contains(.loadCounts), !effects.contains(.loadSavedViews) {
            more.append(.loadSavedViews)
        }
        if before.userSettings != state.userSettings { more.append(.saveUserSettings(state.userSettings)) }
        return more
    }
}

extension SavedViewTabs {
    /// Each saved view's tickets, counted up to `countCap`; a view whose conditions no longer
    /// read (a handle deleted since) counts nothing rather than hiding the others.
    static func counts(of views: [SavedView], store: any DeskStore, viewer: Viewer) throws(DeskError) -> [String: Int] {
        var counts: [String: Int] = [:]
        for saved in views {
            guard let filter = try? saved.filter() else { continue }
            let request = PageRequest(view: saved.view, filter: filter)
            do {
                counts[saved.name] = try store.count(request, viewer: viewer, upTo: countCap)
            } catch .invalidFilter, .userNotFound, .organisationNotFound {
                continue
            }
        }
        return counts
    }
}
