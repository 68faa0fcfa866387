import XCTest

@testable import DeskMail

/// Where quoted history starts, in replies as real clients write them.
final class QuotedHistoryTests: XCTestCase {
    func assertSplit(_ text: String, new: String, quotedStartsWith start: String, file: StaticString = #filePath, line: UInt = #line) {
        let split = QuotedHistory.split(text)
        XCTAssertEqual(split.newText, new, file: file, line: line)
        XCTAssertTrue(split.quoted.hasPrefix(start), "quoted: \(split.quoted)", file: file, line: line)
    }

    func testGmailEnglishAttributionWrappedOnTwoLines() {
        assertSplit("""
            Thanks, that fixed it.

            On Fri, 1 Mar 2024 at 09:00, Alice Agent <support+42-0123456789@desk.test>
            wrote:

            > Please restart the spooler.
            > --
            > Desk
            """, new: "Thanks, that fixed it.", quotedStartsWith: "On Fri, 1 Mar 2024 at 09:00, Alice Agent")
    }

    func testAppleMailEnglish() {
        assertSplit("""
            Still broken after the update.

            On 1 Mar 2024, at 09:00, Alice Agent <alice@desk.test> wrote:

            > Which version do you run?
            """, new: "Still broken after the update.", quotedStartsWith: "On 1 Mar 2024, at 09:00")
    }

    func testFrenchWithNoBreakSpaceBeforeTheColon() {
        assertSplit("""
            Bonjour,

            L'imprimante fonctionne de nouveau.

            Le ven. 1 mars 2024 à 09:00, Alice Agent <alice@desk.test> a écrit\u{00A0}:
            > Pouvez-vous redémarrer le service ?
            """, new: "Bonjour,\n\nL'imprimante fonctionne de nouveau.", quotedStartsWith: "Le ven. 1 mars 2024")
    }

    func testItalian() {
        assertSplit("""
            Grazie, ora funziona.

            Il giorno ven 1 mar 2024 alle ore 09:00 Alice Agent <alice@desk.test> ha scritto:
            > Provi a riavviare.
            """, new: "Grazie, ora funziona.", quotedStartsWith: "Il giorno ven 1 mar 2024")
    }

    func testGermanThunderbirdAndOutlookStyles() {
        assertSplit("""
            Hallo,

            der Drucker druckt wieder.

            Am 01.03.2024 um 09:00 schrieb Alice Agent:
            > Bitte starten Sie den Dienst neu.
            """, new: "Hallo,\n\nder Drucker druckt wieder.", quotedStartsWith: "Am 01.03.2024 um 09:00 schrieb")
        assertSplit("""
            Danke!

            Am Fr., 1. März 2024 um 09:00 Uhr schrieb Alice Agent <alice@desk.test>:
            > Erledigt.
            """, new: "Danke!", quotedStartsWith: "Am Fr., 1. März 2024")
    }

    func testSpanishAndPortuguese() {
        assertSplit("""
            Gracias, ya funciona.

            El vie, 1 mar 2024 a las 9:00, Alice Agent (<alice@desk.test>) escribió:
            > Reinicie el servicio.
            """, new: "Gracias, ya funciona.", quotedStartsWith: "El vie, 1 mar 2024")
        assertSplit("""
            Obrigado, funcionou.

            Em sex., 1 de mar. de 2024 às 09:00, Alice Agent <alice@desk.test> escreveu:
            > Reinicie o serviço.
            """, new: "Obrigado, funcionou.", quotedStartsWith: "Em sex., 1 de mar. de 2024")
    }

    func testJapaneseClients() {
        assertSplit("""
            お世話になっております。
            直りました。

            2024年3月1日(金) 9:00 Alice Agent <alice@desk.test>のメッセージ:
            > サービスを再起動してください。
            """, new: "お世話になっております。\n直りました。", quotedStartsWith: "2024年3月1日(金) 9:00")
        assertSplit("""
            ありがとうございます。

            山田太郎さんは書きました:
            > 確認します。
            """, new: "ありがとうございます。", quotedStartsWith: "山田太郎さんは書きました")
    }

    func testOutlookOriginalMessageAndHeaderBlock() {
        assertSplit("""
            See below.

            -----Original Message-----
            From: Alice Agent <alice@desk.test>
            Sent: Friday, March 1, 2024 9:00 AM
            Subject: RE: [Desk #42] Printer
            """, new: "See below.", quotedStartsWith: "-----Original Message-----")
        assertSplit("""
            Works now, thanks.

            ________________________________
            From: Alice Agent <alice@desk.test>
            Sent: Friday, March 1, 2024 9:00 AM
            To: Peter <peter@example.com>
            Subject: [Desk #42] Printer

            Please restart it.
            """, new: "Works now, thanks.", quotedStartsWith: "________________________________")
        assertSplit("""
            Merci.

            De : Alice Agent <alice@desk.test>
            Envoyé : vendredi 1 mars 2024 09:00
            À : Pierre
            Objet : [Desk #42] Imprimante
            """, new: "Merci.", quotedStartsWith: "De : Alice Agent")
    }

    func testTrailingQuoteBlockWithoutAttribution() {
        assertSplit("""
            Yes, every morning.

            > Does it happen every day?
            > Alice
            """, new: "Yes, every morning.", quotedStartsWith: "> Does it happen every day?")
    }

    func testInlineAnswersStayNewText() {
        let text = """
            > Which model?
            HP 4050.
            > Which floor?
            The second.
            """
        XCTAssertEqual(QuotedHistory.split(text), QuotedHistory.Split(newText: text, quoted: ""))
    }

    func testProseThatLooksLikeAnAttributionInTheFirstLineIsKept() {
        // Nothing new before it: the mail is all quote, nothing is cut.
        let text = "On Monday the printer wrote: nothing at all.\nIt just stopped."
        XCTAssertEqual(QuotedHistory.split(text).quoted, "")
        XCTAssertEqual(QuotedHistory.split("Hello\n\nNo quote here.").quoted, "")
    }
}
