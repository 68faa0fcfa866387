import Foundation
import XCTest

@testable import DeskModel

/// Saved views: per user, checked when saved, read again when used.
final class StoreSavedViewTests: StoreTestCase {
    func testViewsArePerUserInTheOrderSavedAndReplacedInPlace() throws {
        try store.saveView(SavedView(name: "urgent", filterText: "urgency:critical -status:closed"), viewer: f.alice)
        try store.saveView(SavedView(name: "mine open", view: .mine, filterText: "status:open"), viewer: f.alice)
        try store.saveView(SavedView(name: "urgent", filterText: "urgency:>=serious"), viewer: f.bob)
        XCTAssertEqual(try store.savedViews(viewer: f.alice).map(\.name), ["urgent", "mine open"])
        XCTAssertEqual(try store.savedViews(viewer: f.bob), [SavedView(name: "urgent", filterText: "urgency:>=serious")])
        XCTAssertEqual(try store.savedViews(viewer: f.peter), [])
        // The same name, in any case, replaces the view where it stands.
        try store.saveView(SavedView(name: "Urgent", view: .open, filterText: "urgency:critical"), viewer: f.alice)
        XCTAssertEqual(try store.savedViews(viewer: f.alice), [
            SavedView(name: "Urgent", view: .open, filterText: "urgency:critical"),
            SavedView(name: "mine open", view: .mine, filterText: "status:open"),
        ])
        XCTAssertEqual(try store.savedView(named: "URGENT", viewer: f.alice).filterText, "urgency:critical")
        try store.deleteSavedView(named: "urgent", viewer: f.alice)
        XCTAssertEqual(try store.savedViews(viewer: f.alice).map(\.name), ["mine open"])
        XCTAssertEqual(try store.savedViews(viewer: f.bob).map(\.name), ["urgent"])
        XCTAssertDeskError(try store.deleteSavedView(named: "urgent", viewer: f.alice), .savedViewNotFound(name: "urgent"))
        // Another user's view is not there to read.
        XCTAssertDeskError(try store.savedView(named: "mine open", viewer: f.bob), .savedViewNotFound(name: "mine open"))
    }

    func testAViewIsCheckedWhenSaved() throws {
        XCTAssertDeskError(
            try store.saveView(SavedView(name: "x", filterText: "status:opn"), viewer: f.alice),
            .invalidFilter(.unknownValue(.status, "opn")))
        XCTAssertDeskError(
            try store.saveView(SavedView(name: "x", filterText: "printer status:open"), viewer: f.alice),
            .refused(.model("A view holds key:value conditions only, not words: '{words}'", ["words": .text("printer")])))
        XCTAssertDeskError(
            try store.saveView(SavedView(name: "x", filterText: "  "), viewer: f.alice),
            .refused(.model("A view needs at least one condition, like status:open")))
        XCTAssertDeskError(
            try store.saveView(SavedView(name: "Mine", filterText: "status:open"), viewer: f.alice),
            .refused(.model("'{name}' is the name of a case view ({views}); choose another", ["name": .text("Mine"), "views": .text("recent, active, mine, open, all")])))
        for name in ["", " padded", "tab\there", String(repeating: "v", count: 41)] {
            XCTAssertNotNil(deskError(try store.saveView(SavedView(name: name, filterText: "status:open"), viewer: f.alice)), name)
        }
        XCTAssertEqual(try store.savedViews(viewer: f.alice), [])
    }

    func testOneUserKeepsAtMostTheLimit() throws {
        for index in 0..<SavedViewRules.perUserLimit {
            try store.saveView(SavedView(name: "v\(index)", filterText: "status:open"), viewer: f.alice)
        }
        XCTAssertNotNil(deskError(try store.saveView(SavedView(name: "one more", filterText: "status:open"), viewer: f.alice)))
        // Replacing one is still allowed.
        try store.saveView(SavedView(name: "v0", filterText: "status:new"), viewer: f.alice)
        XCTAssertEqual(try store.savedViews(viewer: f.alice).count, SavedViewRules.perUserLimit)
    }

    func testMeInASavedViewIsWhoeverUsesIt() throws {
        let view = SavedView(name: "mine", filterText: "assignee:me")
        let ticket = try f.ticket("Printer jams", by: f.peter)
        _ = try store.assign(number: ticket.number, to: "bob", by: f.bob)
        let filter = try view.filter()
        XCTAssertEqual(try store.page(PageRequest(view: .all, filter: filter), viewer: f.bob).rows.map(\.number), [ticket.number])
        XCTAssertEqual(try store.page(PageRequest(view: .all, filter: filter), viewer: f.alice).rows, [])
    }
}
