import Foundation
import XCTest

@testable import DeskModel

/// Creating tickets, replies, notes, status changes, attachments, watchers and auto-close
/// through the SQLite store.
final class StoreWorkflowTests: StoreTestCase {
    /// The history as one line per message: `kind author: body`.
    func history(_ number: Int64, for viewer: Viewer? = nil) throws -> [String] {
        let detail = try store.detail(number: number, viewer: viewer ?? f.alice)
        return detail.messages.map { message in
            let author = message.authorID.flatMap { detail.authors[$0]?.handle } ?? "-"
            return "\(message.kind.rawValue) \(author): \(message.body)"
        }
    }

    // MARK: - Creating tickets

    func testTicketNumbersAreSequentialAcrossRequesters() throws {
        let first = try f.ticket("Printer jams", by: f.peter)
        f.clock.advance(by: 60)
        let second = try f.ticket("VPN drops", by: f.erin)
        let third = try f.ticket("Invoice address", by: f.alice, kind: .question, requester: "fred")
        XCTAssertEqual([first.number, second.number, third.number], [1, 2, 3])
        XCTAssertEqual(third.reference, "#3")

        XCTAssertEqual(first, try store.ticket(number: 1, viewer: f.alice))
        XCTAssertEqual(first.status, .new)
        XCTAssertEqual(first.requesterID, f.peter.id)
        XCTAssertEqual(first.organisationID, f.proCo.id)
        XCTAssertNil(first.assigneeID)
        XCTAssertEqual(first.createdAt, StoreFixture.start)
        XCTAssertEqual(first.updatedAt, StoreFixture.start)
        XCTAssertEqual(second.createdAt, StoreFixture.start + 60)
        // Triage: arrival moved earlier by the tier's head start (Pro Co priority 8 h, Big Co premium 24 h).
        XCTAssertEqual(first.triageKey, 1_709_283_600 - 8 * 3600)
        XCTAssertEqual(second.triageKey, 1_709_283_660 - 24 * 3600)
        XCTAssertEqual(third.triageKey, 1_709_283_660)

        // Staff opening on behalf of a customer: the customer is the requester, the agent watches.
        XCTAssertEqual(third.requesterID, f.fred.id)
        XCTAssertEqual(third.organisationID, f.freeCo.id)
        XCTAssertEqual(try store.detail(number: 3, viewer: f.alice).watchers.map(\.handle), ["alice"])
        XCTAssertEqual(try f.numbers(.all, f.alice), [3, 2, 1])
    }

    func testNumbersKeepGrowingAfterReopen() throws {
        try f.ticket("One", by: f.peter)
        try f.ticket("Two", by: f.peter)
        let reopened = try f.reopen()
        let third = try reopened.createTicket(
            NewTicket(subject: "Three", description: "d", kind: .question), by: f.peter, allowDuplicate: false)
        XCTAssertEqual(third.number, 3)
    }

    func testFreePlanCannotOpenIncidentsButMayAskQuestions() throws {
        let before = try store.changeToken()
        XCTAssertDeskError(try f.ticket("Server down", by: f.fred, kind: .incident),
                           .incidentNotInPlan(organisation: "Free Co"))
        // Not on their behalf either: the plan is the requester's.
        XCTAssertDeskError(try f.ticket("Server down", by: f.alice, kind: .incident, requester: "fred"),
                           .incidentNotInPlan(organisation: "Free Co"))
        XCTAssertEqual(try f.count("ticket"), 0)
        XCTAssertEqual(try store.changeToken(), before)

        XCTAssertEqual(try f.ticket("Billing address", by: f.fred, kind: .question).number, 1)
        XCTAssertEqual(try f.ticket("Change my plan", by: f.fred, kind: .serviceRequest).number, 2)
        // Paying plans open incidents.
        XCTAssertEqual(try f.ticket("Server down", by: f.peter, kind: .incident).kind, .incident)
        XCTAssertEqual(try f.ticket("Server down", by: f.eve, kind: .incident).kind, .incident)
    }

    func testCustomerCannotOpenATicketForSomeoneElse() throws {
        XCTAssertDeskError(try f.ticket("For pia", by: f.peter, requester: "pia"),
                           .forbidden(.model("customers open tickets for themselves only", context: "not allowed")))
        // Not even the organisation's support contact.
        XCTAssertDeskError(try f.ticket("For pia", by: f.paula, requester: "pia"),
                           .forbidden(.model("customers open tickets for themselves only", context: "not allowed")))
        XCTAssertEqual(try f.count("ticket"), 0)
        // Naming themselves is fine.
        XCTAssertEqual(try f.ticket("Mine", by: f.peter, requester: "peter").requesterID, f.peter.id)
        XCTAssertDeskError(try f.ticket("Nobody", by: f.alice, requester: "nobody"), .userNotFound(handle: "nobody"))
    }

    func testDuplicateGuardWarnsUnlessAllowed() throws {
        let original = try f.ticket("Printer jams on page two", by: f.peter, allowDuplicate: false)
        XCTAssertDeskError(try f.ticket("printer jams: page two!", by: f.peter, allowDuplicate: false),
                           .possibleDuplicate(ofNumber: original.number, subject: "Printer jams on page two"))
        XCTAssertEqual(try f.count("ticket"), 1)

        // Another requester's ticket is not a duplicate of mine.
        XCTAssertEqual(try f.ticket("Printer jams on page two", by: f.pia, allowDuplicate: false).number, 2)
        // Forced.
        XCTAssertEqual(try f.ticket("printer jams: page two!", by: f.peter, allowDuplicate: true).number, 3)
        // An unrelated subject passes.
        XCTAssertEqual(try f.ticket("Invoice address", by: f.peter, kind: .question, allowDuplicate: false).number, 4)

        // A closed ticket is not active: no warning.
        try f.ticket("Scanner offline", by: f.eve)
        _ = try store.changeStatus(number: 5, to: .closed, by: f.alice)
        XCTAssertEqual(try f.ticket("Scanner offline", by: f.eve, allowDuplicate: false).number, 6)
    }

    func testFollowUpOnlyOfAClosedTicketTheViewerSees() throws {
        try f.ticket("Printer jams", by: f.peter)            // #1 open
        try f.ticket("Export fails", by: f.eve)              // #2 Big Co, closed below
        try f.ticket("VPN drops", by: f.peter)               // #3 closed below
        _ = try store.changeStatus(number: 2, to: .closed, by: f.alice)
        _ = try store.changeStatus(number: 3, to: .closed, by: f.peter)

        XCTAssertDeskError(try f.ticket("Still jams", by: f.peter, followUpOf: 1), .followUpOfOpenTicket(number: 1))
        XCTAssertDeskError(try f.ticket("Export again", by: f.peter, followUpOf: 2), .ticketNotFound(number: 2))
        XCTAssertDeskError(try f.ticket("Ghost", by: f.peter, followUpOf: 99), .ticketNotFound(number: 99))
        XCTAssertEqual(try f.count("ticket"), 3)

        let followUp = try f.ticket("VPN drops again", by: f.peter, followUpOf: 3)
        XCTAssertEqual(followUp.number, 4)
        XCTAssertEqual(followUp.followUpOfID, try store.ticket(number: 3, viewer: f.alice).id)
        XCTAssertEqual(try store.detail(number: 4, viewer: f.peter).followUpOfNumber, 3)
        XCTAssertNil(try store.detail(number: 1, viewer: f.peter).followUpOfNumber)

        // The organisation contact may continue a colleague's closed ticket; staff any.
        XCTAssertEqual(try f.ticket("Export again", by: f.erin, followUpOf: 2).followUpOfID,
                       try store.ticket(number: 2, viewer: f.alice).id)
        XCTAssertEqual(try f.ticket("Export again", by: f.alice, requester: "eve", followUpOf: 2).number, 6)
    }

    func testCreateRejectsEmptyFields() throws {
        XCTAssertDeskError(try f.ticket("   ", by: f.peter), .refused(.model("A ticket needs a subject")))
        XCTAssertDeskError(try f.ticket("Subject", by: f.peter, description: " \n"),
                           .refused(.model("A ticket needs a description")))
        XCTAssertDeskError(try f.ticket(String(repeating: "x", count: 201), by: f.peter),
                           .textTooLong(field: .subject, length: 201, limit: 200))
        XCTAssertEqual(try f.ticket("  Trimmed  ", by: f.peter).subject, "Trimmed")
    }

    // MARK: - Replies and status

    func testAgentReplyOnNewOpensItWithASystemEvent() throws {
        try f.ticket("Printer jams", by: f.peter)
        f.clock.advance(by: 120)
        let reply = try f.reply(1, "Which model?", by: f.alice)
        XCTAssertEqual(reply.kind, .reply)
        XCTAssertEqual(reply.authorID, f.alice.id)
        XCTAssertEqual(reply.createdAt, StoreFixture.start + 120)
        XCTAssertEqual(try f.status(1), .open)
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice).updatedAt, StoreFixture.start + 120)
        XCTAssertEqual(try history(1), [
            "reply alice: Which model?",
            "systemEvent alice: Status New → Open by alice",
        ])
        // A second reply on an open ticket changes nothing but the history.
        try f.reply(1, "Still there?", by: f.bob)
        XCTAssertEqual(try f.status(1), .open)
        XCTAssertEqual(try history(1).count, 3)
    }

    func testCustomerReplyOnNewOrOpenKeepsTheStatus() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "More details", by: f.peter)
        XCTAssertEqual(try f.status(1), .new)
        _ = try store.changeStatus(number: 1, to: .open, by: f.alice)
        try f.reply(1, "Even more", by: f.peter)
        XCTAssertEqual(try f.status(1), .open)
        XCTAssertEqual(try history(1), [
            "reply peter: More details",
            "systemEvent alice: Status New → Open by alice",
            "reply peter: Even more",
        ])
    }

    func testAskCustomerThenCustomerReplyReopens() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "Which model?", by: f.alice, intent: .askCustomer)
        XCTAssertEqual(try f.status(1), .awaitingCustomer)
        try f.reply(1, "The LX-200", by: f.peter)
        XCTAssertEqual(try f.status(1), .open)
        XCTAssertEqual(try history(1), [
            "reply alice: Which model?",
            "systemEvent alice: Status New → Awaiting customer by alice",
            "reply peter: The LX-200",
            "systemEvent peter: Status Awaiting customer → Open by peter",
        ])
    }

    func testProposeSolutionThenCustomerReplyReopens() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "Clean the roller", by: f.alice, intent: .proposeSolution)
        XCTAssertEqual(try f.status(1), .pending)
        // The organisation contact answers on the requester side too.
        try f.reply(1, "Did not help", by: f.paula)
        XCTAssertEqual(try f.status(1), .open)
        XCTAssertEqual(try history(1), [
            "reply alice: Clean the roller",
            "systemEvent alice: Status New → Pending by alice",
            "reply paula: Did not help",
            "systemEvent paula: Status Pending → Open by paula",
        ])
        // The customer sees the same history (nothing internal in it).
        XCTAssertEqual(try history(1, for: f.peter), try history(1))
    }

    func testCustomersCannotUseAgentIntentsOrNotes() throws {
        try f.ticket("Printer jams", by: f.peter)
        let before = try store.changeToken()
        XCTAssertDeskError(try f.reply(1, "Please close", by: f.peter, intent: .proposeSolution),
                           .forbidden(.model("only agents ask for information or propose solutions", context: "not allowed")))
        XCTAssertDeskError(try f.reply(1, "Tell me", by: f.peter, intent: .askCustomer),
                           .forbidden(.model("only agents ask for information or propose solutions", context: "not allowed")))
        XCTAssertDeskError(try f.note(1, "secret", by: f.peter), .forbidden(Notices.onlyAgentsWriteNotes))
        XCTAssertDeskError(try f.note(1, "secret", by: f.paula), .forbidden(Notices.onlyAgentsWriteNotes))
        XCTAssertDeskError(
            try store.addMessage(NewMessage(ticketNumber: 1, body: "x", isInternal: true, intent: .askCustomer), by: f.alice),
            .refused(.model("An internal note cannot ask the customer or propose a solution: the customer would never see it")))
        XCTAssertDeskError(try f.reply(1, "  \n ", by: f.alice), .refused(.model("The message is empty")))
        XCTAssertEqual(try history(1), [])
        XCTAssertEqual(try f.status(1), .new)
        XCTAssertEqual(try store.changeToken(), before)
    }

    func testInternalNoteNeverChangesTheStatus() throws {
        try f.ticket("Printer jams", by: f.peter)
        f.clock.advance(by: 60)
        let note = try f.note(1, "Known firmware bug", by: f.alice)
        XCTAssertEqual(note.kind, .internalNote)
        XCTAssertEqual(try f.status(1), .new)
        try f.reply(1, "Which model?", by: f.alice, intent: .askCustomer)
        try f.note(1, "Waiting on them", by: f.bob)
        XCTAssertEqual(try f.status(1), .awaitingCustomer)
        try f.reply(1, "Try this", by: f.alice, intent: .proposeSolution)
        try f.note(1, "Should work", by: f.root)
        XCTAssertEqual(try f.status(1), .pending)
        XCTAssertEqual(try history(1), [
            "internalNote alice: Known firmware bug",
            "reply alice: Which model?",
            "systemEvent alice: Status New → Awaiting customer by alice",
            "internalNote bob: Waiting on them",
            "reply alice: Try this",
            "systemEvent alice: Status Awaiting customer → Pending by alice",
            "internalNote root: Should work",
        ])
        // A note is activity: it moves the update time.
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice).updatedAt, StoreFixture.start + 60)
    }

    func testReplyThreadingChecksTheParent() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.ticket("Other", by: f.peter)
        let question = try f.reply(1, "Which model?", by: f.alice)
        let note = try f.note(1, "internal", by: f.alice)
        let answer = try store.addMessage(
            NewMessage(ticketNumber: 1, body: "LX-200", inReplyToID: question.id), by: f.peter)
        XCTAssertEqual(answer.inReplyToID, question.id)
        // A customer cannot answer a note they cannot see; nobody answers across tickets.
        XCTAssertDeskError(
            try store.addMessage(NewMessage(ticketNumber: 1, body: "x", inReplyToID: note.id), by: f.peter),
            .messageNotFound(id: note.id))
        XCTAssertDeskError(
            try store.addMessage(NewMessage(ticketNumber: 2, body: "x", inReplyToID: question.id), by: f.alice),
            .messageNotFound(id: question.id))
        XCTAssertEqual(
            try store.addMessage(NewMessage(ticketNumber: 1, body: "re note", inReplyToID: note.id), by: f.bob).inReplyToID,
            note.id)
    }

    func testChangeStatusRules() throws {
        try f.ticket("Printer jams", by: f.peter)
        // Taking an unassigned ticket makes it yours.
        let taken = try store.changeStatus(number: 1, to: .open, by: f.bob)
        XCTAssertEqual(taken.status, .open)
        XCTAssertEqual(taken.assigneeID, f.bob.id)
        XCTAssertDeskError(try store.changeStatus(number: 1, to: .open, by: f.bob),
                           .refused(.model("Ticket #{number} is already {status}", ["number": .number(1), "status": .phrase(TicketStatus.open.labelPhrase(for: .agent, inSentence: true))])))
        XCTAssertDeskError(try store.changeStatus(number: 1, to: .new, by: f.bob),
                           .refused(.model("A ticket cannot go back to new")))
        XCTAssertDeskError(try store.changeStatus(number: 1, to: .pending, by: f.peter),
                           .forbidden(.model("customers may only close their own tickets", context: "not allowed")))
        XCTAssertEqual(try store.changeStatus(number: 1, to: .awaitingCustomer, by: f.alice).assigneeID, f.bob.id)
        XCTAssertEqual(try store.changeStatus(number: 1, to: .closed, by: f.peter).status, .closed)
        XCTAssertEqual(try history(1), [
            "systemEvent bob: Status New → Open by bob",
            "systemEvent alice: Status Open → Awaiting customer by alice",
            "systemEvent peter: Status Awaiting customer → Closed by peter",
        ])

        // A colleague with own access cannot close someone else's ticket they watch; the contact can.
        try f.ticket("Report missing", by: f.pia)
        try store.setWatching(number: 2, handle: "peter", watching: true, by: f.alice)
        XCTAssertDeskError(try store.changeStatus(number: 2, to: .closed, by: f.peter),
                           .forbidden(.model("customers may only close their own tickets", context: "not allowed")))
        XCTAssertEqual(try store.changeStatus(number: 2, to: .closed, by: f.paula).status, .closed)
    }

    func testClosedIsFinalForEveryone() throws {
        try f.ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)
        let closedAt = try store.ticket(number: 1, viewer: f.alice)
        let before = try store.changeToken()
        let closed = DeskError.ticketClosed(number: 1)

        XCTAssertDeskError(try f.reply(1, "One more thing", by: f.peter), closed)
        XCTAssertDeskError(try f.reply(1, "Reopening", by: f.alice), closed)
        XCTAssertDeskError(try f.reply(1, "Ask", by: f.alice, intent: .askCustomer), closed)
        XCTAssertDeskError(try f.note(1, "note", by: f.alice), closed)
        for target in [TicketStatus.new, .open, .awaitingCustomer, .pending, .closed] {
            XCTAssertDeskError(try store.changeStatus(number: 1, to: target, by: f.alice), closed)
        }
        XCTAssertDeskError(try store.changeStatus(number: 1, to: .closed, by: f.peter), closed)
        XCTAssertDeskError(try store.assign(number: 1, to: "bob", by: f.alice), closed)
        XCTAssertDeskError(try store.assign(number: 1, to: nil, by: f.root), closed)
        XCTAssertDeskError(try store.attach(number: 1, name: "log.txt", mediaType: "text/plain", data: Data("x".utf8), by: f.peter), closed)
        XCTAssertDeskError(try store.attach(number: 1, name: "log.txt", mediaType: "text/plain", data: Data("x".utf8), by: f.alice), closed)

        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice), closedAt)
        XCTAssertEqual(try history(1), ["systemEvent alice: Status New → Closed by alice"])
        XCTAssertEqual(try f.count("attachment"), 0)
        XCTAssertEqual(try store.changeToken(), before)
    }

    func testAssignment() throws {
        try f.ticket("Printer jams", by: f.peter)
        f.clock.advance(by: 30)
        let assigned = try store.assign(number: 1, to: "bob", by: f.alice)
        XCTAssertEqual(assigned.assigneeID, f.bob.id)
        XCTAssertEqual(assigned.status, .open)
        XCTAssertEqual(assigned.updatedAt, StoreFixture.start + 30)
        XCTAssertEqual(assigned, try store.ticket(number: 1, viewer: f.alice))
        XCTAssertDeskError(try store.assign(number: 1, to: "bob", by: f.alice), .refused(.model("Ticket #{number} is already assigned to {handle}", ["number": .number(1), "handle": .text("bob")])))
        XCTAssertDeskError(try store.assign(number: 1, to: "peter", by: f.alice),
                           .refused(.model("{handle} is a customer; only agents can be assigned", ["handle": .text("peter")])))
        XCTAssertDeskError(try store.assign(number: 1, to: "ghost", by: f.alice), .userNotFound(handle: "ghost"))
        XCTAssertDeskError(try store.assign(number: 1, to: "alice", by: f.peter), .forbidden(Notices.onlyAgentsAssign))
        XCTAssertEqual(try store.assign(number: 1, to: "root", by: f.alice).assigneeID, f.root.id)
        XCTAssertNil(try store.assign(number: 1, to: nil, by: f.alice).assigneeID)
        XCTAssertDeskError(try store.assign(number: 1, to: nil, by: f.alice), .refused(.model("Ticket #{number} is already unassigned", ["number": .number(1)])))
        XCTAssertEqual(try history(1), [
            "systemEvent alice: Assigned to bob by alice",
            "systemEvent alice: Status New → Open by alice",
            "systemEvent alice: Assigned to root by alice",
            "systemEvent alice: Unassigned by alice",
        ])
    }

    // MARK: - Attachments and watchers

    func testAttachmentsNeverChangeTheStatus() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "Send a log", by: f.alice, intent: .askCustomer)
        f.clock.advance(by: 60)
        let attachment = try store.attach(
            number: 1, name: "/tmp/../logs/printer.log", mediaType: "text/plain", data: Data("abc".utf8), by: f.peter)
        XCTAssertEqual(try f.status(1), .awaitingCustomer)
        XCTAssertEqual(attachment.name, "printer.log")
        XCTAssertEqual(attachment.size, 3)
        XCTAssertEqual(attachment.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(attachment.uploaderID, f.peter.id)
        XCTAssertNil(attachment.messageID)
        XCTAssertEqual(attachment.createdAt, StoreFixture.start + 60)
        // Activity, not a status change.
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice).updatedAt, StoreFixture.start + 60)
        XCTAssertEqual(try history(1).count, 2)

        try f.reply(1, "Try this", by: f.alice, intent: .proposeSolution)
        _ = try store.attach(number: 1, name: "fix.txt", mediaType: "text/plain", data: Data(), by: f.alice)
        XCTAssertEqual(try f.status(1), .pending)

        let stored = try store.detail(number: 1, viewer: f.peter).attachments
        XCTAssertEqual(stored.map(\.name), ["printer.log", "fix.txt"])
        XCTAssertEqual(stored.first, attachment)
        XCTAssertEqual(stored.map(\.sha256), [
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ])
        XCTAssertEqual(try store.attachmentData(id: attachment.id, viewer: f.paula), Data("abc".utf8))
        XCTAssertDeskError(try store.attachmentData(id: attachment.id, viewer: f.erin), .refused(.model("No attachment {id}", ["id": .number(attachment.id)])))
        XCTAssertDeskError(try store.attachmentData(id: 999, viewer: f.alice), .refused(.model("No attachment {id}", ["id": .number(999)])))
        XCTAssertDeskError(try store.attach(number: 1, name: "", mediaType: "text/plain", data: Data(), by: f.alice),
                           .refused(.model("'{name}' is not a usable attachment name", ["name": .text("")])))
    }

    func testAttachmentLimitRefusesAndWritesNothing() throws {
        try store.updateSettings(DeskSettings(name: "Test desk", autoCloseDays: 5, attachmentLimit: 10))
        XCTAssertEqual(try store.settings(), DeskSettings(name: "Test desk", autoCloseDays: 5, attachmentLimit: 10))
        try f.ticket("Printer jams", by: f.peter)
        let ticketBefore = try store.ticket(number: 1, viewer: f.alice)
        let tokenBefore = try store.changeToken()
        f.clock.advance(by: 60)

        XCTAssertDeskError(
            try store.attach(number: 1, name: "big.bin", mediaType: "application/octet-stream",
                             data: Data(repeating: 7, count: 11), by: f.peter),
            .attachmentTooLarge(name: "big.bin", size: 11, limit: 10))
        XCTAssertEqual(try f.count("attachment"), 0)
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice), ticketBefore)
        XCTAssertEqual(try store.changeToken(), tokenBefore)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice).attachments, [])

        // Exactly at the limit is accepted.
        let fits = try store.attach(number: 1, name: "ok.bin", mediaType: "application/octet-stream",
                                    data: Data(repeating: 7, count: 10), by: f.peter)
        XCTAssertEqual(fits.size, 10)
        XCTAssertEqual(try f.count("attachment"), 1)
    }

    func testSettingsValidation() throws {
        XCTAssertEqual(try store.settings(), DeskSettings())
        XCTAssertDeskError(try store.updateSettings(DeskSettings(autoCloseDays: 0)), .refused(.model("auto-close needs at least 1 day")))
        XCTAssertDeskError(try store.updateSettings(DeskSettings(attachmentLimit: 0)), .refused(.model("the attachment limit must be positive")))
        XCTAssertDeskError(try store.updateSettings(DeskSettings(name: "  ")), .refused(.model("the desk needs a name")))
        XCTAssertEqual(try store.settings(), DeskSettings())
    }

    func testWatchersNeverChangeStatusOrUpdateTime() throws {
        try f.ticket("Printer jams", by: f.peter)
        try f.reply(1, "Which model?", by: f.alice, intent: .askCustomer)
        let before = try store.ticket(number: 1, viewer: f.alice)
        f.clock.advance(by: 3600)
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        try store.setWatching(number: 1, handle: "paula", watching: true, by: f.paula)
        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.alice)
        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.alice) // idempotent
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter).watchers.map(\.handle), ["bob", "paula", "pia"])
        try store.setWatching(number: 1, handle: "pia", watching: false, by: f.pia)
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter).watchers.map(\.handle), ["bob", "paula"])
        XCTAssertEqual(try store.ticket(number: 1, viewer: f.alice), before)
        XCTAssertEqual(try history(1).count, 2)

        // Customers manage only their own watching.
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "pia", watching: true, by: f.peter),
                           .forbidden(Desk.ownWatchingOnly))
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "paula", watching: false, by: f.peter),
                           .forbidden(Desk.ownWatchingOnly))
        // A customer does not learn which handles exist; staff do.
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "ghost", watching: true, by: f.peter),
                           .forbidden(Desk.ownWatchingOnly))
        XCTAssertDeskError(try store.setWatching(number: 1, handle: "ghost", watching: true, by: f.alice),
                           .userNotFound(handle: "ghost"))
    }

    // MARK: - Auto-close

    func testPendingIdleFiveDaysClosesWithASystemEvent() throws {
        try f.ticket("Pending A", by: f.peter)                               // #1
        try f.ticket("Pending B", by: f.eve)                                 // #2
        try f.ticket("Awaiting", by: f.pia)                                  // #3
        try f.ticket("Open", by: f.erin)                                     // #4
        try f.ticket("New", by: f.fred, kind: .question)                     // #5
        try f.reply(1, "Fixed?", by: f.alice, intent: .proposeSolution)
        try f.reply(3, "Details?", by: f.alice, intent: .askCustomer)
        try f.reply(4, "Looking", by: f.alice)
        f.clock.advance(by: 3600)
        try f.reply(2, "Fixed?", by: f.bob, intent: .proposeSolution)        // an hour later than #1

        // Four days, or five days less a second, is not enough.
        f.clock.set(StoreFixture.start + 4 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [])
        f.clock.set(StoreFixture.start + 5 * StoreFixture.day - 1)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [])
        XCTAssertEqual(try [1, 2, 3, 4, 5].map(f.status), [.pending, .pending, .awaitingCustomer, .open, .new])

        // Exactly five days idle closes #1 only.
        f.clock.set(StoreFixture.start + 5 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [1])
        XCTAssertEqual(try [1, 2, 3, 4, 5].map(f.status), [.closed, .pending, .awaitingCustomer, .open, .new])
        let closed = try store.ticket(number: 1, viewer: f.alice)
        XCTAssertEqual(closed.updatedAt, StoreFixture.start + 5 * StoreFixture.day)
        XCTAssertEqual(try history(1), [
            "reply alice: Fixed?",
            "systemEvent alice: Status New → Pending by alice",
            "systemEvent -: Closed automatically: solution proposed and no update for 5 days",
        ])
        let event = try store.detail(number: 1, viewer: f.peter).messages.last
        XCTAssertEqual(event?.kind, .systemEvent)
        XCTAssertNil(event?.authorID)
        // Running again closes nothing twice.
        XCTAssertEqual(try store.autoCloseIdleTickets(), [])

        // Much later: #2 too, never the other statuses.
        f.clock.set(StoreFixture.start + 30 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [2])
        XCTAssertEqual(try [1, 2, 3, 4, 5].map(f.status), [.closed, .closed, .awaitingCustomer, .open, .new])
        XCTAssertEqual(try history(3).count, 2)
        XCTAssertEqual(try history(4).count, 2)
        XCTAssertEqual(try history(5).count, 0)
    }

    func testActivityOnAPendingTicketDelaysAutoClose() throws {
        try f.ticket("Pending", by: f.peter)
        try f.reply(1, "Fixed?", by: f.alice, intent: .proposeSolution)
        f.clock.set(StoreFixture.start + 3 * StoreFixture.day)
        _ = try store.attach(number: 1, name: "a.txt", mediaType: "text/plain", data: Data("a".utf8), by: f.peter)
        try f.note(1, "still pending", by: f.alice)
        XCTAssertEqual(try f.status(1), .pending)
        f.clock.set(StoreFixture.start + 7 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [])
        f.clock.set(StoreFixture.start + 8 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [1])
    }

    func testAutoCloseDaysAreConfigurable() throws {
        try store.updateSettings(DeskSettings(autoCloseDays: 2))
        try f.ticket("Pending", by: f.peter)
        try f.reply(1, "Fixed?", by: f.alice, intent: .proposeSolution)
        f.clock.set(StoreFixture.start + 2 * StoreFixture.day - 1)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [])
        f.clock.set(StoreFixture.start + 2 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [1])
        XCTAssertEqual(try history(1).last, "systemEvent -: Closed automatically: solution proposed and no update for 2 days")
    }

    func testChangeTokenMovesOnEveryWrite() throws {
        let start = try store.changeToken()
        try f.ticket("Printer jams", by: f.peter)
        let afterCreate = try store.changeToken()
        XCTAssertGreaterThan(afterCreate, start)
        _ = try store.detail(number: 1, viewer: f.alice)
        _ = try store.page(PageRequest(view: .all), viewer: f.alice)
        XCTAssertEqual(try store.changeToken(), afterCreate)
        try f.reply(1, "hi", by: f.alice)
        XCTAssertGreaterThan(try store.changeToken(), afterCreate)
    }
}
