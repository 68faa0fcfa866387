import Foundation
import XCTest

@testable import DeskModel

final class DuplicateGuardTests: XCTestCase {
    private func ticket(_ id: TicketID, _ subject: String, status: TicketStatus = .open) -> Ticket {
        Ticket(id: id, number: 1000 + id, subject: subject, description: "", kind: .incident, status: status,
               requesterID: 10, organisationID: 100,
               createdAt: Date(timeIntervalSince1970: 1_700_000_000),
               updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    // MARK: - Significant words

    func testSignificantWordsFoldCaseAndDiacriticsAndDropShortAndFillerWords() {
        XCTAssertEqual(DuplicateGuard.significantWords("L'imprimante ne RÉPOND plus après la mise à jour"),
                       ["imprimante", "repond", "plus", "apres", "mise", "jour"])
        XCTAssertEqual(DuplicateGuard.significantWords("Please help: the VPN is not working with our Mac"),
                       ["vpn", "working", "mac"])
        XCTAssertEqual(DuplicateGuard.significantWords("Über-Daten für Ärzte"), ["uber", "daten", "fur", "arzte"])
        XCTAssertEqual(DuplicateGuard.significantWords("Error 503 on login page (v2.1)"),
                       ["error", "503", "login", "page"])
        XCTAssertEqual(DuplicateGuard.significantWords(""), [])
        XCTAssertEqual(DuplicateGuard.significantWords("Help! Please, a problem with the issue"), [])
    }

    func testFullwidthLettersFoldToASCII() {
        XCTAssertEqual(DuplicateGuard.significantWords("ＶＰＮ down"), ["vpn", "down"])
    }

    // MARK: - looksLikeDuplicate

    func testAccentsAndCaseAreFolded() {
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Imprimante ne RÉPOND plus", of: "imprimante ne repond plus"))
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Café machine BROKEN", of: "cafe machine broken"))
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Connexion refusée au portail", of: "CONNEXION REFUSEE AU PORTAIL"))
    }

    func testReorderedWordsMatch() {
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("VPN connection drops every hour",
                                                        of: "Every hour the VPN connection drops"))
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("invoice March missing", of: "Missing invoice, March"))
    }

    func testUnrelatedSubjectsDoNotMatch() {
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Invoice total is wrong", of: "VPN connection drops"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Email sync fails on mobile", of: "Email invoices missing"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Printer offline", of: "Scanner offline"))
    }

    func testSharedFillerWordsDoNotMakeADuplicate() {
        // Only "the", "for", "please", "help" in common.
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Please help with the invoice for March",
                                                         of: "Please help with the printer for reception"))
    }

    func testContainedSubjectOfTwoOrMoreWordsMatches() {
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Printer offline", of: "Printer offline since Monday morning"))
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Printer offline since Monday morning", of: "printer OFFLINE"))
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Printer not printing after update",
                                                        of: "Printer stopped printing after the update"))
    }

    func testJaccardThresholdBoundary() {
        // 3 shared of 5 distinct = 0.6: a match.
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("alpha bravo charlie delta", of: "alpha bravo charlie echo"))
        // 3 shared of 6 distinct = 0.5: not a match.
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("alpha bravo charlie delta",
                                                         of: "alpha bravo charlie echo foxtrot"))
        // 4 shared of 6 distinct = 0.67: a match.
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("alpha bravo charlie delta echo",
                                                        of: "alpha bravo charlie delta foxtrot"))
        XCTAssertEqual(DuplicateGuard.threshold, 0.6)
    }

    func testShortSubjects() {
        // Nothing significant left: never a duplicate, even of itself.
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("", of: ""))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Hi", of: "Hi"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Help!", of: "help"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Question", of: "Question about my invoice"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Help", of: "VPN down"))
        // One significant word is contained in a longer subject without making it a duplicate.
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("VPN", of: "VPN down"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("VPN", of: "VPN down since Monday"))
        XCTAssertFalse(DuplicateGuard.looksLikeDuplicate("Printer down", of: "VPN down"))
        // The same single significant word is the same subject.
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("VPN?", of: "vpn"))
    }

    func testLooksLikeDuplicateIsSymmetric() {
        let pairs = [
            ("Printer offline", "Printer offline since Monday morning"),
            ("alpha bravo charlie delta", "alpha bravo charlie echo foxtrot"),
            ("VPN", "VPN down"),
            ("Invoice total is wrong", "wrong total on invoice"),
        ]
        for (a, b) in pairs {
            XCTAssertEqual(DuplicateGuard.looksLikeDuplicate(a, of: b), DuplicateGuard.looksLikeDuplicate(b, of: a),
                           "\(a) / \(b)")
        }
        XCTAssertTrue(DuplicateGuard.looksLikeDuplicate("Invoice total is wrong", of: "wrong total on invoice"))
    }

    // MARK: - firstMatch

    func testClosedTicketsAreIgnored() {
        let active = [
            ticket(1, "Printer offline", status: .closed),
            ticket(2, "Invoice missing", status: .open),
            ticket(3, "printer OFFLINE again", status: .pending),
            ticket(4, "Printer offline", status: .new),
        ]
        XCTAssertEqual(DuplicateGuard.firstMatch("Printer offline", among: active)?.id, 3)
        XCTAssertNil(DuplicateGuard.firstMatch("Printer offline", among: [ticket(1, "Printer offline", status: .closed)]))
    }

    func testEveryNonClosedStatusCounts() {
        for status in [TicketStatus.new, .open, .awaitingCustomer, .pending] {
            XCTAssertEqual(DuplicateGuard.firstMatch("Printer offline", among: [ticket(8, "Printer offline", status: status)])?.id,
                           8, "\(status)")
        }
    }

    func testFirstMatchFollowsTheGivenOrder() {
        let newestFirst = [
            ticket(9, "VPN drops every hour"),
            ticket(5, "Every hour the VPN drops"),
        ]
        XCTAssertEqual(DuplicateGuard.firstMatch("VPN drops every hour", among: newestFirst)?.id, 9)
        XCTAssertEqual(DuplicateGuard.firstMatch("VPN drops every hour", among: newestFirst.reversed())?.id, 5)
    }

    func testNoMatchAmongUnrelatedOrEmpty() {
        XCTAssertNil(DuplicateGuard.firstMatch("Printer offline", among: []))
        XCTAssertNil(DuplicateGuard.firstMatch("Printer offline", among: [ticket(1, "Invoice missing"), ticket(2, "VPN down")]))
    }

    func testPossibleDuplicateMessage() {
        XCTAssertEqual(DeskError.possibleDuplicate(ofNumber: 1003, subject: "Printer offline").message,
                       "This looks like your active ticket #1003 \"Printer offline\"; reply there, or create anyway with --force")
    }
}
