import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

final class KeyRouterTests: XCTestCase {
    private func route(_ key: Key, _ state: DeskState, keymap: Keymap = .standard, restricted: Bool = false) -> [KeyOutcome] {
        KeyRouter.route(key, state: state, keymap: keymap, size: state.size, restricted: restricted)
    }

    private func composing(_ kind: ComposerKind = .reply, field: ComposerField = .body, body: String = "", cursor: Int = 0) -> DeskState {
        var state = Fixture.openState(Fixture.agent)
        var composer = ComposerState(kind: kind, slot: kind == .newTicket ? .newTicket : .reply(ticketNumber: 1042), body: body)
        composer.field = field
        composer.cursor = cursor
        state.composer = composer
        state.focus = .composer
        return state
    }

    func testListKeysGoThroughTheKeymap() {
        let state = Fixture.state(Fixture.agent)
        XCTAssertEqual(route(.character("j"), state), [.action(.selectionMoved(by: 1))])
        XCTAssertEqual(route(.down, state), [.action(.selectionMoved(by: 1))])
        XCTAssertEqual(route(.enter, state), [.action(.ticketOpened)])
        XCTAssertEqual(route(.character("A"), state), [.action(.assignRequested(handle: "ana"))])
        XCTAssertEqual(route(.character("3"), state), [.action(.viewSelected(.mine))])
        XCTAssertEqual(route(.character("/"), state), [.action(.searchStarted)])
        XCTAssertEqual(route(.character("?"), state), [.action(.helpToggled)])
        XCTAssertEqual(route(.character("%"), state), [], "an unbound key does nothing")
        // A composer that exists but does not have focus does not take the keys.
        var background = composing()
        background.focus = .list
        XCTAssertEqual(route(.character("j"), background), [.action(.selectionMoved(by: 1))])
    }

    func testComposerTakesTextKeys() {
        let state = composing(body: "Hello", cursor: 5)
        XCTAssertEqual(route(.character("j"), state), [.action(.composerInput(.insert("j")))])
        XCTAssertEqual(route(.character("q"), state), [.action(.composerInput(.insert("q")))])
        XCTAssertEqual(route(.character(" "), state), [.action(.composerInput(.insert(" ")))])
        XCTAssertEqual(route(.enter, state), [.action(.composerInput(.insert("\n")))])
        XCTAssertEqual(route(.backspace, state), [.action(.composerInput(.deleteBackward))])
        XCTAssertEqual(route(.control("w"), state), [.action(.composerInput(.deleteWordBackward))])
        XCTAssertEqual(route(.left, state), [.action(.composerInput(.moveLeft))])
        XCTAssertEqual(route(.home, state), [.action(.composerInput(.moveToLineStart))])
        XCTAssertEqual(route(.control("s"), state), [.action(.composerSubmitted)])
        XCTAssertEqual(route(.escape, state), [.action(.composerClosed)])
        XCTAssertEqual(route(.tab, state), [.action(.composerFieldMoved(forward: true))])
        XCTAssertEqual(route(.control("e"), state), [.openEditor])
        XCTAssertEqual(route(.function(5), state), [])
    }

    func testComposerUpAndDown() {
        // One line in a reply: Up goes to the start, Down to the end.
        let single = composing(body: "Hello", cursor: 3)
        XCTAssertEqual(route(.up, single), [.action(.composerInput(.moveTo(0)))])
        XCTAssertEqual(route(.down, single), [.action(.composerInput(.moveTo(Int.max)))])
        // Two lines: Up from the second keeps the column.
        let two = composing(body: "first line\nsecond", cursor: 15)
        XCTAssertEqual(route(.up, two), [.action(.composerInput(.moveTo(4)))])
        // In the new-ticket form, Up from the body's first line goes to the previous field.
        let form = composing(.newTicket, body: "x", cursor: 0)
        XCTAssertEqual(route(.up, form), [.action(.composerFieldMoved(forward: false))])
    }

    func testFormFields() {
        let subject = composing(.newTicket, field: .subject)
        XCTAssertEqual(route(.enter, subject), [.action(.composerFieldMoved(forward: true))])
        XCTAssertEqual(route(.left, subject), [.action(.composerInput(.moveLeft))])
        XCTAssertEqual(route(.down, subject), [.action(.composerFieldMoved(forward: true))])
        let kind = composing(.newTicket, field: .kind)
        XCTAssertEqual(route(.left, kind), [.action(.composerChoiceCycled(forward: false))])
        XCTAssertEqual(route(.right, kind), [.action(.composerChoiceCycled(forward: true))])
        XCTAssertEqual(route(.backTab, kind), [.action(.composerFieldMoved(forward: false))])
    }

    func testCtrlERefusedWhenRestricted() {
        let state = composing(body: "draft")
        XCTAssertEqual(route(.control("e"), state, restricted: true),
                       [.action(ClientRefusals.notAllowed(ClientRefusals.noEditorInSession))])
        XCTAssertEqual(route(.control("e"), state, restricted: false), [.openEditor])
    }

    func testSearchTakesTextKeys() {
        var state = Fixture.state(Fixture.agent)
        state.search = SearchState(query: "vp")
        XCTAssertEqual(route(.character("q"), state), [.action(.searchInput(.insert("q")))])
        XCTAssertEqual(route(.character("j"), state), [.action(.searchInput(.insert("j")))])
        XCTAssertEqual(route(.backspace, state), [.action(.searchInput(.deleteBackward))])
        XCTAssertEqual(route(.control("u"), state), [.action(.searchInput(.deleteToLineStart))])
        XCTAssertEqual(route(.down, state), [.action(.searchSelectionMoved(by: 1))])
        XCTAssertEqual(route(.backTab, state), [.action(.searchSelectionMoved(by: -1))])
        XCTAssertEqual(route(.pageDown, state), [.action(.searchSelectionMoved(by: 10))])
        XCTAssertEqual(route(.enter, state), [.action(.ticketOpened), .action(.searchClosed)])
        XCTAssertEqual(route(.escape, state), [.action(.searchClosed)])
        XCTAssertEqual(route(.left, state), [])
    }

    func testOverlaysTakeEveryKey() {
        // A help that fits (132x40) closes on any key; a taller one scrolls (HelpScrollTests).
        var help = Fixture.state(Fixture.agent, size: Fixture.size132)
        help.overlay = .help
        for key: Key in [.character("j"), .escape, .enter, .character("q"), .function(1)] {
            XCTAssertEqual(route(key, help), [.action(.helpToggled)], "\(key)")
        }
        var menu = Fixture.openState(Fixture.agent)
        menu.overlay = .statusMenu(ticketNumber: 1042, options: [.awaitingCustomer, .pending, .closed], selected: 0)
        XCTAssertEqual(route(.down, menu), [.action(.menuMoved(by: 1))])
        XCTAssertEqual(route(.character("k"), menu), [.action(.menuMoved(by: -1))])
        XCTAssertEqual(route(.enter, menu), [.action(.menuChosen)])
        XCTAssertEqual(route(.escape, menu), [.action(.menuClosed)])
        XCTAssertEqual(route(.character("3"), menu), [.action(.menuMoved(by: 2)), .action(.menuChosen)])
        XCTAssertEqual(route(.character("4"), menu), [], "no fourth row")
        XCTAssertEqual(route(.character("0"), menu), [])
        XCTAssertEqual(route(.character("x"), menu), [])
        // An overlay wins over the composer and the search box.
        var both = composing()
        both.overlay = .help
        XCTAssertEqual(route(.character("x"), both), [.action(.helpToggled)])
    }

    func testCtrlCAlwaysQuits() {
        var search = Fixture.state(Fixture.agent)
        search.search = SearchState(query: "x")
        var help = Fixture.state(Fixture.agent)
        help.overlay = .help
        var menu = Fixture.openState(Fixture.agent)
        menu.overlay = .assignMenu(ticketNumber: 1042, options: [nil], selected: 0)
        var rebound = Keymap.standard
        rebound.bind(.help, to: [.control("c")])
        for state in [Fixture.state(Fixture.agent), Fixture.state(Fixture.customer), composing(), search, help, menu] {
            XCTAssertEqual(route(.control("c"), state), [.action(.quitRequested)])
            XCTAssertEqual(route(.control("c"), state, keymap: rebound, restricted: true), [.action(.quitRequested)])
            XCTAssertEqual(route(.control("c"), state, keymap: Keymap(bindings: [:])), [.action(.quitRequested)])
        }
    }
}

final class KeymapTests: XCTestCase {
    func testStandardBindings() {
        let keymap = Keymap.standard
        XCTAssertEqual(keymap.keys(for: .moveDown), [.character("j"), .down])
        XCTAssertEqual(keymap.keys(for: .refresh), [.character("R"), .control("l")])
        XCTAssertEqual(keymap.command(for: .control("c")), .quit)
        // Every command has a key, and no key is claimed twice by the defaults of one scope.
        for command in Command.allCases { XCTAssertFalse(keymap.keys(for: command).isEmpty, "\(command)") }
        for scope in KeyScope.allCases {
            let keys = Command.allCases.filter { $0.scope == scope }.flatMap(\.defaultKeys)
            XCTAssertEqual(keys.count, Set(keys).count, "\(scope)")
        }
    }

    func testBindReplacesDefaultsButNeverCtrlC() {
        var keymap = Keymap.standard
        keymap.bind(.reply, to: [.character("e"), .control("r")])
        XCTAssertNil(keymap.command(for: .character("r")))
        XCTAssertEqual(keymap.command(for: .character("e")), .reply)
        XCTAssertEqual(keymap.keys(for: .reply), [.control("r"), .character("e")], "sorted by name")

        keymap.bind(.quit, to: [.character("Q")])
        XCTAssertEqual(keymap.command(for: .control("c")), .quit)
        XCTAssertEqual(keymap.keys(for: .quit), [.control("c"), .character("Q")])

        keymap.bind(.help, to: [.control("c"), .character("h")])
        XCTAssertEqual(keymap.command(for: .control("c")), .quit)
        XCTAssertEqual(keymap.keys(for: .help), [.character("h")])
    }

    func testKeyNames() {
        for key: Key in [.character("j"), .character("G"), .character(" "), .control("r"), .pageDown, .pageUp, .backTab, .escape, .function(5), .enter, .delete] {
            XCTAssertEqual(Key(name: key.name), key, key.name)
        }
        XCTAssertEqual(Key(name: "PageDown"), .pageDown)
        XCTAssertEqual(Key(name: "Ctrl-R"), .control("r"))
        XCTAssertEqual(Key(name: "f"), .character("f"))
        XCTAssertNil(Key(name: "f13"))
        XCTAssertNil(Key(name: "ctrl-"))
        XCTAssertNil(Key(name: "ctrl-1"))
        XCTAssertNil(Key(name: "jk"))
        XCTAssertNil(Key(name: ""))
    }
}

final class UserConfigTests: XCTestCase {
    func testAValidFile() throws {
        let config = try UserConfig.parse("""
            # deskterm settings

            [keys]
            reply = "R"                 # a command takes one key...
            moveDown = ["j", "ctrl-n"]  # ...or several
            search = "#"

            [colors]
            selected = "black on yellow"
            internalNote = "magenta bold"
            """)
        let keymap = config.keymap
        XCTAssertEqual(keymap.keys(for: .reply), [.character("R")])
        XCTAssertNil(keymap.command(for: .character("r")))
        // "R" moved from refresh to reply; refresh keeps ctrl-l.
        XCTAssertEqual(keymap.keys(for: .refresh), [.control("l")])
        XCTAssertEqual(keymap.keys(for: .moveDown), [.character("j"), .control("n")])
        XCTAssertNil(keymap.command(for: .down), "binding replaces the defaults")
        XCTAssertEqual(keymap.command(for: .character("#")), .search)
        XCTAssertEqual(keymap.command(for: .control("c")), .quit)
        XCTAssertEqual(config.theme.look(.selected), StyleLook(foreground: .black, background: .yellow))
        XCTAssertEqual(config.theme.look(.internalNote), StyleLook(foreground: .magenta, bold: true))
        XCTAssertEqual(config.theme.look(.error), Theme.standard.look(.error), "untouched styles keep their look")
        XCTAssertEqual(try UserConfig.parse(""), UserConfig())
    }

    private func problem(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> UserConfig.Problem? {
        do {
            _ = try UserConfig.parse(text)
            XCTFail("expected a problem", file: file, line: line)
            return nil
        } catch let problem as UserConfig.Problem {
            return problem
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testErrorsNameTheLine() {
        let unknownCommand = problem("[keys]\nreply = \"r\"\nrepyl = \"x\"")
        XCTAssertEqual(unknownCommand?.line, 3)
        XCTAssertTrue(unknownCommand?.message.hasPrefix("unknown command 'repyl'") ?? false, unknownCommand?.message ?? "")

        let unknownKey = problem("[keys]\n\nreply = [\"r\", \"ctrl-\"]")
        XCTAssertEqual(unknownKey, UserConfig.Problem(line: 3, reason: .client("unknown key '{key}'", context: "config problem", ["key": .text("ctrl-")])))

        let badColour = problem("[colors]\nselected = \"purple\"")
        XCTAssertEqual(badColour, UserConfig.Problem(line: 2, reason: .client("unknown colour or attribute '{word}'", context: "config problem", ["word": .text("purple")])))
        let badBackground = problem("[colors]\n\n\nselected = \"black on\"")
        XCTAssertEqual(badBackground?.line, 4)
        XCTAssertTrue(badBackground?.message.hasPrefix("'on' must be followed by a colour") ?? false)
        XCTAssertEqual(problem("[colors]\nsparkle = \"red\"")?.line, 2)

        let duplicate = problem("[keys]\nreply = \"x\"\n# search next\nsearch = [\"/\", \"x\"]")
        XCTAssertEqual(duplicate, UserConfig.Problem(line: 4, reason: .client("key '{key}' is bound to both {first} and {second}", context: "config problem",
                                                                     ["key": .text("x"), "first": .text("reply"), "second": .text("search")])))
        XCTAssertEqual(duplicate?.description, "config line 4 ignored: key 'x' is bound to both reply and search")

        XCTAssertEqual(problem("reply = \"r\"")?.message, "settings belong in a [keys] or [colors] section")
        XCTAssertEqual(problem("[keys]\nreply = r")?.line, 2)
        XCTAssertEqual(problem("[keys]\nreply = []")?.message, "reply needs at least one key")
        XCTAssertEqual(problem("\n[mouse]")?.line, 2)
        XCTAssertEqual(problem("[keys\nreply = \"r\"")?.line, 1)
        XCTAssertEqual(problem("[keys]\njust words")?.message, "expected name = value")
    }

    func testADuplicateIsReportedOnItsOwnLineEvenWhenANameRepeats() {
        // "internalNote" is both a style and a command; "assign" is a prefix of "assignToMe".
        let text = """
            [colors]
            internalNote = "magenta"
            [keys]
            assignToMe = "m"
            help = "x"
            internalNote = "x"
            """
        XCTAssertEqual(problem(text), UserConfig.Problem(line: 6, reason: .client("key '{key}' is bound to both {first} and {second}", context: "config problem",
                                                                       ["key": .text("x"), "first": .text("help"), "second": .text("internalNote")])))
        let prefix = """
            [keys]
            assignToMe = "m"
            back = "z"
            assign = "z"
            """
        XCTAssertEqual(problem(prefix)?.line, 4)
    }

    func testCtrlCCannotBeRebound() {
        XCTAssertEqual(problem("[keys]\n\nhelp = [\"h\", \"ctrl-c\"]"),
                       UserConfig.Problem(line: 3, reason: .client("ctrl-c always quits; it cannot be bound to {name}", context: "config problem", ["name": .text("help")])))
        let quit = try? UserConfig.parse("[keys]\nquit = [\"ctrl-c\", \"Q\"]")
        XCTAssertEqual(quit?.keymap.keys(for: .quit), [.control("c"), .character("Q")])
    }

    func testLoadKeepsTheGoodLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = UserConfig.load(path: directory.appendingPathComponent("none.toml").path)
        XCTAssertEqual(missing.config, UserConfig())
        XCTAssertNil(missing.problem)

        let bad = directory.appendingPathComponent("bad.toml")
        try Data("[keys]\nreply = \"r\"\nnope = \"x\"\n".utf8).write(to: bad)
        let loaded = UserConfig.load(path: bad.path)
        XCTAssertEqual(loaded.config.keymap.command(for: .character("r")), .reply, "the good line applies")
        XCTAssertEqual(loaded.problem?.problems.map(\.line), [3])

        let good = directory.appendingPathComponent("good.toml")
        try Data("[keys]\nreply = \"e\"\n".utf8).write(to: good)
        XCTAssertEqual(UserConfig.load(path: good.path).config.keymap.command(for: .character("e")), .reply)

        XCTAssertEqual(UserConfig.defaultPath(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]), "/x/deskterm/config.toml")
        XCTAssertEqual(UserConfig.defaultPath(["HOME": "/h"]), "/h/.config/deskterm/config.toml")
    }
}
