import DeskMail
import Foundation
import XCTest

@testable import DeskModel

/// A file left out of a mail for being over the attachment limit is told to its sender: in
/// their language, threaded under their mail, naming each file and the limit; never to
/// automatic mail, and at most once per acknowledgement interval. Every backend.
final class MailAttachmentRefusalTests: MailTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try store.setMailSetting(key: MailSettings.attachmentLimitKey, value: "2048", by: f.root)
    }

    /// A mail from peter with files of these names and sizes; `headers` go before its To.
    func mail(subject: String, files: [(name: String, size: Int)], headers: [String] = [], messageID: String = "<\(UUID().uuidString)@client.example>") -> Data {
        var text = (["From: Peter <peter@example.com>"] + headers + [
            "To: support@desk.test", "Subject: \(subject)", "Date: Fri, 01 Mar 2024 09:00:00 +0000", "Message-ID: \(messageID)",
            "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b1\"", "", "--b1", "Content-Type: text/plain; charset=utf-8", "",
            "See the attached files.",
        ]).joined(separator: "\r\n")
        for file in files {
            let data = Data((0..<file.size).map { UInt8($0 % 251) })
            text += "\r\n--b1\r\nContent-Type: application/octet-stream; name=\"\(file.name)\"\r\n"
                + "Content-Disposition: attachment; filename=\"\(file.name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + data.base64EncodedString(options: .lineLength76Characters).replacingOccurrences(of: "\n", with: "\r\n")
        }
        return Data((text + "\r\n--b1--\r\n").utf8)
    }

    /// The text without the line end(s) the mail's encoding leaves at its end.
    func body(_ mail: MailMessage) -> String {
        text(mail).trimmingCharacters(in: .newlines)
    }

    func refusals() throws -> [MailMessage] {
        try outbox().filter { $0.event == "attachmentRefused" }.map(\.mail)
    }

    func testTheSenderIsToldWhichFileWasLeftOutAndTheLimit() throws {
        let result = try store.receiveMail(mail(
            subject: "Crash logs", files: [("small.log", 600), ("core.dump", 5000)], messageID: "<crash-1@client.example>"))
        XCTAssertEqual(result.outcome, .created)
        let refusal = try XCTUnwrap(try refusals().first)
        XCTAssertEqual(try refusals().count, 1)
        XCTAssertEqual(try outbox().filter { $0.event == "attachmentRefused" }.map(\.recipient), ["peter@example.com"])
        XCTAssertEqual(refusal.envelope.subjectText, "[Desk #1] Crash logs")
        XCTAssertEqual(refusal.envelope.headers.first("in-reply-to"), "<crash-1@client.example>")
        XCTAssertEqual(refusal.envelope.headers.first("auto-submitted"), "auto-replied")
        XCTAssertEqual(refusal.envelope.headers.first("x-loop"), "support@desk.test")
        let replyTo = try XCTUnwrap(MailAddress.parseFirst(refusal.envelope.headers.first("reply-to") ?? ""))
        XCTAssertTrue(replyTo.address.hasPrefix("support+1-"), replyTo.address)
        XCTAssertEqual(body(refusal), """
            Your message was added to ticket #1, but this file was left out because it is larger than the limit of 2 KB:

              - core.dump (4 KB)

            To add it, please reply to this e-mail with a smaller file, for example compressed or split into parts.
            """)
        // The file within the limit was stored; the note for agents is still on the message.
        XCTAssertEqual(try store.detail(number: 1, viewer: f.peter).attachments.map(\.name), ["small.log"])
    }

    /// The refusal is told once, by its own mail: the acknowledgement quotes the sender's own
    /// text, and so does a later mail's history for the sender; the ticket and agents' mail keep
    /// the note.
    func testTheAcknowledgementQuotesTheSendersTextWithoutTheRefusal() throws {
        _ = try store.receiveMail(mail(subject: "Crash logs", files: [("core.dump", 5000)]))
        XCTAssertEqual(try outbox().map(\.event), ["created", "attachmentRefused"])
        XCTAssertEqual(body(try outbox()[0].mail), """
            We have received your request. Its reference number is #1.

            Peter wrote on 2024-03-01 09:00:

            See the attached files.

            To answer, please reply to this e-mail.
            """)
        let note = "[Attachment refused: core.dump (5,000 bytes) is over the limit of 2,048 bytes]"
        XCTAssertEqual(try store.detail(number: 1, viewer: f.alice).ticket.description, "See the attached files.\n\n" + note)

        try store.setWatching(number: 1, handle: "bob", watching: true, by: f.alice)
        try f.reply(1, "Please send it compressed", by: f.alice)
        let mails = try outbox()
        XCTAssertEqual(mails.map { "\($0.recipient) \($0.event)" }, [
            "peter@example.com created", "peter@example.com attachmentRefused", "peter@example.com reply", "bob@example.com reply",
        ])
        XCTAssertTrue(body(mails[2].mail).hasSuffix("On 2024-03-01 09:00, Peter wrote:\n> See the attached files."), body(mails[2].mail))
        XCTAssertFalse(body(mails[2].mail).contains("refused"), body(mails[2].mail))
        XCTAssertTrue(body(mails[3].mail).hasSuffix("On 2024-03-01 09:00, Peter wrote:\n> See the attached files.\n>\n> " + note), body(mails[3].mail))
    }

    /// Another customer reading the ticket (the organisation's, watching it) had no refusal
    /// mail: their mail keeps the note, in the history and in the news.
    func testAnotherCustomerStillReadsTheRefusal() throws {
        _ = try store.receiveMail(mail(subject: "Crash logs", files: [("core.dump", 5000)]))
        try store.setWatching(number: 1, handle: "paula", watching: true, by: f.alice)
        try f.reply(1, "Please send it compressed", by: f.alice)
        let note = "[Attachment refused: core.dump (5,000 bytes) is over the limit of 2,048 bytes]"
        let replies = try outbox().filter { $0.event == "reply" }
        XCTAssertEqual(replies.map(\.recipient), ["peter@example.com", "paula@example.com"])
        XCTAssertTrue(body(replies[1].mail).hasSuffix("On 2024-03-01 09:00, Peter wrote:\n> See the attached files.\n>\n> " + note),
                      body(replies[1].mail))
        XCTAssertFalse(body(replies[0].mail).contains("refused"), body(replies[0].mail))

        _ = try store.receiveMail(mail(subject: "Re: [Desk #1] Crash logs", files: [("core2.dump", 6000)]))
        let second = "[Attachment refused: core2.dump (6,000 bytes) is over the limit of 2,048 bytes]"
        // Peter's own refusal mail waits for the acknowledgement interval; Paula is told by the note.
        let later = Array(try outbox().dropFirst(replies.count + 2))
        XCTAssertEqual(later.map { "\($0.recipient) \($0.event)" }, ["paula@example.com reply"])
        XCTAssertTrue(body(later[0].mail).contains("Peter wrote on 2024-03-01 09:00:\n\nSee the attached files.\n\n" + second), body(later[0].mail))
    }

    /// Only the notes mailgate puts at the end go: the sender's own line that looks like one stays.
    func testOnlyTheNotesAtTheEndAreLeftOut() {
        let note = AttachmentRefusalNote.line(name: "a.bin", size: 9000, limit: 2048)
        XCTAssertEqual(note, "[Attachment refused: a.bin (9,000 bytes) is over the limit of 2,048 bytes]")
        XCTAssertEqual(AttachmentRefusalNote.withoutNotes("Hello\n\n" + note + "\n" + note), "Hello")
        XCTAssertEqual(AttachmentRefusalNote.withoutNotes(note + "\nMy own words"), note + "\nMy own words")
        XCTAssertEqual(AttachmentRefusalNote.withoutNotes("No note here\n"), "No note here\n")
    }

    func testSeveralFilesInTheSendersLanguage() throws {
        try store.setUserLanguage(.french, handle: "peter")
        _ = try store.receiveMail(mail(subject: "Journaux", files: [("a.log", 3000), ("b.log", 1_600_000)]))
        let refusal = try XCTUnwrap(try refusals().first)
        XCTAssertEqual(body(refusal), """
            Votre message a été ajouté au ticket #1, mais ces 2 fichiers ont été écartés car ils dépassent la limite de 2 Ko :

              - a.log (2 Ko)
              - b.log (1,5 Mo)

            Pour les ajouter, veuillez répondre à cet e-mail avec des fichiers plus petits, par exemple compressés ou découpés en plusieurs parties.
            """)
    }

    func testAReplyWithATooLargeFileIsToldOnItsTicket() throws {
        let first = try store.receiveMail(mail(subject: "Printer jams", files: []))
        XCTAssertEqual(try refusals().count, 0, "nothing left out, nothing to tell")
        let reply = try store.receiveMail(mail(subject: "Re: [Desk #1] Printer jams", files: [("photo.jpg", 9000)]))
        XCTAssertEqual(reply.outcome, .added)
        XCTAssertEqual(reply.ticketNumber, first.ticketNumber)
        XCTAssertEqual(try refusals().map(\.envelope.subjectText), ["[Desk #1] Printer jams"])
    }

    func testAutomaticMailIsNeverAnswered() throws {
        let result = try store.receiveMail(mail(subject: "Out of office", files: [("big.pdf", 9000)], headers: ["Auto-Submitted: auto-replied"]))
        XCTAssertEqual(result.outcome, .recorded)
        XCTAssertEqual(try refusals().count, 0)
    }

    func testASenderIsToldAtMostOncePerInterval() throws {
        try setDesk(MailOutSettingKey.acknowledgementInterval, "600")
        _ = try store.receiveMail(mail(subject: "First", files: [("a.bin", 9000)]))
        f.clock.advance(by: 300)
        _ = try store.receiveMail(mail(subject: "Second", files: [("b.bin", 9000)]))
        XCTAssertEqual(try refusals().count, 1)
        f.clock.advance(by: 301)
        _ = try store.receiveMail(mail(subject: "Third", files: [("c.bin", 9000)]))
        XCTAssertEqual(try refusals().map(\.envelope.subjectText), ["[Desk #1] First", "[Desk #3] Third"])
    }
}
