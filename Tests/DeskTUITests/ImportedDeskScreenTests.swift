import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// A desk made by `deskterm import` opens in the client with its threads drawn as trees.
final class ImportedDeskScreenTests: XCTestCase {
    func testAnImportedMailThreadIsDrawnAsATree() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-imported-screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date(timeIntervalSince1970: 1_709_283_600) // 2024-03-01 09:00 UTC
        let store = try Desk.open(address: directory.appendingPathComponent("desk.sqlite").path, clock: .fixed(now), create: true)
        _ = try store.addUser(NewUser(handle: "sam", name: "Sam", email: "sam@desk.example", role: .admin))
        let mbox = """
            From a Mon Feb 26 09:00:00 2024
            From: Alice Martin <alice@acme.example>
            Subject: Printer offline
            Date: Mon, 26 Feb 2024 09:00:00 +0000
            Message-ID: <q1@acme.example>

            The printer on floor 2 is offline.

            From b Mon Feb 26 10:00:00 2024
            From: Bob Agent <bob@desk.example>
            Subject: Re: Printer offline
            Date: Mon, 26 Feb 2024 10:00:00 +0000
            Message-ID: <a1@desk.example>
            In-Reply-To: <q1@acme.example>

            Have you tried turning it off and on?

            From a Mon Feb 26 11:00:00 2024
            From: Alice Martin <alice@acme.example>
            Subject: Re: Printer offline
            Date: Mon, 26 Feb 2024 11:00:00 +0000
            Message-ID: <q2@acme.example>
            In-Reply-To: <a1@desk.example>

            Yes, twice.

            From b Mon Feb 26 12:00:00 2024
            From: Bob Agent <bob@desk.example>
            Subject: Re: Printer offline
            Date: Mon, 26 Feb 2024 12:00:00 +0000
            Message-ID: <a2@desk.example>
            In-Reply-To: <q2@acme.example>

            Then the print server it is.

            """
        let path = directory.appendingPathComponent("support.mbox").path
        try Data(mbox.utf8).write(to: URL(fileURLWithPath: path))
        _ = try DeskImport.mbox([path], into: store, options: ImportOptions(agentDomains: ["desk.example"], now: now))

        let viewer = try store.viewer(handle: "sam")
        let detail = try store.detail(number: 1, viewer: viewer)
        let open = OpenTicketState(detail: detail, thread: ThreadTree.lines(detail.messages, includeInternalNotes: true))
        let lines = DetailLines.build(open, viewer: viewer, width: 70, now: now).map(\.text)
        let history = Array(lines.drop { !$0.hasPrefix("History") })
        XCTAssertEqual(history.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }, [
            "History (3)",
            "● Bob Agent (agent) · 2024-02-26 10:00",
            "  Have you tried turning it off and on?",
            "└─● Alice Martin (customer) · 2024-02-26 11:00",
            "    Yes, twice.",
            "  └─● Bob Agent (agent) · 2024-02-26 12:00",
            "      Then the print server it is.",
        ])
        XCTAssertTrue(lines.contains("The printer on floor 2 is offline."))
    }
}
