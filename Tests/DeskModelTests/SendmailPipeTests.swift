import Foundation
import XCTest

@testable import DeskModel

/// The submission command's outcomes as delivery sees them: taken, refused, and hung.
final class SendmailPipeTests: XCTestCase {
    func testAMessageTakenIsNilAndARefusalSaysWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mail").path
        XCTAssertNil(SendmailPipe(command: "cat > '\(file)'").send(Array("Subject: hi\r\n\r\nbody\r\n".utf8)))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "Subject: hi\n\nbody\n")
        XCTAssertEqual(SendmailPipe(command: "cat >/dev/null; echo 'queue full' >&2; exit 75").send(Array("x\r\n".utf8)),
                       "cat >/dev/null; echo 'queue full' >&2; exit 75 exited with status 75: queue full")
    }

    func testAHungCommandIsStoppedAtItsTimeoutWithItsChildren() {
        let began = Date()
        // Reads the message, then hangs in a child of the shell, as Postfix's sendmail does
        // when its queue is gone.
        let outcome = SendmailPipe(command: "cat >/dev/null; sleep 30", timeout: 1).send(Array("x\r\n".utf8))
        XCTAssertEqual(outcome, "cat >/dev/null; sleep 30 did not finish within 1 s and was stopped")
        XCTAssertLessThan(Date().timeIntervalSince(began), 10, "the timeout did not stop the command")
    }
}
