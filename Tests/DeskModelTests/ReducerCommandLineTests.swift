import Foundation
import XCTest

@testable import DeskModel

/// The `:` command line: completion, history, and commands mapped onto the keys' actions.
final class ReducerCommandLineTests: XCTestCase {
    private typealias F = ReducerFixtures

    private func typed(_ store: ReducerTestStore, _ text: String) {
        for character in text {
            store.send(.commandLineInput(.insert(String(character)))) { $0.commandLine!.text.append(character) }
        }
    }

    func testTabCompletesCommandNamesCyclesAndListsCandidates() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.commandLineStarted(prefill: "")) { $0.commandLine = CommandLineState() }
        store.expectEffects([.loadAgentHandles])
        store.receive(.agentHandlesLoaded(["alice", "bob", "boris"])) { $0.commandLine!.agentHandles = ["alice", "bob", "boris"] }

        // One candidate: the name and a blank for the argument.
        typed(store, "as")
        store.send(.commandLineCompleted(forward: true)) { $0.commandLine!.text = "assign " }
        // Agents: me, none, then the others; "bo" has two, whose common beginning is all "bo" is.
        typed(store, "bo")
        let candidates = CommandCompletion(base: "assign ", candidates: ["bob", "boris"], index: 0, shownText: "assign bob")
        store.send(.commandLineCompleted(forward: true)) {
            $0.commandLine!.text = "assign bob"
            $0.commandLine!.completion = candidates
        }
        // Tab again cycles; Shift-Tab goes back.
        store.send(.commandLineCompleted(forward: true)) {
            $0.commandLine!.text = "assign boris"
            $0.commandLine!.completion!.index = 1
            $0.commandLine!.completion!.shownText = "assign boris"
        }
        store.send(.commandLineCompleted(forward: false)) {
            $0.commandLine!.text = "assign bob"
            $0.commandLine!.completion = candidates
        }
        // Enter runs it: the same action as the assign menu's.
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["assign bob"]
        }
        store.expectEffects([.assign(number: 1, handle: "bob")])
    }

    func testCommonBeginningFirstThenCycling() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.commandLineStarted(prefill: "s")) { $0.commandLine = CommandLineState(text: "s") }
        store.expectEffects([.loadAgentHandles])
        // status, sort, search, save: nothing longer in common, so the first is shown and all listed.
        store.send(.commandLineCompleted(forward: true)) {
            $0.commandLine!.text = "status"
            $0.commandLine!.completion = CommandCompletion(base: "", candidates: ["status", "sort", "search", "save"], index: 0, shownText: "status")
        }
        // Typing starts over.
        store.send(.commandLineInput(.deleteToLineStart)) {
            $0.commandLine!.text = ""
            $0.commandLine!.completion = nil
        }
        typed(store, "view a")
        store.send(.commandLineCompleted(forward: true)) {
            $0.commandLine!.text = "view active"
            $0.commandLine!.completion = CommandCompletion(base: "view ", candidates: ["active", "all"], index: 0, shownText: "view active")
        }
    }

    func testCustomersAreNotOfferedStaffCommandsAndAreRefusedThem() {
        let store = ReducerTestStore(state: F.withOpenTicket(F.loaded(1...14, viewer: F.customer), 1))
        store.send(.commandLineStarted(prefill: "")) { $0.commandLine = CommandLineState() }
        // No agents are read for a customer.
        store.send(.commandLineCompleted(forward: true)) {
            let names = [
                "status", "view", "sort", "order", "search", "filter", "save", "open", "reply", "new", "watch", "follow-up",
                "watchers", "quote", "attachments", "tag", "tag-all", "unread", "help", "quit", "articles", "language", "mail", "callback",
            ]
            $0.commandLine!.completion = CommandCompletion(base: "", candidates: names, index: 0, shownText: "status")
            $0.commandLine!.text = "status"
        }
        // The statuses a customer may choose on the open ticket: close it, nothing else.
        store.send(.commandLineInput(.insert(" "))) {
            $0.commandLine!.text = "status "
            $0.commandLine!.completion = nil
        }
        store.send(.commandLineCompleted(forward: true)) { $0.commandLine!.text = "status closed" }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["status closed"]
            // Closing asks first, as the S menu does.
            $0.overlay = .confirm(.closeTicket(number: 1))
        }
        store.send(.commandLineStarted(prefill: "assign me")) { $0.commandLine = CommandLineState(text: "assign me") }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["status closed", "assign me"]
            $0.message = StatusMessage(.error, DeskError.notAllowedPhrase(CommandLineNotices.staffOnly("assign")))
        }
        store.send(.commandLineStarted(prefill: "as")) { $0.commandLine = CommandLineState(text: "as") }
        store.send(.commandLineCompleted(forward: true))
    }

    func testErrorsAreSpecific() {
        var state = F.loaded(1...14)
        state.commandHistory = []
        let store = ReducerTestStore(state: state)
        let cases: [(String, Phrase, String)] = [
            ("frobnicate", CommandLineNotices.unknownCommand("frobnicate"), "Unknown command 'frobnicate' (Tab lists the commands)"),
            ("s", CommandLineNotices.ambiguous("s", ["status", "sort", "search", "save"]), "'s' could be status, sort, search, save: type more"),
            ("status opn", CommandLineNotices.unknownStatus("opn", accepted: "new, open, awaitingCustomer, pending, closed"),
             "unknown status 'opn' (statuses: new, open, awaitingCustomer, pending, closed)"),
            ("view nope", CommandLineNotices.unknownView("nope", accepted: "recent, active, mine, open, all"),
             "unknown view 'nope' (views: recent, active, mine, open, all)"),
            ("sort size", CommandLineNotices.unknownSort("size", accepted: "created, updated, triage, due"), "unknown sort 'size' (sorts: created, updated, triage, due)"),
            ("assign", CommandLineNotices.needs("assign", CommandLineNotices.needsHandle), ":assign needs a handle, me or none"),
            ("open abc", CommandLineNotices.needs("open", CommandLineNotices.needsTicketNumber), ":open needs a ticket number"),
            ("save", CommandLineNotices.needs("save", CommandLineNotices.needsSave), ":save needs a name, then conditions like status:open"),
        ]
        var history: [String] = []
        for (line, message, english) in cases {
            XCTAssertEqual(message.englishText, english)
            store.send(.commandLineStarted(prefill: line)) { $0.commandLine = CommandLineState(text: line) }
            store.expectEffects([.loadAgentHandles])
            history.append(line)
            store.send(.commandLineSubmitted) {
                $0.commandLine = nil
                $0.commandHistory = history
                $0.message = StatusMessage(.error, message)
            }
        }
    }

    func testCommandsSendTheKeysActions() {
        XCTAssertEqual(CommandLineTable.run("161", state: F.state()), .actions([.jumpRequested(number: 161)]))
        XCTAssertEqual(CommandLineTable.run("open #42", state: F.state()), .actions([.jumpRequested(number: 42)]))
        XCTAssertEqual(CommandLineTable.run("view mine", state: F.state()), .actions([.viewSelected(.mine)]))
        XCTAssertEqual(CommandLineTable.run("sort triage", state: F.state()), .actions([.sortChosen(.triage)]))
        XCTAssertEqual(CommandLineTable.run("order", state: F.state()), .actions([.orderFlipped]))
        XCTAssertEqual(CommandLineTable.run("status awaiting", state: F.state()), .actions([.statusChangeRequested(.awaitingCustomer)]))
        XCTAssertEqual(CommandLineTable.run("assign none", state: F.state()), .actions([.assignRequested(handle: nil)]))
        XCTAssertEqual(CommandLineTable.run("assign me", state: F.state()), .actions([.assignRequested(handle: "alice")]))
        XCTAssertEqual(
            CommandLineTable.run("filter status:open urgency:critical", state: F.state()),
            .actions([.searchStarted, .searchQueryChanged("status:open urgency:critical")]))
        XCTAssertEqual(
            CommandLineTable.run("save urgent urgency:critical", state: F.state()),
            .actions([.viewSaveRequested(name: "urgent", conditions: "urgency:critical")]))
        for (line, action) in [("reply", DeskAction.composerOpened(.reply)), ("note", .composerOpened(.internalNote)),
                               ("new", .composerOpened(.newTicket)), ("watch", .watchToggled),
                               ("follow-up", .composerOpened(.followUp)), ("help", .helpToggled), ("quit", .quitRequested),
                               ("watchers", .ticketWatchersRequested), ("quote", .quoteRequested),
                               ("attachments", .attachmentMenuRequested), ("tag", .tagToggled), ("tag-all", .tagAllRequested),
                               ("unread", .markUnreadRequested), ("articles", .article(.screenOpened))] {
            XCTAssertEqual(CommandLineTable.run(line, state: F.state()), .actions([action]), line)
        }
        var saved = F.state()
        saved.savedViews = [SavedView(name: "Urgent", filterText: "urgency:critical")]
        XCTAssertEqual(CommandLineTable.run("view urgent", state: saved), .actions([.savedViewSelected(name: "Urgent")]))
    }

    func testSaveFromTheSearchSavesItsConditions() {
        var state = F.loaded(1...14)
        state.search = SearchState(query: "status:open urgency:critical")
        let store = ReducerTestStore(state: state)
        store.send(.commandLineStarted(prefill: "save ")) {
            $0.commandLine = CommandLineState(text: "save ", searchQuery: "status:open urgency:critical")
        }
        store.expectEffects([.loadAgentHandles])
        typed(store, "hot")
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["save hot"]
        }
        store.expectEffects([.saveView(SavedView(name: "hot", view: .all, filterText: "status:open urgency:critical"))])
    }

    func testUpAndDownRecallTheSessionsCommands() {
        var state = F.loaded(1...14)
        state.commandHistory = ["view mine", "sort triage"]
        let store = ReducerTestStore(state: state)
        store.send(.commandLineStarted(prefill: "")) { $0.commandLine = CommandLineState() }
        store.expectEffects([.loadAgentHandles])
        typed(store, "vi")
        store.send(.commandLineRecalled(by: -1)) {
            $0.commandLine!.text = "sort triage"
            $0.commandLine!.historyIndex = 1
            $0.commandLine!.draft = "vi"
        }
        store.send(.commandLineRecalled(by: -1)) {
            $0.commandLine!.text = "view mine"
            $0.commandLine!.historyIndex = 0
        }
        store.send(.commandLineRecalled(by: -1))
        store.send(.commandLineRecalled(by: 1)) {
            $0.commandLine!.text = "sort triage"
            $0.commandLine!.historyIndex = 1
        }
        // Past the newest: what was being typed comes back.
        store.send(.commandLineRecalled(by: 1)) {
            $0.commandLine!.text = "vi"
            $0.commandLine!.historyIndex = nil
        }
        store.send(.commandLineCancelled) { $0.commandLine = nil }
    }
}
