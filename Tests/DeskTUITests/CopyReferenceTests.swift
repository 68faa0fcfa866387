import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// `y` copies "#42 Subject" with OSC 52: the bytes, the sanitised subject, the SSH default.
final class CopyReferenceTests: XCTestCase {
    func testTheOSC52BytesCarryTheTextInBase64() {
        XCTAssertEqual(Array(OSC52.sequence(copying: "#42 Printer jams").utf8), Array("\u{1b}]52;c;IzQyIFByaW50ZXIgamFtcw==\u{07}".utf8))
        // UTF-8 text is encoded as its bytes.
        XCTAssertEqual(OSC52.sequence(copying: "#7 Données"), "\u{1b}]52;c;IzcgRG9ubsOpZXM=\u{07}")
    }

    func testOffInSSHSessionsUnlessTheConfigTurnsItOn() throws {
        XCTAssertTrue(OSC52.isEnabled(.auto, environment: ["TERM": "xterm-256color"]))
        XCTAssertFalse(OSC52.isEnabled(.auto, environment: ["SSH_CONNECTION": "10.0.0.2 51000 10.0.0.1 22"]))
        XCTAssertFalse(OSC52.isEnabled(.auto, environment: ["SSH_TTY": "/dev/pts/3"]))
        // The desk's own SSH session reads no config: always off, whatever the environment says.
        XCTAssertFalse(OSC52.isEnabled(.auto, sshSession: true, environment: [:]))
        // The user's setting in the desk decides where the config leaves it to auto...
        XCTAssertTrue(OSC52.isEnabled(.auto, stored: true, sshSession: true, environment: [:]))
        XCTAssertFalse(OSC52.isEnabled(.auto, stored: false, environment: ["TERM": "xterm-256color"]))
        // ...and the config, when it says, wins over the desk.
        XCTAssertFalse(OSC52.isEnabled(.off, stored: true, environment: [:]))
        XCTAssertTrue(OSC52.isEnabled(.on, stored: false, sshSession: true, environment: [:]))
        XCTAssertTrue(OSC52.isEnabled(.on, environment: ["SSH_CONNECTION": "10.0.0.2 51000 10.0.0.1 22"]))
        XCTAssertFalse(OSC52.isEnabled(.off, environment: [:]))
        XCTAssertEqual(try UserConfig.parse("").osc52, .auto)
        XCTAssertEqual(try UserConfig.parse("osc52 = on\n[keys]\nreply = \"R\"").osc52, .on)
        XCTAssertEqual(try UserConfig.parse("osc52 = \"off\"").osc52, .off)
        XCTAssertThrowsError(try UserConfig.parse("osc52 = yes")) { error in
            XCTAssertEqual(error as? UserConfig.Problem, UserConfig.Problem(line: 1, reason: .client("osc52 is auto, on or off", context: "config problem")))
        }
        // Under a section it is not a setting of that section.
        XCTAssertThrowsError(try UserConfig.parse("[keys]\nosc52 = on"))
    }

    func testYCopiesTheSelectedRowOrTheOpenTicketWithItsSubjectSanitised() {
        var state = Fixture.state(Fixture.agent)
        XCTAssertEqual(route(.character("y"), state), [.copyToClipboard("#1042 VPN drops every hour")])
        state = Fixture.openState(Fixture.agent)
        state.openTicket!.detail.ticket.subject = "Bell\u{07}and \u{1b}]52;c;evil\u{07}"
        XCTAssertEqual(route(.character("y"), state), [.copyToClipboard("#1042 Bell␇and ␛]52;c;evil␇")])
    }

    func testTheClientWritesTheSequenceAndSaysWhatItCopiedOrWhyNot() throws {
        let (terminal, app) = try client(copies: true)
        _ = app.run()
        XCTAssertEqual(terminal.copied, ["#1 Printer jams"])
        XCTAssertTrue(terminal.frames.contains { $0.contains("Copied #1 Printer jams") })

        let (offTerminal, offApp) = try client(copies: false)
        _ = offApp.run()
        XCTAssertEqual(offTerminal.copied, [])
        XCTAssertTrue(offTerminal.frames.contains { $0.contains("Copying to the clipboard is off in SSH sessions") }, offTerminal.frames.last ?? "")
    }

    private func route(_ key: Key, _ state: DeskState) -> [KeyOutcome] {
        KeyRouter.route(key, state: state, keymap: .standard, size: state.size, restricted: false)
    }

    /// A desk with ticket #1, and the client on a scripted terminal: `y`, then Ctrl-C.
    private func client(copies: Bool) throws -> (ScriptedTerminal, DeskApp) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let store = try Desk.open(address: directory.appendingPathComponent("desk.sqlite").path, create: true)
        _ = try store.addUser(NewUser(handle: "bob", name: "Bob Agent", email: "bob@desk.example", role: .agent))
        let agent = try store.viewer(handle: "bob")
        _ = try store.createTicket(NewTicket(subject: "Printer jams", description: "Jams.", kind: .question), by: agent, allowDuplicate: true)
        let terminal = ScriptedTerminal(events: [.key(.character("5")), .key(.character("y")), .key(.control("c"))])
        let engine = DeskEngine(state: DeskState(deskName: "Test", viewer: agent, size: terminal.size), runtime: DeskRuntime(store: store, viewer: agent))
        return (terminal, DeskApp(engine: engine, terminal: terminal, options: DeskApp.Options(copiesToClipboard: copies)))
    }
}

/// A terminal that plays a list of events and keeps every frame and clipboard write.
final class ScriptedTerminal: TerminalDevice {
    let size = TerminalSize(columns: 80, rows: 24)
    private var events: [InputEvent]
    private(set) var frames: [String] = []
    private(set) var copied: [String] = []

    init(events: [InputEvent]) { self.events = events }

    func draw(_ grid: Grid) { frames.append(grid.text) }
    /// One event per wait, none when asked for what is already pending: a frame is drawn after each.
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard timeoutMilliseconds > 0 else { return nil }
        return events.isEmpty ? .key(.control("c")) : events.removeFirst()
    }
    func suspend() {}
    func resume() {}
    func restore() {}
    func copyToClipboard(_ text: String) { copied.append(text) }
}
