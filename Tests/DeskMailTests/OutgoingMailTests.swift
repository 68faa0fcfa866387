import DeskMail
import Foundation
import XCTest

/// The composer: what it writes must read back the same through the desk's own parser, and
/// every line must stay within what RFC 5322 / 2047 allow.
final class OutgoingMailTests: XCTestCase {
    let date = Date(timeIntervalSince1970: 1_796_191_729) // 2026-12-02 06:08:49 UTC

    func mail(subject: String = "Printer jams", body: String = "Hello", name: String = "Pia Rossi") -> OutgoingMail {
        OutgoingMail(
            from: MailAddress(name: "Support desk", address: "support@desk.test"),
            to: [MailAddress(name: name, address: "pia@customer.test")],
            replyTo: MailAddress(name: "Support desk", address: "support+42-0123456789@desk.test"),
            subject: subject, messageID: "42.reply.abc.0123456789@desk.test", inReplyTo: "42.created.x.1111111111@desk.test",
            references: ["42.created.x.1111111111@desk.test"],
            extraHeaders: [(name: "Auto-Submitted", value: "auto-generated"), (name: "X-Loop", value: "support@desk.test")],
            body: body, date: date)
    }

    func parsed(_ mail: OutgoingMail, file: StaticString = #filePath, line: UInt = #line) throws -> MailMessage {
        let bytes = mail.rendered()
        for (index, text) in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").enumerated() {
            XCTAssertLessThanOrEqual(text.utf8.count, 78, "line \(index) too long: \(text)", file: file, line: line)
            XCTAssertTrue(text.utf8.allSatisfy { $0 < 0x80 }, "line \(index) is not ASCII: \(text)", file: file, line: line)
        }
        return try MailMessage.read(bytes).get()
    }

    func testAnASCIIMailIsSevenBitAndReadsBack() throws {
        let message = try parsed(mail())
        let rendered = String(decoding: mail().rendered(), as: UTF8.self)
        XCTAssertTrue(rendered.hasPrefix("Date: Wed, 02 Dec 2026 06:08:49 +0000\r\nFrom: Support desk <support@desk.test>\r\n"))
        XCTAssertTrue(rendered.contains("\r\nContent-Transfer-Encoding: 7bit\r\n"))
        XCTAssertTrue(rendered.contains("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"))
        XCTAssertEqual(message.envelope.subjectText, "Printer jams")
        XCTAssertEqual(message.envelope.from, MailAddress(name: "Support desk", address: "support@desk.test"))
        XCTAssertEqual(message.envelope.date, date)
        XCTAssertEqual(message.envelope.externalID, "<42.reply.abc.0123456789@desk.test>")
        XCTAssertEqual(message.envelope.parentCandidates, ["<42.created.x.1111111111@desk.test>"])
        XCTAssertEqual(message.envelope.headers.first("auto-submitted"), "auto-generated")
        XCTAssertEqual(message.envelope.headers.first("x-loop"), "support@desk.test")
        XCTAssertEqual(MailAddress.parseFirst(message.envelope.headers.first("reply-to") ?? ""),
                       MailAddress(name: "Support desk", address: "support+42-0123456789@desk.test"))
        XCTAssertEqual(message.content.text.trimmingCharacters(in: .whitespacesAndNewlines), "Hello")
    }

    func testNonASCIISubjectsBecomeEncodedWordsThatReadBackWhole() throws {
        let subjects = [
            "Problème d’impression après la mise à jour",
            "[Desk #42] Die Überweisung wurde abgelehnt – bitte prüfen Sie das Konto, die Größe und die Straße",
            "[Desk #7] 請求書の金額が正しくありません。ご確認をお願いいたします。追加の説明もお送りします。",
            "Emoji 👩‍👩‍👧‍👦 family and 🇫🇷 flag should never split inside a grapheme, even in a long subject line",
            "=?UTF-8?B?not-an-encoded-word?= stays literal",
        ]
        for subject in subjects {
            let message = try parsed(mail(subject: subject))
            XCTAssertEqual(message.envelope.subjectText, subject)
        }
    }

    func testTheSubjectTagStaysReadableWhenTheRestIsEncoded() throws {
        let rendered = String(decoding: mail(subject: "[Desk #42] Problème réseau").rendered(), as: UTF8.self)
        XCTAssertTrue(rendered.contains("\r\nSubject: [Desk #42] =?UTF-8?"), rendered)
    }

    func testLongASCIISubjectsFoldAtSpacesWithinSeventyEightColumns() throws {
        let subject = Array(repeating: "word", count: 40).joined(separator: " ")
        let rendered = String(decoding: mail(subject: subject).rendered(), as: UTF8.self)
        let field = rendered.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        XCTAssertGreaterThan(field.count, 2)
        XCTAssertEqual(try parsed(mail(subject: subject)).envelope.subjectText, subject)
    }

    func testHeaderInjectionIsImpossible() throws {
        let message = try parsed(mail(subject: "Hello\r\nBcc: victim@example.com\r\n\r\nbody", name: "Eve\nBcc: x@y.z"))
        XCTAssertNil(message.envelope.headers.first("bcc"))
        XCTAssertEqual(message.envelope.subjectText, "Hello Bcc: victim@example.com body")
        XCTAssertEqual(MailAddress.parseFirst(message.envelope.headers.first("to") ?? "")?.address, "pia@customer.test")
    }

    func testDisplayNamesAreQuotedOrEncoded() throws {
        for name in ["Rossi, Pia", "Pia \"the boss\" Rossi", "Zoë Ångström", "山田 太郎", "Dr. Who (Gallifrey)"] {
            let message = try parsed(mail(name: name))
            XCTAssertEqual(MailAddress.parseFirst(message.envelope.headers.first("to") ?? ""),
                           MailAddress(name: name, address: "pia@customer.test"), name)
        }
    }

    func testUTF8BodiesAreQuotedPrintableAndReadBack() throws {
        let body = """
            Bonjour Madame,

            Voici la réponse à votre question : le système a été réparé.   
            Une ligne très longue qui dépasse largement les soixante-seize colonnes autorisées, avec des accents éàü et du japonais 日本語 pour finir.
            = signs and trailing tab\t
            .
            From here on
            """
        let rendered = String(decoding: mail(body: body).rendered(), as: UTF8.self)
        XCTAssertTrue(rendered.contains("\r\nContent-Transfer-Encoding: quoted-printable\r\n"))
        XCTAssertFalse(rendered.contains("\r\n.\r\n"), "a lone dot line must be escaped")
        XCTAssertFalse(rendered.contains("\r\nFrom here"), "a From line must be escaped")
        let message = try parsed(mail(body: body))
        XCTAssertEqual(message.content.text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines), body)
    }

    func testLongASCIILinesAreQuotedPrintableToo() throws {
        let body = String(repeating: "x", count: 1200)
        let rendered = String(decoding: mail(body: body).rendered(), as: UTF8.self)
        XCTAssertTrue(rendered.contains("quoted-printable"))
        XCTAssertEqual(try parsed(mail(body: body)).content.text.trimmingCharacters(in: .newlines), body)
    }

    func testReferencesFoldBetweenIdentifiers() throws {
        var long = mail()
        long.references = (1...8).map { "42.reply.\($0)abcdef0123.0123456789@desk.test" }
        let message = try parsed(long)
        XCTAssertEqual(message.envelope.parentCandidates.first, "<42.created.x.1111111111@desk.test>")
        XCTAssertEqual(MessageIDs.parse(message.envelope.headers.first("references")), long.references)
    }

    func testLocalLineEndsForSendmail() {
        let rendered = String(decoding: mail().rendered(lineEnd: "\n"), as: UTF8.self)
        XCTAssertFalse(rendered.contains("\r"))
        XCTAssertTrue(rendered.contains("\nSubject: Printer jams\n"))
    }
}
