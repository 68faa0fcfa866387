import DeskMail
import Foundation
import XCTest

@testable import DeskModel

/// Who gets which notification mail, in which language, threaded how; what never leaves the
/// desk; and that the mail is part of the change's own transaction. Runs on every backend.
class MailTestCase: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try setDesk("mail.address", "support@desk.test")
    }

    func setDesk(_ key: String, _ value: String) throws {
        try store.storage.writeRows(.standard) { rows in try rows.setDeskSettingValue(key: key, value: value) }
    }

    /// Every queued mail, oldest first, read back through the parser.
    func outbox() throws -> [(recipient: String, event: String, mail: MailMessage)] {
        let entries = try store.mailQueue(viewer: f.root, limit: 1000, unsentOnly: false).reversed()
        let data = try store.storage.readRows { rows in try rows.dueOutboxMail(at: f.clock.now.addingTimeInterval(86_400 * 365), limit: 1000) }
        return try entries.map { entry in
            let bytes = try XCTUnwrap(data.first { $0.id == entry.id }?.data)
            return (entry.recipient, entry.event, try MailMessage.read(bytes).get())
        }
    }

    func summary() throws -> [String] {
        try outbox().map { "\($0.recipient) \($0.event)" }
    }

    @discardableResult
    func ticket(_ subject: String, by viewer: Viewer, contact: ContactPreference = .email, requester: String? = nil) throws -> Ticket {
        try store.createTicket(
            NewTicket(subject: subject, description: "About: \(subject)", kind: .serviceRequest, contact: contact, requesterHandle: requester),
            by: viewer, allowDuplicate: true)
    }

    func text(_ mail: MailMessage) -> String {
        mail.content.text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}

final class MailNotificationRuleTests: MailTestCase {
    func testANewTicketIsAcknowledgedToItsRequesterWithItsNumber() throws {
        try ticket("Printer jams", by: f.peter)
        let mails = try outbox()
        XCTAssertEqual(mails.map { "\($0.recipient) \($0.event)" }, ["peter@example.com created"])
        let mail = try XCTUnwrap(mails.first?.mail)
        XCTAssertEqual(mail.envelope.subjectText, "[Desk #1] Printer jams")
        XCTAssertTrue(text(mail).hasPrefix("We have received your request. Its reference number is #1."), text(mail))
        XCTAssertTrue(text(mail).contains("About: Printer jams"))
        XCTAssertEqual(mail.envelope.headers.first("auto-submitted"), "auto-generated")
        XCTAssertEqual(mail.envelope.headers.first("x-loop"), "support@desk.test")
        let replyTo = try XCTUnwrap(MailAddress.parseFirst(mail.envelope.headers.first("reply-to") ?? ""))
        XCTAssertTrue(replyTo.address.hasPrefix("support+1-"), replyTo.address)
        XCTAssertTrue(mail.envelope.externalID.hasPrefix("<1.created."), mail.envelope.externalID)
    }

    func testADeskWithoutAnAddressSendsNothing() throws {
        try store.storage.writeRows(.standard) { rows in try rows.setDeskSettingValue(key: "mail.address", value: "") }
        try ticket("Printer jams", by: f.peter)
        try f.reply(1, "Looking", by: f.alice)
        XCTAssertEqual(try summary(), [])
    }

    func testPortalCustomersGetOnlyWhatTheyOptedInto() throws {
        try ticket("Portal only", by: f.peter, contact: .portal)
        try f.reply(1, "First answer", by: f.alice)
        XCTAssertEqual(try summary(), [])
        try store.setMailPreference(.solutionProposed, wanted: true, viewer: f.peter)
        try f.reply(1, "Second answer", by: f.alice)
        try f.reply(1, "Try this", by: f.alice, intent: .proposeSolution)
        XCTAssertEqual(try summary(), ["peter@example.com solutionProposed"])
    }

    func testEmailCustomersMayOptOut() throws {
        try store.setMailPreference(.reply, wanted: false, viewer: f.peter)
        try ticket("Printer jams", by: f.peter)
        try f.reply(1, "Looking", by: f.alice)
        XCTAssertEqual(try summary(), ["peter@example.com created"])
    }

    func testPublicRepliesReachRequesterAndWatchersButNeverTheirAuthor() throws {
        try ticket("Printer jams", by: f.peter)
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.alice)
        try f.reply(1, "We are looking into it", by: f.alice)
        XCTAssertEqual(try summary(), [
            "peter@example.com created", "peter@example.com reply", "bob@example.com reply", "pia@example.com reply",
        ])
        let reply = try outbox()[1].mail
        XCTAssertTrue(text(reply).hasPrefix("Alice replied on ticket #1.\n\nAlice wrote on 2024-03-01 09:00:\n\nWe are looking into it"), text(reply))
        // A person's reply to a customer is no automatic mail.
        XCTAssertNil(reply.envelope.headers.first("auto-submitted"))
    }

    func testInternalNotesNeverLeaveTheDesk() throws {
        try ticket("Printer jams", by: f.peter)
        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.alice)
        try f.note(1, "Firmware bug, known", by: f.alice)
        XCTAssertEqual(try summary(), ["peter@example.com created"])
        // Nor do they show in a later mail's history to customers (staff see them there).
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        try f.reply(1, "Fixed", by: f.alice)
        let mails = try outbox()
        XCTAssertEqual(mails.map { "\($0.recipient) \($0.event)" }, [
            "peter@example.com created", "peter@example.com reply", "bob@example.com reply", "pia@example.com reply",
        ])
        for mail in mails where mail.recipient != "bob@example.com" { XCTAssertFalse(text(mail.mail).contains("Firmware"), text(mail.mail)) }
        XCTAssertTrue(text(mails[2].mail).contains("> Firmware bug, known"))
    }

    func testCustomerRepliesReachTheAssigneeAndStaffWatchers() throws {
        try ticket("Printer jams", by: f.peter)
        _ = try store.assign(number: 1, to: "alice", by: f.root)
        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.root)
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.root)
        try f.reply(1, "Still jammed", by: f.peter)
        XCTAssertEqual(try summary(), [
            "peter@example.com created", "alice@example.com customerReply", "bob@example.com customerReply", "pia@example.com reply",
        ])
        let agentMail = try outbox()[1].mail
        XCTAssertTrue(text(agentMail).hasPrefix("Peter replied on ticket #1 (status: Open)."), text(agentMail))
    }

    func testAgentsHearOfNewTicketsTheyAreAssignedOrWatch() throws {
        try ticket("Old", by: f.peter)
        _ = try store.assign(number: 1, to: "bob", by: f.alice)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)
        // A follow-up goes to the closed ticket's agent; alice opened it for peter and watches it herself.
        f.clock.advance(by: 3600)
        _ = try store.createTicket(
            NewTicket(subject: "Again", description: "Still", kind: .serviceRequest, contact: .email, requesterHandle: "peter",
                      followUpOfNumber: 1, watcherHandles: ["pia"]),
            by: f.alice, allowDuplicate: true)
        XCTAssertEqual(Array(try summary().suffix(2)), ["peter@example.com created", "bob@example.com newTicket"])
    }

    func testAgentsMayTurnTheirMailOff() throws {
        try store.setMailPreference(.customerReply, wanted: false, viewer: f.alice)
        try ticket("Printer jams", by: f.peter)
        _ = try store.assign(number: 1, to: "alice", by: f.root)
        try f.reply(1, "Still jammed", by: f.peter)
        XCTAssertEqual(try summary(), ["peter@example.com created"])
        XCTAssertThrowsError(try store.setMailPreference(.created, wanted: true, viewer: f.alice))
    }

    func testActionRequiredSolutionProposedAndClosing() throws {
        try ticket("Printer jams", by: f.peter)
        try f.reply(1, "Which model?", by: f.alice, intent: .askCustomer)
        try f.reply(1, "The X200", by: f.peter)
        try f.reply(1, "Update the firmware", by: f.alice, intent: .proposeSolution)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)
        XCTAssertEqual(try summary(), [
            "peter@example.com created", "peter@example.com actionRequired", "peter@example.com solutionProposed", "peter@example.com closed",
        ])
        let mails = try outbox()
        XCTAssertTrue(text(mails[1].mail).hasPrefix("Ticket #1 needs information from you before it can continue."))
        // The default auto-close is 5 days after the proposal.
        XCTAssertTrue(text(mails[2].mail).contains("Without an answer from you, the ticket will close by itself on 2024-03-06 09:00."), text(mails[2].mail))
        XCTAssertTrue(text(mails[3].mail).hasPrefix("Ticket #1 has been closed."))
        XCTAssertTrue(text(mails[3].mail).contains("A reply to this e-mail opens a follow-up ticket."))
        XCTAssertEqual(mails[3].mail.envelope.headers.first("auto-submitted"), "auto-generated")
    }

    func testStatusChangesWithoutAReplyAndAutoClose() throws {
        try ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: 1, to: .pending, by: f.alice)
        f.clock.advance(by: 6 * StoreFixture.day)
        XCTAssertEqual(try store.autoCloseIdleTickets(), [1])
        XCTAssertEqual(try summary(), ["peter@example.com created", "peter@example.com solutionProposed", "peter@example.com closed"])
        XCTAssertTrue(text(try outbox()[2].mail).hasPrefix("Ticket #1 was closed automatically: the proposed solution had no answer."))
    }

    func testAcknowledgementsAreRateLimitedPerSender() throws {
        try ticket("One", by: f.peter)
        f.clock.advance(by: 300)
        try ticket("Two", by: f.peter)
        XCTAssertEqual(try summary(), ["peter@example.com created"])
        f.clock.advance(by: 301)
        try ticket("Three", by: f.peter)
        XCTAssertEqual(try summary(), ["peter@example.com created", "peter@example.com created"])
        try setDesk(MailOutSettingKey.acknowledgementInterval, "0")
        try ticket("Four", by: f.peter)
        XCTAssertEqual(try summary().count, 3)
    }

    func mail(_ headers: String, body: String = "Hello") -> Data {
        Data((headers + "\nDate: Fri, 01 Mar 2024 09:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n" + body + "\n").utf8)
    }

    func testMailFromCustomersIsAcknowledgedAndThreadedButAutomaticMailNeverAnswered() throws {
        let first = try store.receiveMail(mail("From: Peter <peter@example.com>\nTo: support@desk.test\nSubject: Printer jams\nMessage-ID: <p1@example.com>"))
        XCTAssertEqual(first.ticketNumber, 1)
        XCTAssertEqual(try summary(), ["peter@example.com created"])
        let ack = try outbox()[0].mail
        f.clock.advance(by: 3600)
        let outOfOffice = try store.receiveMail(mail(
            "From: Peter <peter@example.com>\nTo: support@desk.test\nSubject: Out of office\nAuto-Submitted: auto-replied\n"
                + "Message-ID: <p2@example.com>\nIn-Reply-To: \(ack.envelope.externalID)"))
        XCTAssertEqual(outOfOffice.outcome, .recorded)
        XCTAssertEqual(try summary(), ["peter@example.com created"])
        // The agent's reply threads under the customer's first mail and the acknowledgement.
        try f.reply(1, "Which model?", by: f.alice)
        let reply = try outbox()[1].mail
        XCTAssertEqual(reply.envelope.headers.first("in-reply-to"), ack.envelope.externalID)
        XCTAssertEqual(MessageIDs.parse(reply.envelope.headers.first("references")).map { "<\($0)>" }, ["<p1@example.com>", ack.envelope.externalID])
    }

    func testUnknownSendersGetOnePoliteRefusal() throws {
        try setDesk("mail.unknown_senders", "refuse")
        let refused = try store.receiveMail(mail("From: Stranger <who@nowhere.test>\nTo: support@desk.test\nSubject: Hello\nMessage-ID: <s1@nowhere.test>"))
        XCTAssertEqual(refused.outcome, .refused)
        _ = try store.receiveMail(mail("From: Stranger <who@nowhere.test>\nTo: support@desk.test\nSubject: Again\nMessage-ID: <s2@nowhere.test>"))
        XCTAssertEqual(try summary(), ["who@nowhere.test refused"])
        let answer = try outbox()[0].mail
        XCTAssertEqual(answer.envelope.subjectText, "Re: Hello")
        XCTAssertEqual(answer.envelope.parentCandidates, ["<s1@nowhere.test>"])
        XCTAssertEqual(answer.envelope.headers.first("auto-submitted"), "auto-replied")
        XCTAssertTrue(text(answer).hasPrefix("Your message could not be accepted: this address is not known to the help desk."))
        // Our own address is never answered (a loop).
        _ = try store.receiveMail(mail("From: support@desk.test\nTo: support@desk.test\nSubject: Echo\nMessage-ID: <s3@desk.test>"))
        XCTAssertEqual(try summary(), ["who@nowhere.test refused"])
    }

    func testAReplyToAClosedTicketIsAcknowledgedAsItsFollowUp() throws {
        try ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: 1, to: .closed, by: f.alice)
        f.clock.advance(by: 3600)
        let result = try store.receiveMail(mail("From: Peter <peter@example.com>\nTo: support@desk.test\nSubject: Re: [Desk #1] Printer jams\nMessage-ID: <p9@example.com>"))
        XCTAssertEqual(result.ticketNumber, 2)
        let ack = try XCTUnwrap(try outbox().last)
        XCTAssertEqual(ack.event, "created")
        XCTAssertTrue(text(ack.mail).hasPrefix("We have received your request. Its reference number is #2.\n\nIt continues ticket #1, which is closed."), text(ack.mail))
    }

    func testABounceThroughTheMailGatewayBecomesAStaffEvent() throws {
        try ticket("Printer jams", by: f.peter)
        let sent = try XCTUnwrap(store.mailQueue(viewer: f.alice, limit: 10, unsentOnly: false).first)
        let bounce = """
            From: Mail Delivery System <MAILER-DAEMON@desk.test>
            To: support@desk.test
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce1@desk.test>
            Date: Fri, 01 Mar 2024 09:05:00 +0000
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            The mail could not be delivered.
            --b
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; peter@example.com
            Action: failed
            Status: 5.1.1
            --b
            Content-Type: text/rfc822-headers

            Message-ID: <\(sent.headerID)>
            Subject: [Desk #1] Printer jams
            --b--

            """
        _ = try store.receiveMail(Data(bounce.utf8))
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice).messages.last?.event, .mailBounced(recipient: "peter@example.com"))
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter).messages, [])
        XCTAssertEqual(try summary(), ["peter@example.com created"])
    }

    func testTheMailIsPartOfTheChangesTransaction() throws {
        try ticket("Printer jams", by: f.peter)
        let tooLarge = NewAttachment(name: "big.bin", mediaType: "application/octet-stream", data: Data(count: 30 * 1024 * 1024))
        XCTAssertThrowsError(try store.addMessage(
            NewMessage(ticketNumber: 1, body: "With a file", intent: .plain), by: f.alice, clearingDraft: nil, attaching: [tooLarge]))
        XCTAssertEqual(try summary(), ["peter@example.com created"])
    }

    func testNobodyWithoutAUsableAddressAndNobodyWhoCannotSeeTheTicket() throws {
        _ = try store.addUser(NewUser(handle: "noaddress", name: "No Address", email: "", role: .customer, organisationName: "Pro Co"))
        try ticket("Printer jams", by: f.alice, requester: "noaddress")
        try f.reply(1, "Hello", by: f.alice)
        XCTAssertEqual(try summary(), [])
        XCTAssertFalse(MailOutRules.isDeliverable("a@b@c"))
        XCTAssertFalse(MailOutRules.isDeliverable("x y@z"))
        XCTAssertTrue(MailOutRules.isDeliverable("peter+tag@example.com"))
    }

    func testMailIsInTheRecipientsLanguageElseTheDesks() throws {
        try store.setUserLanguage(.french, handle: "peter")
        try ticket("Imprimante", by: f.peter)
        try store.setWatching(number: 1, handle: "pia", watching: true, by: f.alice)
        try setDesk(MailOutSettingKey.language, "de")
        try f.reply(1, "Nous regardons", by: f.alice, intent: .proposeSolution)
        let mails = try outbox()
        XCTAssertTrue(text(mails[0].mail).hasPrefix("Nous avons bien reçu votre demande. Son numéro de référence est #1."), text(mails[0].mail))
        XCTAssertTrue(text(mails[1].mail).contains("le ticket sera fermé automatiquement le 6 mars 2024 09:00."), text(mails[1].mail))
        XCTAssertTrue(text(mails[2].mail).hasPrefix("Für das Ticket #1 wurde eine Lösung vorgeschlagen."), text(mails[2].mail))
        XCTAssertTrue(text(mails[2].mail).contains("Alice schrieb am 1. März 2024, 09:00:"), text(mails[2].mail))
    }

    func testMailsOfATicketThreadAndCarryAShortHistory() throws {
        try ticket("Printer jams", by: f.peter)
        f.clock.advance(by: 60)
        try f.reply(1, "Which model?", by: f.alice)
        f.clock.advance(by: 60)
        try f.reply(1, "Fixed now", by: f.alice)
        let mails = try outbox()
        let ids = mails.map(\.mail.envelope.externalID)
        XCTAssertEqual(mails[1].mail.envelope.parentCandidates, [ids[0]])
        XCTAssertEqual(mails[2].mail.envelope.headers.first("in-reply-to"), ids[1])
        XCTAssertEqual(MessageIDs.parse(mails[2].mail.envelope.headers.first("references")).map { "<\($0)>" }, [ids[0], ids[1]])
        let body = text(mails[2].mail)
        XCTAssertTrue(body.contains("Fixed now"))
        let history = try XCTUnwrap(body.range(of: "Earlier messages:"))
        XCTAssertTrue(body[history.upperBound...].contains("On 2024-03-01 09:01, Alice wrote:\n> Which model?"), body)
        XCTAssertTrue(body[history.upperBound...].contains("On 2024-03-01 09:00, Peter wrote:\n> About: Printer jams"), body)
    }

    func testAThreadIsTrimmedInTheMiddle() {
        let thread = MailThread(ids: (1...30).map { "id\($0)@x" } + ["id30@x"])
        XCTAssertEqual(thread.inReplyTo, "id30@x")
        XCTAssertEqual(thread.references, ["id1@x"] + (22...30).map { "id\($0)@x" })
    }
}

final class MailDeliveryRuleTests: MailTestCase {
    func testAFailedDeliveryBacksOffAndIsSentOnceItSucceeds() throws {
        try ticket("Printer jams", by: f.peter)
        var tries = 0
        var report = try store.deliverDueMail(limit: 10) { _ in tries += 1; return "sendmail exited with status 75" }
        XCTAssertEqual(report, MailDeliveryReport(sent: 0, failed: 1))
        var entry = try XCTUnwrap(store.mailQueue(viewer: f.alice, limit: 10, unsentOnly: true).first)
        XCTAssertEqual(entry.attempts, 1)
        XCTAssertEqual(entry.lastError, "sendmail exited with status 75")
        XCTAssertEqual(entry.nextAttemptAt, f.clock.now.addingTimeInterval(60))
        // Not due yet.
        XCTAssertEqual(try store.deliverDueMail(limit: 10) { _ in tries += 1; return nil }, MailDeliveryReport())
        f.clock.advance(by: 60)
        report = try store.deliverDueMail(limit: 10) { _ in tries += 1; return nil }
        XCTAssertEqual(report, MailDeliveryReport(sent: 1, failed: 0))
        entry = try XCTUnwrap(store.mailQueue(viewer: f.alice, limit: 10, unsentOnly: false).first)
        XCTAssertEqual(entry.sentAt, f.clock.now)
        XCTAssertNil(entry.lastError)
        f.clock.advance(by: 86_400)
        XCTAssertEqual(try store.deliverDueMail(limit: 10) { _ in tries += 1; return nil }, MailDeliveryReport())
        XCTAssertEqual(tries, 2)
    }

    func testBackOffDoublesUpToAnHour() {
        XCTAssertEqual((1...8).map { Desk.mailBackOff(afterFailures: $0) }, [60, 120, 240, 480, 960, 1920, 3600, 3600])
    }

    func testAClaimedMailIsLeftToItsDeliverer() throws {
        try ticket("Printer jams", by: f.peter)
        XCTAssertEqual(try store.claimDueMail(limit: 10).count, 1)
        XCTAssertEqual(try store.claimDueMail(limit: 10).count, 0)
        f.clock.advance(by: Desk.mailClaimLease)
        XCTAssertEqual(try store.claimDueMail(limit: 10).count, 1)
    }

    func testOnlyStaffSeeTheQueue() throws {
        XCTAssertThrowsError(try store.mailQueue(viewer: f.peter, limit: 10, unsentOnly: false))
    }

    func testABounceBecomesAStaffOnlyEvent() throws {
        try ticket("Printer jams", by: f.peter)
        let sent = try XCTUnwrap(store.mailQueue(viewer: f.alice, limit: 10, unsentOnly: false).first)
        XCTAssertNil(try store.recordBounce(originalMessageID: "<unknown@elsewhere>"))
        XCTAssertEqual(try store.recordBounce(originalMessageID: "<\(sent.headerID)>"), 1)
        let staff = try store.detail(number: 1, viewer: f.alice).messages
        XCTAssertEqual(staff.last?.event, .mailBounced(recipient: "peter@example.com"))
        XCTAssertEqual(staff.last?.event?.phrase(for: .agent).text(in: .english),
                       "Mail to peter@example.com could not be delivered: the mail system returned it")
        XCTAssertEqual(staff.last?.event?.phrase(for: .agent).text(in: .french),
                       "Le courrier à peter@example.com n’a pas pu être distribué : le système de messagerie l’a renvoyé")
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter).messages, [])
    }
}

/// The mail catalogues translate every mail phrase, with the same placeholders.
final class MailCatalogueTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEveryMailPhraseIsTranslated() throws {
        let problems = try CatalogueAudit.problems(
            sources: Self.root.appendingPathComponent("Sources/DeskModel"),
            catalogues: Self.root.appendingPathComponent("Sources/DeskMail/Catalogues"), marker: "mail")
        XCTAssertEqual(problems, [])
        let (phrases, _) = try PhraseScanner.scan(sources: Self.root.appendingPathComponent("Sources/DeskModel"), marker: "mail")
        XCTAssertGreaterThanOrEqual(phrases.count, 16)
    }
}
