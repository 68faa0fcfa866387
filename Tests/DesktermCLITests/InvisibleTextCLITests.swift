import DeskModel
import Foundation
import GRDB
import XCTest

/// Invisible characters (zero-width spaces, tags, Hangul fillers...) reach no output raw: a
/// customer cannot make "paypal.pdf" of "pay<ZWSP>pal.pdf" or hide text in a subject.
final class InvisibleTextCLITests: CLITestCase {
    /// A zero-width space, a word joiner, a tag letter, and an emoji whose ZWJ must survive.
    static let subject = "Refund pay\u{200B}pal\u{2060} inv\u{E0041}oice \u{1F469}\u{200D}\u{1F4BB}"
    static let subjectShown = "Refund pay\u{FFFD}pal\u{FFFD} inv\u{FFFD}oice \u{1F469}\u{200D}\u{1F4BB}"
    static let attachment = "invoice\u{FEFF}\u{3164}.pdf\u{2028}.exe"
    static let attachmentShown = "invoice\u{FFFD}\u{FFFD}.pdf\u{FFFD}.exe"

    func testSubjectsAndAttachmentNamesShowInvisibleCharactersAsPlaceholders() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["new", "--subject", Self.subject, "--body-file", "-"], user: "ann", stdin: "Please."), "Created ticket #1\n")
        // New attachment names with invisible characters are refused like controls...
        let file = desk.file("invoice\u{200B}.pdf")
        try Data("%PDF".utf8).write(to: file)
        assertRefused(desk.run(["attach", "1", file.path], user: "ann"), "'invoice\u{FFFD}.pdf' is not a usable attachment name")
        // ...but a desk written before that check may hold one: it must still show safely.
        let plain = desk.file("invoice.pdf")
        try Data("%PDF".utf8).write(to: plain)
        XCTAssertEqual(desk.run(["attach", "1", plain.path], user: "ann").status, 0)
        let queue = try DatabaseQueue(path: desk.path)
        try queue.write { db in try db.execute(sql: "UPDATE attachment SET name = ?", arguments: [Self.attachment]) }
        try queue.close()

        let invisible: Set<UInt32> = [0x200B, 0x2060, 0xE0041, 0xFEFF, 0x3164, 0x2028]
        let outputs: [(String, CLIResult)] = [
            ("list", desk.run(["list", "--view", "all"], user: "bob", columns: 200)),
            ("list json", desk.run(["list", "--view", "all", "--format", "json"], user: "bob")),
            ("show", desk.run(["show", "1"], user: "bob")),
            ("show json", desk.run(["show", "1", "--format", "json"], user: "bob")),
        ]
        for (label, result) in outputs {
            XCTAssertEqual(result.status, 0, "\(label): \(result)")
            let raw = result.stdout.unicodeScalars.filter { invisible.contains($0.value) }
            XCTAssertEqual(raw.map { String($0.value, radix: 16) }, [], "\(label): \(result)")
            // The emoji's joiner is not hidden text: it stays, raw, everywhere.
            XCTAssertTrue(result.stdout.contains("\u{1F469}\u{200D}\u{1F4BB}"), "\(label): \(result)")
        }
        XCTAssertTrue(outputs[0].1.stdout.contains(" \(Self.subjectShown) "), outputs[0].1.stdout)
        let show = outputs[2].1.lines
        XCTAssertEqual(show.first, "#1  \(Self.subjectShown)")
        XCTAssertTrue(show.contains { $0.hasPrefix("  Attachment   \(Self.attachmentShown) (") }, outputs[2].1.stdout)

        // JSON keeps the exact text, escaped (a tag character as its surrogate pair).
        let escapedSubject = #""subject" : "Refund pay\u200bpal\u2060 inv\udb40\udc41oice "# + "\u{1F469}\u{200D}\u{1F4BB}\""
        XCTAssertTrue(outputs[1].1.stdout.contains(escapedSubject), outputs[1].1.stdout)
        XCTAssertTrue(outputs[3].1.stdout.contains(escapedSubject), outputs[3].1.stdout)
        XCTAssertTrue(outputs[3].1.stdout.contains(#""name" : "invoice\ufeff\u3164.pdf\u2028.exe""#), outputs[3].1.stdout)
        let decoded = try JSONDecoder.desk.decode(TicketJSON.self, from: outputs[3].1.stdoutData)
        XCTAssertEqual(decoded.subject, Self.subject)
        XCTAssertEqual(decoded.attachments.map(\.name), [Self.attachment])
    }
}
