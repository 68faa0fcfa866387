import Foundation
import XCTest

@testable import DeskModel

/// The audit log: admins only, newest first, private bookkeeping that announces no change.
final class DeskAuditTests: StoreTestCase {
    func testEntriesAreKeptNewestFirstForAdminsOnly() throws {
        let start = f.clock.now
        f.clock.advance(by: 0.75)
        let first = try store.recordAudit(handle: "peter", address: "local", command: "list", outcome: "started")
        f.clock.advance(by: 60)
        let longCommand = "show " + String(repeating: "x", count: 2000)
        try store.recordAudit(handle: "erin", address: "203.0.113.9 51234 22", command: longCommand, outcome: "ok")
        let earlier = start - 3600
        try store.recordAudit(handle: "peter", address: "local", command: "interactive session", outcome: "ok", at: earlier)
        try store.updateAuditOutcome(id: first, outcome: "ok")

        let log = try store.auditLog(viewer: f.root)
        XCTAssertEqual(log.map(\.handle), ["erin", "peter", "peter"])
        XCTAssertEqual(log.map(\.at), [start + 60, start, earlier], "whole seconds")
        XCTAssertEqual(log[0].command, String(longCommand.prefix(1000)))
        XCTAssertEqual(log[0].address, "203.0.113.9 51234 22")
        XCTAssertEqual(log[1], AuditEntry(id: first, at: start, handle: "peter", address: "local", command: "list", outcome: "ok"))
        XCTAssertEqual(try store.auditLog(viewer: f.root, handle: "peter").map(\.command), ["list", "interactive session"])
        XCTAssertEqual(try store.auditLog(viewer: f.root, limit: 1).map(\.handle), ["erin"])

        XCTAssertDeskError(try store.auditLog(viewer: f.alice), .forbidden(.model("only admins read the audit log", context: "not allowed")))
        XCTAssertDeskError(try store.auditLog(viewer: f.peter), .forbidden(.model("only admins read the audit log", context: "not allowed")))
    }

    func testAuditRowsAnnounceNoChange() throws {
        let token = try store.changeToken()
        let id = try store.recordAudit(handle: "peter", address: "local", command: "list", outcome: "started")
        try store.updateAuditOutcome(id: id, outcome: "ok")
        XCTAssertEqual(try store.changeToken(), token)
    }
}
