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

/// A command the shell would only cut into words (the default `sendmail -t -oi -f ADDRESS`)
/// runs without a shell between: one process less per mail. Anything the shell reads still
/// goes through it.
final class PlainCommandTests: XCTestCase {
    func testAPlainCommandRunsWithoutAShellBetween() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("fake-sendmail").path
        try "#!/bin/sh\ncat >\"$(dirname \"$0\")/mail\"\necho \"$PPID $*\" >\"$(dirname \"$0\")/said\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        XCTAssertNil(SendmailPipe(command: "\(script) -t -oi -f 'o'\\''brien$x@desk.test'").send(Array("Subject: hi\r\n\r\nbody\r\n".utf8)))
        XCTAssertEqual(try String(contentsOfFile: folder.appendingPathComponent("mail").path, encoding: .utf8), "Subject: hi\n\nbody\n")
        XCTAssertEqual(try String(contentsOfFile: folder.appendingPathComponent("said").path, encoding: .utf8),
                       "\(getpid()) -t -oi -f o'brien$x@desk.test\n", "started by the desk itself, its words as the shell reads them")
    }

    func testTheWordsOfAPlainCommand() {
        XCTAssertEqual(PlainCommand.words("sendmail -t -oi -f support@desk.test"), ["sendmail", "-t", "-oi", "-f", "support@desk.test"])
        XCTAssertEqual(PlainCommand.words("  /usr/sbin/sendmail\t-t  -f " + ShellWord.quoted("a'b;c$d@x.test") + " "),
                       ["/usr/sbin/sendmail", "-t", "-f", "a'b;c$d@x.test"])
        XCTAssertEqual(PlainCommand.words("sendmail -f ''"), ["sendmail", "-f", ""])
        for shellOnly in ["cat >/dev/null", "a; b", "a | b", "sendmail $FLAGS", "sendmail \"-t\"", "sendmail *", "sendmail ~/x", "sendmail 'open",
                          "sendmail -t # comment", "sendmail \\-t", "a && b", "sendmail `id`", ""] {
            XCTAssertNil(PlainCommand.words(shellOnly), shellOnly)
        }
    }

    func testWhatTheShellWouldActOnGoesThroughIt() {
        XCTAssertEqual(PlainCommand.resolved("cat -u", path: "/nowhere:/bin")?.program, "/bin/cat")
        XCTAssertEqual(PlainCommand.resolved("/bin/cat -u", path: nil)?.arguments, ["/bin/cat", "-u"])
        for shellOnly in ["FOO=1 cat", "exec cat", ". /etc/profile", "cat >/dev/null", "no-such-sendmail-here -t", "/nowhere/sendmail"] {
            XCTAssertNil(PlainCommand.resolved(shellOnly, path: "/bin:/usr/bin"), shellOnly)
        }
        XCTAssertNil(PlainCommand.resolved("cat", path: nil), "no PATH: the shell's own default")
    }

    func testAnExecutableScriptWithoutShebangStillReceivesTheMail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("old-sendmail").path
        try "cat >\"$(dirname \"$0\")/mail\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        XCTAssertNil(PlainCommand.resolved("\(script) -t", path: nil), "no #!: only the shell runs it")
        XCTAssertNil(SendmailPipe(command: "\(script) -t -oi").send(Array("Subject: hi\r\n\r\nbody\r\n".utf8)))
        XCTAssertEqual(try String(contentsOfFile: folder.appendingPathComponent("mail").path, encoding: .utf8), "Subject: hi\n\nbody\n")
    }

    func testBuiltinsThatAreAlsoProgramsGoThroughTheShell() {
        for builtin in ["echo", "printf", "test", "[", "kill", "pwd", "true", "false", "type", "hash", "getopts", "jobs", "fg", "bg",
                        "unalias", "fc", "time", "source", "function"] {
            XCTAssertTrue(PlainCommand.shellWords.contains(builtin), builtin)
        }
        XCTAssertNil(PlainCommand.resolved("echo hi", path: "/bin:/usr/bin"))
        XCTAssertNil(PlainCommand.resolved("true", path: "/bin:/usr/bin"))
    }

    func testACommandNotFoundIsTheShellsToReport() {
        let outcome = SendmailPipe(command: "no-such-sendmail-here -t -oi").send(Array("x\r\n".utf8)) ?? ""
        XCTAssertTrue(outcome.hasPrefix("no-such-sendmail-here -t -oi exited with status 127: "), outcome)
    }
}
