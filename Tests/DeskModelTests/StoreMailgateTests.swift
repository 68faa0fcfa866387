import Foundation
import XCTest

@testable import DeskModel

/// The mailgate's rules: which ticket a mail lands on, who wrote it, and what it does to the
/// ticket, all through the desk's own rules.
final class StoreMailgateTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try store.setMailSetting(key: MailSettings.addressKey, value: "support@desk.test", by: nil)
    }

    func receive(_ mail: Data, action: MailAction = .correspond) throws -> MailgateResult {
        try store.receiveMail(mail, action: action)
    }

    func testNewMailOpensATicketForTheSender() throws {
        let result = try receive(TestMail.make(subject: "Printer on fire", body: "It burns.\n"))
        XCTAssertEqual(result.outcome, .created)
        XCTAssertEqual(result.classification, .person)
        let ticket = try store.ticket(number: try XCTUnwrap(result.ticketNumber), viewer: f.peter)
        XCTAssertEqual(ticket.subject, "Printer on fire")
        XCTAssertEqual(ticket.description, "It burns.")
        XCTAssertEqual(ticket.requesterID, f.peter.id)
        XCTAssertEqual(ticket.contact, .email)
        XCTAssertEqual(ticket.kind, .incident)
        XCTAssertEqual(ticket.status, .new)
        let received = try store.receivedMail(limit: 10, by: f.root)
        XCTAssertEqual(received.count, 1)
        XCTAssertEqual(received[0].ticketID, ticket.id)
        XCTAssertEqual(received[0].sender, "peter@example.com")
        XCTAssertEqual(received[0].outcome, .created)
        XCTAssertTrue(String(decoding: received[0].raw, as: UTF8.self).contains("It burns."))
    }

    func testFreePlanIncidentByMailBecomesAQuestion() throws {
        let result = try receive(TestMail.make(from: "fred@example.com", subject: "Down again"))
        XCTAssertEqual(try store.ticket(number: try XCTUnwrap(result.ticketNumber), viewer: f.fred).kind, .question)
    }

    func testSubjectTagAddsAReplyAndReopensAwaitingCustomer() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        try f.reply(ticket.number, "Which model?", by: f.alice, intent: .askCustomer)
        XCTAssertEqual(try store.ticket(number: ticket.number, viewer: f.peter).status, .awaitingCustomer)
        let result = try receive(TestMail.make(subject: "Re: [Desk #\(ticket.number)] Printer jams", body: "An HP 4050.\n"))
        XCTAssertEqual(result.outcome, .added)
        XCTAssertEqual(result.ticketNumber, ticket.number)
        let detail = try store.detail(number: ticket.number, viewer: f.alice)
        let reply = try XCTUnwrap(detail.messages.last { $0.kind == .reply })
        XCTAssertEqual(reply.body, "An HP 4050.")
        XCTAssertEqual(reply.authorID, f.peter.id)
        XCTAssertEqual(detail.ticket.status, .open)
    }

    func testAHiddenTicketNumberOpensANewTicketAndAddsNothingToIt() throws {
        let hidden = try f.ticket("Big Co secret", by: f.eve)
        let before = try store.detail(number: hidden.number, viewer: f.alice).messages.count
        let result = try receive(TestMail.make(from: "peter@example.com", subject: "Re: [Desk #\(hidden.number)] Big Co secret"))
        XCTAssertEqual(result.outcome, .created)
        XCTAssertNotEqual(result.ticketNumber, hidden.number)
        XCTAssertEqual(try store.detail(number: hidden.number, viewer: f.alice).messages.count, before)
        // The same as for a number that does not exist.
        let missing = try receive(TestMail.make(from: "peter@example.com", subject: "Re: [Desk #999] Nothing"))
        XCTAssertEqual(missing.outcome, .created)
    }

    func testSignedPlusAddressProvesTheTicketWithoutATag() throws {
        let ticket = try f.ticket("Scanner", by: f.peter)
        let tokens = try store.mailTokens()
        let address = tokens.replyAddress(ticket: ticket.number)
        XCTAssertTrue(address.hasPrefix("support+\(ticket.number)-"))
        let result = try receive(TestMail.make(to: address, subject: "no tag here", body: "More details.\n"))
        XCTAssertEqual(result.outcome, .added)
        XCTAssertEqual(result.ticketNumber, ticket.number)
        // A forged signature proves nothing: a new ticket.
        let forged = try receive(TestMail.make(to: "support+\(ticket.number)-0000000000@desk.test", subject: "forged"))
        XCTAssertEqual(forged.outcome, .created)
    }

    func testReferencesToOurMessageIDOrAReceivedMailFindTheTicket() throws {
        let ticket = try f.ticket("Scanner", by: f.peter)
        let ours = try store.mailTokens().messageID(ticket: ticket.number, kind: "reply")
        let byToken = try receive(TestMail.make(subject: "Re: Scanner", headers: ["In-Reply-To: \(ours)", "References: \(ours)"]))
        XCTAssertEqual(byToken.ticketNumber, ticket.number)
        XCTAssertEqual(byToken.outcome, .added)

        let first = try receive(TestMail.make(subject: "Laptop broken", messageID: "<first@client.example.com>"))
        let second = try receive(TestMail.make(
            subject: "Re: Laptop broken", headers: ["In-Reply-To: <first@client.example.com>"]))
        XCTAssertEqual(second.outcome, .added)
        XCTAssertEqual(second.ticketNumber, first.ticketNumber)
    }

    func testReplyToAClosedTicketOpensAFollowUp() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        _ = try store.changeStatus(number: ticket.number, to: .closed, by: f.alice)
        let result = try receive(TestMail.make(subject: "Re: [Desk #\(ticket.number)] Printer jams", body: "It jams again.\n"))
        XCTAssertEqual(result.outcome, .followUp)
        let detail = try store.detail(number: try XCTUnwrap(result.ticketNumber), viewer: f.peter)
        XCTAssertEqual(detail.followUpOfNumber, ticket.number)
        XCTAssertEqual(detail.ticket.description, "It jams again.")
        XCTAssertEqual(try store.ticket(number: ticket.number, viewer: f.alice).status, .closed)
    }

    func testUnknownSenderJoinsTheOrganisationOfTheirDomainOrIsRefused() throws {
        try store.setOrganisationMailDomain(name: "Big Co", domain: "BigCo.example", by: f.root)
        let joined = try receive(TestMail.make(from: "Nina Newcomer <nina@bigco.example>", subject: "Hello"))
        XCTAssertEqual(joined.outcome, .created)
        let nina = try store.viewer(handle: "nina")
        XCTAssertEqual(nina.user.organisationID, f.bigCo.id)
        XCTAssertEqual(nina.user.email, "nina@bigco.example")
        XCTAssertEqual(nina.role, .customer)
        XCTAssertEqual(try store.ticket(number: try XCTUnwrap(joined.ticketNumber), viewer: nina).requesterID, nina.id)

        let stranger = try receive(TestMail.make(from: "someone@elsewhere.example", subject: "Hi"))
        XCTAssertEqual(stranger.outcome, .refused)
        XCTAssertEqual(stranger.refusal, "unknown sender")
        XCTAssertNil(stranger.ticketNumber)

        try store.setMailSetting(key: MailSettings.unknownSendersKey, value: "refuse", by: f.root)
        let refused = try receive(TestMail.make(from: "other@bigco.example", subject: "Hi"))
        XCTAssertEqual(refused.outcome, .refused)
        XCTAssertThrowsError(try store.viewer(handle: "other"))
        // Every one of them is kept.
        XCTAssertEqual(try store.receivedMail(limit: 10, by: f.root).count, 3)
    }

    func testCommentActionIsAnInternalNoteForAgentsOnly() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        let note = try receive(TestMail.make(from: "alice@example.com", subject: "[Desk #\(ticket.number)] note", body: "Called them.\n"), action: .comment)
        XCTAssertEqual(note.outcome, .added)
        let detail = try store.detail(number: ticket.number, viewer: f.alice)
        XCTAssertEqual(detail.messages.last?.kind, .internalNote)
        XCTAssertEqual(detail.messages.last?.body, "Called them.")
        XCTAssertFalse(try store.detail(number: ticket.number, viewer: f.peter).messages.contains { $0.body == "Called them." })

        let customer = try receive(TestMail.make(subject: "[Desk #\(ticket.number)] note", body: "Sneaky.\n"), action: .comment)
        XCTAssertEqual(customer.outcome, .refused)
        XCTAssertFalse(try store.detail(number: ticket.number, viewer: f.alice).messages.contains { $0.body == "Sneaky." })
    }

    func testAttachmentsWithinTheLimitAreStoredAndOversizedOnesNoted() throws {
        try store.setMailSetting(key: MailSettings.attachmentLimitKey, value: "1000", by: f.root)
        let small = try receive(TestMail.withAttachment(subject: "Small log", size: 600, name: "small.log"))
        let detail = try store.detail(number: try XCTUnwrap(small.ticketNumber), viewer: f.peter)
        XCTAssertEqual(detail.attachments.map(\.name), ["small.log"])
        XCTAssertEqual(detail.attachments.first?.size, 600)

        let large = try receive(TestMail.withAttachment(subject: "Large log", size: 5000, name: "large.log"))
        let largeDetail = try store.detail(number: try XCTUnwrap(large.ticketNumber), viewer: f.peter)
        XCTAssertEqual(largeDetail.attachments, [])
        XCTAssertTrue(largeDetail.ticket.description.contains("[Attachment refused: large.log (5,000 bytes) is over the limit of 1,000 bytes]"))
    }

    func testAutomaticMailIsRecordedNeverAdded() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        try f.reply(ticket.number, "Which model?", by: f.alice, intent: .askCustomer)
        let outOfOffice = try receive(TestMail.make(
            subject: "Re: [Desk #\(ticket.number)] Printer jams", body: "I am away.\n", headers: ["Auto-Submitted: auto-replied"]))
        XCTAssertEqual(outOfOffice.outcome, .recorded)
        XCTAssertEqual(outOfOffice.classification, .autoSubmitted("auto-replied"))
        let detail = try store.detail(number: ticket.number, viewer: f.alice)
        XCTAssertFalse(detail.messages.contains { $0.body.contains("I am away") })
        XCTAssertEqual(detail.ticket.status, .awaitingCustomer)

        let list = try receive(TestMail.make(subject: "Digest", headers: ["Precedence: list"]))
        XCTAssertEqual(list.classification, .precedence("list"))
        XCTAssertNil(list.ticketNumber)
        let loop = try receive(TestMail.make(subject: "Echo", headers: ["X-Loop: support@desk.test"]))
        XCTAssertEqual(loop.classification, .loop)
        let daemon = try receive(TestMail.make(from: "MAILER-DAEMON@mx.example.com", subject: "Notice"))
        XCTAssertEqual(daemon.classification, .mailSystem)
        XCTAssertEqual(try store.receivedMail(limit: 10, by: f.root).map(\.outcome), [.recorded, .recorded, .recorded, .recorded])
    }

    func testBounceOfOurMailIsTiedToItsTicket() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        let ours = try store.mailTokens().messageID(ticket: ticket.number, kind: "reply")
        let bounce = """
            From: MAILER-DAEMON@mx.example.com
            To: support@desk.test
            Subject: Undelivered Mail Returned to Sender
            Date: Fri, 01 Mar 2024 09:00:00 +0000
            Message-ID: <bounce1@mx.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="r"

            --r
            Content-Type: text/plain

            The mail could not be delivered.
            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.com
            Final-Recipient: rfc822; peter@example.com
            Action: failed
            Status: 5.1.1
            --r
            Content-Type: text/rfc822-headers

            From: support@desk.test
            To: peter@example.com
            Message-ID: \(ours)
            Subject: [Desk #\(ticket.number)] Printer jams
            --r--

            """
        let result = try receive(Data(bounce.utf8))
        XCTAssertEqual(result.classification, .bounce(originalMessageID: ours))
        XCTAssertEqual(result.outcome, .recorded)
        XCTAssertEqual(result.ticketNumber, ticket.number)
    }

    func testTheSameMailTwiceIsStoredOnce() throws {
        let mail = TestMail.make(subject: "Once", messageID: "<once@client.example.com>")
        let first = try receive(mail)
        let second = try receive(mail)
        XCTAssertEqual(first.outcome, .created)
        XCTAssertEqual(second.outcome, .duplicate)
        XCTAssertEqual(try store.receivedMail(limit: 10, by: f.root).count, 1)
    }

    func testMalformedMailIsKeptAndReported() throws {
        let garbage = Data("this is not a mail at all\n\u{1}\u{2}\u{3}".utf8)
        let result = try receive(garbage)
        XCTAssertTrue(result.isUnreadable)
        XCTAssertEqual(result.outcome, .refused)
        let kept = try store.receivedMail(limit: 1, by: f.root)
        XCTAssertEqual(kept.first?.raw, garbage)

        // A broken MIME structure is stored as well as it can be.
        let broken = Data("""
            From: peter@example.com
            Subject: Broken
            Date: Fri, 01 Mar 2024 09:00:00 +0000
            Content-Type: multipart/mixed

            no boundary parameter, but text
            """.utf8)
        let stored = try receive(broken)
        XCTAssertEqual(stored.outcome, .created)
        XCTAssertFalse(stored.problems.isEmpty)
        XCTAssertTrue(try store.ticket(number: try XCTUnwrap(stored.ticketNumber), viewer: f.peter).description.contains("no boundary parameter"))
    }

    func testQuotedHistoryIsCutFromTheMessageAndKept() throws {
        let ticket = try f.ticket("Printer jams", by: f.peter)
        let body = """
            It is an HP 4050.

            On Fri, 1 Mar 2024 at 09:00, Alice <alice@example.com> wrote:
            > Which model?
            """
        let result = try receive(TestMail.make(subject: "Re: [Desk #\(ticket.number)] Printer jams", body: body))
        XCTAssertEqual(try store.detail(number: ticket.number, viewer: f.alice).messages.last?.body, "It is an HP 4050.")
        let kept = try XCTUnwrap(try store.receivedMail(limit: 1, by: f.root).first)
        XCTAssertEqual(kept.messageID, result.messageID)
        XCTAssertTrue(kept.quoted.hasPrefix("On Fri, 1 Mar 2024 at 09:00, Alice <alice@example.com> wrote:"))
        let messageID = try XCTUnwrap(result.messageID)
        XCTAssertEqual(try store.quotedHistory(number: ticket.number, viewer: f.peter), [messageID: kept.quoted])

        // An agent's note by mail keeps its quote from customers.
        let note = try receive(
            TestMail.make(from: "alice@example.com", subject: "[Desk #\(ticket.number)] x", body: "Noted.\n\n> quoted line\n"), action: .comment)
        let noteID = try XCTUnwrap(note.messageID)
        XCTAssertEqual(try store.quotedHistory(number: ticket.number, viewer: f.alice)[noteID], "> quoted line\n")
        XCTAssertNil(try store.quotedHistory(number: ticket.number, viewer: f.peter)[noteID])
        XCTAssertThrowsError(try store.quotedHistory(number: ticket.number, viewer: f.eve))
    }

    func testMailSettingsAreForAdminsAndChecked() throws {
        XCTAssertThrowsError(try store.mailSettings(by: f.alice))
        XCTAssertThrowsError(try store.setMailSetting(key: MailSettings.subjectTagKey, value: "Help", by: f.alice))
        XCTAssertThrowsError(try store.setMailSetting(key: MailSettings.unknownSendersKey, value: "maybe", by: f.root))
        XCTAssertThrowsError(try store.setMailSetting(key: MailSettings.secretKey, value: "00", by: f.root))
        try store.setMailSetting(key: MailSettings.subjectTagKey, value: "Help", by: f.root)
        let settings = try store.mailSettings(by: f.root)
        XCTAssertEqual(settings.subjectTag, "Help")
        XCTAssertEqual(settings.address, "support@desk.test")
        XCTAssertEqual(settings.sendmail, "sendmail -t -oi -f support@desk.test")
        XCTAssertFalse(settings.shown.contains { $0.key == MailSettings.secretKey })
        // The tag is the desk's: [Help #N] now names the ticket.
        let ticket = try f.ticket("Printer jams", by: f.peter)
        XCTAssertEqual(try receive(TestMail.make(subject: "Re: [Help #\(ticket.number)] x")).ticketNumber, ticket.number)
    }

    func testOneMailDomainPerOrganisation() throws {
        try store.setOrganisationMailDomain(name: "Pro Co", domain: "pro.example", by: nil)
        XCTAssertThrowsError(try store.setOrganisationMailDomain(name: "Big Co", domain: "PRO.example", by: nil))
        XCTAssertThrowsError(try store.setOrganisationMailDomain(name: "Big Co", domain: "not a domain", by: nil))
        XCTAssertEqual(try store.organisationMailDomains(), [f.proCo.id: "pro.example"])
        try store.setOrganisationMailDomain(name: "Pro Co", domain: nil, by: nil)
        XCTAssertEqual(try store.organisationMailDomains(), [:])
    }
}
