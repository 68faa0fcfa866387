import XCTest

@testable import DeskModel

/// Signed plus-addresses and Message-IDs: they name a ticket only with the desk's secret.
final class MailTokensTests: XCTestCase {
    let tokens = MailTokens(address: "support@desk.test", secretHex: String(repeating: "ab", count: 32))

    func testPlusAddressRoundTripAndForgery() {
        let address = tokens.replyAddress(ticket: 42)
        XCTAssertTrue(address.hasPrefix("support+42-"))
        XCTAssertTrue(address.hasSuffix("@desk.test"))
        XCTAssertEqual(address.count, "support+42-".count + 10 + "@desk.test".count)
        XCTAssertEqual(tokens.ticket(fromAddress: address), 42)
        XCTAssertEqual(tokens.ticket(fromAddress: address.uppercased()), 42)
        XCTAssertNil(tokens.ticket(fromAddress: address.replacingOccurrences(of: "+42-", with: "+43-")))
        XCTAssertNil(tokens.ticket(fromAddress: "support+42-0000000000@desk.test"))
        XCTAssertNil(tokens.ticket(fromAddress: address.replacingOccurrences(of: "desk.test", with: "other.test")))
        let otherDesk = MailTokens(address: "support@desk.test", secretHex: String(repeating: "cd", count: 32))
        XCTAssertNil(otherDesk.ticket(fromAddress: address))
    }

    func testMessageIDRoundTripAndForgery() {
        let id = tokens.messageID(ticket: 7, kind: "reply", unique: "u1")
        XCTAssertTrue(id.hasPrefix("<7.reply.u1."))
        XCTAssertTrue(id.hasSuffix("@desk.test>"))
        XCTAssertEqual(tokens.ticket(fromMessageID: id), 7)
        XCTAssertEqual(tokens.ticket(fromMessageID: String(id.dropFirst().dropLast())), 7)
        XCTAssertNil(tokens.ticket(fromMessageID: id.replacingOccurrences(of: "<7.", with: "<8.")))
        XCTAssertNil(tokens.ticket(fromMessageID: "<7.reply.u1.0000000000@desk.test>"))
        XCTAssertNotEqual(tokens.messageID(ticket: 7, kind: "reply"), tokens.messageID(ticket: 7, kind: "reply"))
    }

    func testSubjectTag() {
        XCTAssertEqual(SubjectTag.tagged("Printer", number: 42, tag: "Desk"), "[Desk #42] Printer")
        XCTAssertEqual(SubjectTag.ticketNumber(in: "Re: AW: [desk #42] Printer", tag: "Desk"), 42)
        XCTAssertEqual(SubjectTag.ticketNumber(in: "[Other #1] [Desk #9] x", tag: "Desk"), 9)
        XCTAssertNil(SubjectTag.ticketNumber(in: "[Desk #] x", tag: "Desk"))
        XCTAssertNil(SubjectTag.ticketNumber(in: "[Desk #12 x", tag: "Desk"))
        XCTAssertNil(SubjectTag.ticketNumber(in: "Desk #12", tag: "Desk"))
    }
}
