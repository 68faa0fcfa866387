import Foundation
import XCTest

@testable import DeskModel

/// What each user keeps for themselves (settings, drafts, Recent, read marks): nobody else's
/// screen changes for it, and the writes a reader makes on the side never wait for another
/// process.
final class DeskPrivateRowsTests: StoreTestCase {
    private func whileAnotherWriterHoldsTheLock<T>(_ body: () throws -> T) throws -> T {
        let holder = try LockHolder(path: f.path)
        defer { holder.unlock() }
        return try body()
    }

    func testUserSettingsAreEachUsersOwnAndUnsetFieldsStayAsTheyWere() throws {
        XCTAssertEqual(try store.userSettings(viewer: f.peter), UserSettings())
        let chosen = UserSettings(view: "mine", sort: .triage, oldestFirst: true, language: "fr", copiesToClipboard: false)
        try store.saveUserSettings(chosen, viewer: f.peter)
        XCTAssertEqual(try store.userSettings(viewer: f.peter), chosen)

        try store.saveUserSettings(UserSettings(view: "all", copiesToClipboard: true), viewer: f.peter)
        XCTAssertEqual(
            try store.userSettings(viewer: f.peter),
            UserSettings(view: "all", sort: .triage, oldestFirst: true, language: "fr", copiesToClipboard: true))
        XCTAssertEqual(try store.userSettings(viewer: f.paula), UserSettings())
    }

    func testUserSettingsNeverWaitAndAnnounceNoChange() throws {
        let token = try store.changeToken()
        try store.saveUserSettings(UserSettings(view: "mine"), viewer: f.alice)
        XCTAssertEqual(try store.changeToken(), token)
        try whileAnotherWriterHoldsTheLock {
            XCTAssertDeskError(
                try store.saveUserSettings(UserSettings(view: "all"), viewer: f.alice), .databaseBusy(path: f.path))
        }
        XCTAssertEqual(try store.userSettings(viewer: f.alice).view, "mine")
    }

    func testDraftsAnnounceNoChange() throws {
        try f.ticket("Printer jams", by: f.peter)
        let token = try store.changeToken()
        let slot = DraftSlot.reply(ticketNumber: 1)
        try store.saveDraft(Draft(slot: slot, body: "Which model?", updatedAt: f.clock.now), viewer: f.alice)
        try store.deleteDraft(slot, viewer: f.alice)
        XCTAssertEqual(try store.changeToken(), token, "nobody else shows a draft")
    }

    func testRecentRecordsOnlyTicketsTheViewerSees() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.ticket("Export fails", by: f.eve)
        XCTAssertDeskError(try store.recordViewed(number: 2, viewer: f.peter), .ticketNotFound(number: 2))
        XCTAssertDeskError(try store.recordViewed(number: 99, viewer: f.alice), .ticketNotFound(number: 99))
        try store.recordViewed(number: 1, viewer: f.peter)
        XCTAssertEqual(try f.numbers(.recent, f.peter), [1])
    }

    func testMarkingReadGivesWayToAWriterAndLeavesTheTicketUnread() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        f.clock.advance(by: 60)
        try f.reply(ticket.number, "Which model?", by: f.alice)
        // The last message shown (the reply, or the status change it caused).
        let answer = try XCTUnwrap(store.detail(number: ticket.number, viewer: f.peter).messages.last)
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], 1)
        try whileAnotherWriterHoldsTheLock {
            XCTAssertFalse(try store.markRead(number: ticket.number, throughMessage: answer.id, viewer: f.peter))
        }
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], 1)
        XCTAssertTrue(try store.markRead(number: ticket.number, throughMessage: answer.id, viewer: f.peter))
        XCTAssertEqual(try store.unreadCounts(viewer: f.peter)[.all], 0)
        XCTAssertFalse(try store.markRead(number: ticket.number, throughMessage: answer.id, viewer: f.peter), "already read")
        XCTAssertDeskError(
            try store.markRead(number: ticket.number, throughMessage: nil, viewer: f.eve), .ticketNotFound(number: ticket.number))
    }

    func testReadingThroughAMessageOfAnotherTicketReadsNoMessage() throws {
        let first = try f.ticket("Printer jams", by: f.peter)
        let second = try f.ticket("Toner empty", by: f.peter)
        f.clock.advance(by: 60)
        try f.reply(first.number, "Which model?", by: f.alice)
        try f.reply(second.number, "Which toner?", by: f.alice)
        let elsewhere = try XCTUnwrap(store.detail(number: second.number, viewer: f.peter).messages.last)
        XCTAssertTrue(try store.markRead(number: first.number, throughMessage: elsewhere.id, viewer: f.peter))
        XCTAssertTrue(
            try store.markRead(number: first.number, throughMessage: nil, viewer: f.peter),
            "the reply on the first ticket is still unread: the other ticket's message said nothing of it")
    }
}
