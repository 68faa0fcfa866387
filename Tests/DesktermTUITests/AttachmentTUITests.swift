import DeskModel
import Foundation
import XCTest

/// Attachments in the real client: `v` lists them, Enter hands one to `$PAGER` in a private
/// file that is gone afterwards, `s` saves one (asking before replacing a file), Ctrl-O sends
/// a file with a reply; an SSH session is pointed to `download` / `attach` instead.
final class AttachmentTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }
    private var folder: URL { desk.directory }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    private struct Detail: Decodable {
        struct File: Decodable { var id: Int64; var name: String; var size: Int64 }
        struct Message: Decodable { var id: Int64; var body: String }
        var attachments: [File]
        var messages: [Message]
    }

    private func detail(_ number: Int64) throws -> Detail {
        let result = desk.cli(["show", String(number), "--format", "json"], user: "sam")
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder.tuiDesk.decode(Detail.self, from: Data(result.stdout.utf8))
    }

    /// A ticket of camille's with `vpn.log` attached, and the client on it.
    private func ticketWithALog(environment: [String: String] = [:], ssh: Bool = false) throws -> Int64 {
        let number = try desk.newTicket(subject: "VPN drops hourly", body: "Log attached.", as: "camille")
        let log = folder.appendingPathComponent("vpn.log")
        try Data("line one\nline two\n".utf8).write(to: log)
        XCTAssertEqual(desk.cli(["attach", String(number), log.path], user: "camille").status, 0)
        if ssh { try client.start(environment: environment, sshSessionOf: "camille") } else { try client.start(environment: environment) }
        try client.waitForList()
        client.press("#")
        client.type(String(number))
        client.press("Enter")
        try client.wait(forText: "vpn.log · 18 B · Camille Lefèvre")
        return number
    }

    func testEnterOpensTheAttachmentInThePagerFromAPrivateFileRemovedAfterwards() throws {
        let record = folder.appendingPathComponent("pager-record")
        let pager = folder.appendingPathComponent("pager.sh")
        try """
            #!/bin/sh
            { stat -c '%a' "$1" "$(dirname "$1")"; echo "$1"; cat "$1"; } > '\(record.path)'
            """.write(to: pager, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pager.path)
        _ = try ticketWithALog(environment: ["PAGER": pager.path])
        client.press("v")
        try client.wait(forText: "Attachments of #")
        client.press("Enter")
        try client.wait(for: "the client back") { $0.contains("VPN drops hourly") && !$0.contains("Attachments of #") }
        let lines = try String(contentsOf: record, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(2)), ["600", "700"], "a private file in a private folder")
        XCTAssertTrue(lines[2].hasSuffix("/vpn.log"), lines[2])
        XCTAssertEqual(Array(lines[3...]), ["line one", "line two", ""])
        XCTAssertFalse(FileManager.default.fileExists(atPath: (lines[2] as NSString).deletingLastPathComponent), "the folder is removed")
    }

    func testSaveAsAsksBeforeReplacingAFile() throws {
        _ = try ticketWithALog()
        let target = folder.appendingPathComponent("saved.log")
        try Data("keep me".utf8).write(to: target)
        client.press("v")
        try client.wait(forText: "Attachments of #")
        client.press("s")
        try client.wait(forText: "Save vpn.log as")
        client.press("C-u")
        client.type(folder.path + "/sav")
        client.press("Tab")
        try client.wait(forText: "saved.log_")
        client.press("Enter")
        try client.wait(forText: "exists. Replace it?")
        client.press("n")
        try client.wait(for: "the question gone") { !$0.contains("Replace it?") }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "keep me")

        client.press("v", "s", "C-u")
        client.type(target.path)
        client.press("Enter")
        try client.wait(forText: "exists. Replace it?")
        client.press("y")
        try client.wait(for: "the confirmation") { $0.bottomLine.contains("Saved 18 bytes to") }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "line one\nline two\n")
    }

    func testCtrlOSendsAFileWithTheReply() throws {
        let number = try ticketWithALog()
        let trace = folder.appendingPathComponent("trace-0412.txt")
        try Data("trace".utf8).write(to: trace)
        client.press("r")
        try client.wait(forText: "Reply to #\(number)")
        client.type("Trace attached")
        client.press("C-o")
        try client.wait(forText: "Attach a file")
        client.type(folder.path + "/trace-")
        client.press("Tab")
        try client.wait(forText: "trace-0412.txt_")
        client.press("Enter")
        try client.wait(forText: "Attach: trace-0412.txt")
        client.press("C-s")
        try client.wait(for: "the confirmation") { $0.bottomLine.contains("Reply sent to #\(number)") }
        let after = try detail(number)
        XCTAssertEqual(after.attachments.map(\.name), ["vpn.log", "trace-0412.txt"])
        XCTAssertEqual(after.attachments.last?.size, 5)
    }

    func testAnSSHSessionIsPointedToTheRemoteCommands() throws {
        let number = try ticketWithALog(ssh: true)
        client.press("v")
        try client.wait(forText: "Attachments of #")
        client.press("Enter")
        try client.wait(for: "the hint") { $0.bottomLine.contains("download \(number) vpn.log > vpn.log") }
        client.press("Escape", "r")
        try client.wait(forText: "Reply to #\(number)")
        client.press("C-o")
        try client.wait(for: "the hint") { $0.bottomLine.contains("attach \(number) NAME < FILE") }
        XCTAssertFalse(client.screen().contains("Attach a file"))
    }
}
