import Foundation
import XCTest

@testable import DeskModel

/// Saved views as tabs: a saved view's list is its case view read with its conditions, with
/// the same paging, sort and counts; the choice of view, sort and order is kept in the desk.
final class ReducerSavedViewTests: XCTestCase {
    private typealias F = ReducerFixtures

    static let urgent = SavedView(name: "urgent", view: .all, filterText: "urgency:critical -status:closed")
    static let mineOpen = SavedView(name: "mine-open", view: .mine, filterText: "status:open")

    static func withSavedViews(_ state: DeskState) -> DeskState {
        var state = state
        state.savedViews = [urgent, mineOpen]
        state.savedViewCounts = ["urgent": 3, "mine-open": 1000]
        return state
    }

    func testChoosingASavedViewReadsItsCaseViewWithItsConditionsEveryPage() throws {
        let store = ReducerTestStore(state: Self.withSavedViews(F.loaded(1...14)))
        let filter = try Self.urgent.filter()
        var first = PageRequest(view: .all, order: .newestFirst, limit: 14, filter: filter)
        store.send(.savedViewTabChosen(position: 0)) {
            $0.activeSavedView = "urgent"
            $0.view = .all
            $0.listFilter = filter
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadPage(first, .replace(select: nil)),
            .saveUserSettings(UserSettings(view: "urgent", sort: .created, oldestFirst: false)),
        ])
        // A page of the plain All view (read before the choice) is stale.
        store.receive(.pageLoaded(F.firstPage(.all), TicketPage(rows: F.rows(1...14), hasMore: true), .replace(select: nil)))
        store.receive(.pageLoaded(first, TicketPage(rows: F.rows(1...14), hasMore: true), .replace(select: nil))) {
            $0.list.rows = F.rows(1...14)
            $0.list.reachedTop = true
            $0.list.reachedBottom = false
            $0.list.selectedID = F.id(1)
            $0.list.isLoading = false
        }
        // Paging on keeps the conditions.
        store.send(.selectionMoved(by: 7)) {
            $0.list.selectedID = F.id(8)
            $0.list.scrollOffset = 1
            $0.list.isLoading = true
        }
        first.cursor = F.row(14).cursor
        store.expectEffects([.loadPage(first, .append)])
        // The position reads the saved view's count.
        XCTAssertEqual(store.state.listCount, 3)
    }

    func testACaseViewKeyLeavesTheSavedViewAndACappedCountIsNotAPosition() {
        var state = Self.withSavedViews(F.loaded(1...14))
        state.activeSavedView = "mine-open"
        state.view = .mine
        state.listFilter = TicketFilter([FilterClause(.status([.open]))])
        XCTAssertNil(state.listCount, "1000 is only 'at least 1000'")
        let store = ReducerTestStore(state: state)
        // Mine again, without the conditions: not "the same view".
        store.send(.viewSelected(.mine)) {
            $0.activeSavedView = nil
            $0.listFilter = TicketFilter()
            $0.list.isLoading = true
            $0.focus = .list
        }
        store.expectEffects([
            .loadPage(F.firstPage(.mine), .replace(select: nil)),
            .saveUserSettings(UserSettings(view: "mine", sort: .created, oldestFirst: false)),
        ])
    }

    func testAMissingTabOrNameSaysSo() {
        let store = ReducerTestStore(state: Self.withSavedViews(F.loaded(1...14)))
        store.send(.savedViewTabChosen(position: 3)) {
            $0.message = StatusMessage(.info, Notices.noSavedViewAt(9))
        }
        store.send(.savedViewSelected(name: "nope")) {
            $0.message = StatusMessage(.error, DeskError.savedViewNotFound(name: "nope").phrase)
        }
    }

    func testSavedViewCountsFollowTheCaseViewCountsAndADeletedActiveViewFallsBack() {
        var state = Self.withSavedViews(F.loaded(1...14))
        state.activeSavedView = "urgent"
        state.view = .all
        state.listFilter = TicketFilter([FilterClause(.urgency([.critical]))])
        let store = ReducerTestStore(state: state)
        store.send(.refreshRequested) { $0.list.isLoading = true }
        var reread = PageRequest(view: .all, order: .newestFirst, limit: 14, filter: state.listFilter)
        reread.inclusive = false
        store.expectEffects([.loadCounts, .loadPage(reread, .replace(select: F.id(1))), .loadSavedViews])

        // Deleted from the command line meanwhile: the list goes back to its case view.
        store.receive(.savedViewsLoaded([Self.mineOpen], counts: ["mine-open": 4])) {
            $0.savedViews = [Self.mineOpen]
            $0.savedViewCounts = ["mine-open": 4]
            $0.activeSavedView = nil
            $0.listFilter = TicketFilter()
        }
        store.expectEffects([
            .loadPage(F.firstPage(.all), .replace(select: F.id(1))),
            .saveUserSettings(UserSettings(view: "all", sort: .created, oldestFirst: false)),
        ])
    }

    func testSortChosenAndSaveRequests() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.sortChosen(.created))
        store.send(.sortChosen(.triage)) {
            $0.order = TicketOrder(key: .triage)
            $0.message = StatusMessage(.info, Notices.sorted(TicketOrder(key: .triage), in: .active))
            $0.list.isLoading = true
        }
        store.expectEffects([
            .loadPage(F.firstPage(order: TicketOrder(key: .triage)), .replace(select: F.id(1))),
            .saveUserSettings(UserSettings(view: "active", sort: .triage, oldestFirst: false)),
        ])
        store.send(.viewSaveRequested(name: "crit", conditions: "urgency:critical"))
        store.expectEffects([.saveView(SavedView(name: "crit", view: .all, filterText: "urgency:critical"))])
        store.receive(.viewSaved(SavedView(name: "crit", view: .all, filterText: "urgency:critical"))) {
            $0.message = StatusMessage(.info, Notices.viewSaved("crit"))
        }
        store.expectEffects([.loadSavedViews])
    }

    func testStartChoicesPreferFlagsThenStoredSettings() {
        var state = F.state()
        state.applyStartChoices(
            stored: UserSettings(view: "urgent", sort: .updated, oldestFirst: true), explicit: UserSettings(),
            savedViews: [Self.urgent])
        XCTAssertEqual(state.activeSavedView, "urgent")
        XCTAssertEqual(state.view, .all)
        XCTAssertEqual(state.listFilter, try Self.urgent.filter())
        XCTAssertEqual(state.order, TicketOrder(key: .updated, reversed: true))

        var flagged = F.state()
        flagged.applyStartChoices(
            stored: UserSettings(view: "urgent", sort: .updated, oldestFirst: true),
            explicit: UserSettings(view: "mine", sort: .triage), savedViews: [Self.urgent])
        XCTAssertNil(flagged.activeSavedView)
        XCTAssertEqual(flagged.view, .mine)
        XCTAssertEqual(flagged.order, TicketOrder(key: .triage, reversed: true))

        // A stored view that was deleted since is passed over.
        var gone = F.state()
        gone.applyStartChoices(stored: UserSettings(view: "urgent"), explicit: UserSettings(), savedViews: [])
        XCTAssertEqual(gone.view, .active)
        XCTAssertNil(gone.activeSavedView)
    }
}

/// Saved views and settings through the real store.
final class ReducerSavedViewEngineTests: StoreTestCase {
    func testASavedViewTabListsOnlyItsTicketsAndTheChoiceIsKept() throws {
        try f.ticket("Printer on fire", by: f.peter, kind: .incident, urgency: .critical)
        try f.ticket("Toner low", by: f.peter, urgency: .low)
        try f.ticket("Mail down", by: f.erin, kind: .incident, urgency: .critical)
        try store.saveView(SavedView(name: "urgent", view: .all, filterText: "urgency:critical"), viewer: f.alice)
        var state = DeskState(deskName: "Test desk", viewer: f.alice, view: .active, size: TerminalSize(columns: 80, rows: 10))
        state.applyStartChoices(stored: try store.userSettings(viewer: f.alice), explicit: UserSettings(), savedViews: try store.savedViews(viewer: f.alice))
        let engine = DeskEngine(state: state, runtime: DeskRuntime(store: store, viewer: f.alice, clock: f.clock.deskClock))
        engine.send(.started)
        XCTAssertEqual(engine.state.savedViewCounts, ["urgent": 2])
        engine.send(.savedViewTabChosen(position: 0))
        XCTAssertEqual(engine.state.list.rows.map(\.number), [3, 1])
        XCTAssertEqual(try store.userSettings(viewer: f.alice), UserSettings(view: "urgent", sort: .created, oldestFirst: false))

        // The next start opens on it.
        var next = DeskState(deskName: "Test desk", viewer: f.alice, size: TerminalSize(columns: 80, rows: 10))
        next.applyStartChoices(stored: try store.userSettings(viewer: f.alice), explicit: UserSettings(), savedViews: try store.savedViews(viewer: f.alice))
        XCTAssertEqual(next.activeSavedView, "urgent")

        // Saving from the command line adds a tab.
        engine.send(.viewSaveRequested(name: "low", conditions: "urgency:low"))
        XCTAssertEqual(engine.state.savedViews.map(\.name), ["urgent", "low"])
        XCTAssertEqual(engine.state.savedViewCounts["low"], 1)
        // Words are refused with the rule's own words, in the reader's language.
        engine.send(.viewSaveRequested(name: "words", conditions: "printer"))
        XCTAssertEqual(engine.state.message?.phrase.englishText, "A view holds key:value conditions only, not words: 'printer'")
        XCTAssertEqual(engine.state.message?.phrase.text(in: .french), "Une vue ne contient que des conditions clé:valeur, pas des mots : « printer »")
    }

    func testSettingsAreEachUsersOwnAndABusyDeskSkipsThem() throws {
        try store.saveUserSettings(UserSettings(view: "mine", sort: .triage), viewer: f.peter)
        XCTAssertEqual(try store.userSettings(viewer: f.peter), UserSettings(view: "mine", sort: .triage))
        XCTAssertEqual(try store.userSettings(viewer: f.pia), UserSettings())
        // Nil fields keep what was stored.
        try store.saveUserSettings(UserSettings(oldestFirst: true), viewer: f.peter)
        XCTAssertEqual(try store.userSettings(viewer: f.peter), UserSettings(view: "mine", sort: .triage, oldestFirst: true))

        // Another process holds the write lock: the write answers busy at once, and the
        // client's effect skips it without an error.
        let holder = try LockHolder(path: f.path)
        defer { holder.unlock() }
        let started = Date()
        XCTAssertDeskError(try store.saveUserSettings(UserSettings(view: "all"), viewer: f.peter), .databaseBusy(path: f.path))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        let runtime = DeskRuntime(store: store, viewer: f.peter, clock: f.clock.deskClock)
        XCTAssertEqual(runtime.perform(.saveUserSettings(UserSettings(view: "all"))), [])
    }
}
