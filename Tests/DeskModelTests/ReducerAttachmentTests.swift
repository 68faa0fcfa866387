import Foundation
import XCTest

@testable import DeskModel

private typealias F = ReducerFixtures

/// The attachment menu (`v`): open, save with a path prompt and Tab completion, a question
/// before replacing a file; files sent with a reply; none of it in an SSH session.
final class ReducerAttachmentTests: XCTestCase {
    private static let log = Attachment(
        id: 70, ticketID: F.id(5), name: "vpn.log", mediaType: "text/plain", size: 2_048, sha256: "", uploaderID: 2, createdAt: F.date)
    private static let shot = Attachment(
        id: 71, ticketID: F.id(5), name: "screen shot.png", mediaType: "image/png", size: 90_000, sha256: "", uploaderID: 1, createdAt: F.date)

    private func opened(attachments: [Attachment] = [log, shot], localFiles: Bool = true) -> DeskState {
        var state = F.withOpenTicket(F.loaded(1...14, selected: 5), 5)
        state.openTicket!.detail.attachments = attachments
        state.offersLocalFiles = localFiles
        return state
    }

    func testTheMenuListsTheAttachmentsAndEnterHandsOneToTheClient() {
        let store = ReducerTestStore(state: opened())
        store.send(.attachmentMenuRequested) { $0.overlay = .attachmentMenu(ticketNumber: 5, selected: 0) }
        store.expectNoEffects()
        store.send(.menuMoved(by: 5)) { $0.overlay = .attachmentMenu(ticketNumber: 5, selected: 1) }
        store.expectNoEffects()
        store.send(.attachmentOpenRequested) {
            $0.overlay = nil
            $0.attachmentToOpen = Self.shot
        }
        store.expectNoEffects()
        store.send(.attachmentOpenFinished(failure: .verbatim("'xdg-open' exited with status 3"))) {
            $0.attachmentToOpen = nil
            $0.message = StatusMessage(.error, .verbatim("'xdg-open' exited with status 3"))
        }
        store.expectNoEffects()
    }

    func testATicketWithoutAttachmentsSaysSo() {
        let store = ReducerTestStore(state: opened(attachments: []))
        store.send(.attachmentMenuRequested) { $0.message = StatusMessage(.info, Notices.noAttachments(5)) }
        store.expectNoEffects()
    }

    func testInAnSSHSessionTheMenuPointsToDownloadInstead() {
        var state = opened(localFiles: false)
        state.overlay = .attachmentMenu(ticketNumber: 5, selected: 1)
        let store = ReducerTestStore(state: state)
        let hint = Notices.downloadOverSSH(5, name: "screen shot.png")
        XCTAssertEqual(hint.englishText, "On your machine: ssh … download 5 'screen shot.png' > 'screen shot.png' (files stay on the server here)")
        store.send(.attachmentOpenRequested) { $0.message = StatusMessage(.info, hint) }
        store.expectNoEffects()
        store.send(.savePromptRequested) { $0.message = StatusMessage(.info, hint) }
        store.expectNoEffects()
    }

    func testSaveAsAsksForAPathCompletesItAndAsksBeforeReplacingAFile() {
        var state = opened()
        state.overlay = .attachmentMenu(ticketNumber: 5, selected: 0)
        let store = ReducerTestStore(state: state)
        var prompt = PathPrompt(purpose: .saveAttachment(70, name: "vpn.log"), text: "vpn.log")
        store.send(.savePromptRequested) { $0.overlay = .pathPrompt(prompt) }
        store.expectNoEffects()
        store.send(.pathPromptInput(.deleteToLineStart)) {
            prompt.text = ""
            $0.overlay = .pathPrompt(prompt)
        }
        store.expectNoEffects()
        store.send(.pathPromptInput(.insert("/tmp/lo"))) {
            prompt.text = "/tmp/lo"
            $0.overlay = .pathPrompt(prompt)
        }
        store.expectNoEffects()
        store.send(.pathCompletionRequested)
        store.expectEffects([.completePath("/tmp/lo")])
        // An answer for an older text is dropped.
        store.receive(.pathCompletionsLoaded(typed: "/tmp/l", ["lost/"]))
        store.expectNoEffects()
        store.receive(.pathCompletionsLoaded(typed: "/tmp/lo", ["logs/", "login.txt"])) {
            prompt.text = "/tmp/log"
            prompt.candidates = ["logs/", "login.txt"]
            $0.overlay = .pathPrompt(prompt)
        }
        store.expectNoEffects()
        store.send(.pathPromptInput(.insert("s/"))) {
            prompt.text = "/tmp/logs/"
            prompt.candidates = []
            $0.overlay = .pathPrompt(prompt)
        }
        store.expectNoEffects()
        store.send(.pathCompletionRequested)
        store.expectEffects([.completePath("/tmp/logs/")])
        store.receive(.pathCompletionsLoaded(typed: "/tmp/logs/", ["vpn.log"])) {
            prompt.text = "/tmp/logs/vpn.log"
            $0.overlay = .pathPrompt(prompt)
        }
        store.expectNoEffects()
        store.send(.pathPromptSubmitted) { $0.overlay = nil }
        store.expectEffects([.saveAttachment(id: 70, path: "/tmp/logs/vpn.log", overwrite: false)])
        store.receive(.saveTargetExists(attachmentID: 70, path: "/tmp/logs/vpn.log")) {
            $0.overlay = .confirm(.overwriteFile(attachmentID: 70, path: "/tmp/logs/vpn.log"))
        }
        store.expectNoEffects()
        store.send(.confirmationAnswered(yes: true)) { $0.overlay = nil }
        store.expectEffects([.saveAttachment(id: 70, path: "/tmp/logs/vpn.log", overwrite: true)])
        store.receive(.attachmentSaved(path: "/tmp/logs/vpn.log", size: 2_048)) {
            $0.message = StatusMessage(.info, Notices.attachmentSaved(path: "/tmp/logs/vpn.log", size: 2048))
        }
        store.expectNoEffects()
    }

    func testNoReplacingWithoutAYes() {
        var state = opened()
        state.overlay = .confirm(.overwriteFile(attachmentID: 70, path: "notes.txt"))
        let store = ReducerTestStore(state: state)
        store.send(.confirmationAnswered(yes: false)) { $0.overlay = nil }
        store.expectNoEffects()
    }

    func testAFileAttachedInTheComposerIsSentWithTheReply() {
        var state = opened()
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5), body: "Log attached")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.attachPromptRequested) { $0.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "")) }
        store.expectNoEffects()
        store.send(.pathPromptInput(.insert("~/vpn.log"))) { $0.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "~/vpn.log")) }
        store.expectNoEffects()
        store.send(.pathPromptSubmitted) { $0.overlay = nil }
        store.expectEffects([.checkFile("~/vpn.log")])
        store.receive(.composerFileAccepted(path: "reports/vpn.log")) {
            $0.composer!.fields = ["files": "reports/vpn.log"]
            $0.message = StatusMessage(.info, Notices.fileWillBeSent("vpn.log"))
        }
        store.expectEffects([
            .saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: "Log attached", fields: ["files": "reports/vpn.log"])
        ])
        // Named again, a file comes off the list; a third time, it is back.
        store.receive(.composerFileAccepted(path: "reports/vpn.log")) {
            $0.composer!.fields = [:]
            $0.message = StatusMessage(.info, Notices.fileWillNotBeSent("vpn.log"))
        }
        store.expectEffects([.saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: "Log attached", fields: [:])])
        store.receive(.composerFileAccepted(path: "reports/vpn.log")) {
            $0.composer!.fields = ["files": "reports/vpn.log"]
            $0.message = StatusMessage(.info, Notices.fileWillBeSent("vpn.log"))
        }
        store.expectEffects([
            .saveDraft(slot: .reply(ticketNumber: 5), subject: "", body: "Log attached", fields: ["files": "reports/vpn.log"])
        ])
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .sendMessageWithFiles(NewMessage(ticketNumber: 5, body: "Log attached"), slot: .reply(ticketNumber: 5), files: ["reports/vpn.log"])
        ])
    }

    func testANewTicketTakesFilesAndIsCreatedWithThem() {
        var state = F.loaded(1...14)
        state.composer = ComposerState(kind: .newTicket, slot: .newTicket, subject: "Printer jams", body: "Trace attached")
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.attachPromptRequested) { $0.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "")) }
        store.expectNoEffects()
        store.receive(.composerFileAccepted(path: "reports/trace.txt")) {
            $0.composer!.fields = ["files": "reports/trace.txt"]
            $0.message = StatusMessage(.info, Notices.fileWillBeSent("trace.txt"))
        }
        store.expectEffects([
            .saveDraft(slot: .newTicket, subject: "Printer jams", body: "Trace attached", fields: ["files": "reports/trace.txt"])
        ])
        store.send(.composerSubmitted) { $0.composer!.isSending = true }
        store.expectEffects([
            .createTicketWithFiles(
                NewTicket(subject: "Printer jams", description: "Trace attached", kind: .question), slot: .newTicket,
                allowDuplicate: false, files: ["reports/trace.txt"])
        ])
    }

    func testAnSSHCustomerOpeningATicketIsToldToAttachOnceItExists() {
        var state = F.loaded(1...14, viewer: F.customer)
        state.offersLocalFiles = false
        state.composer = ComposerState(kind: .newTicket, slot: .newTicket)
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.attachPromptRequested) {
            $0.message = StatusMessage(.info, Notices.attachAfterCreatingOverSSH)
        }
        store.expectNoEffects()
    }

    func testAPathCanBePastedIntoThePrompt() {
        var state = opened()
        state.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "~/"))
        let store = ReducerTestStore(state: state)
        store.send(.textPasted("logs/vpn.log\n")) { $0.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "~/logs/vpn.log")) }
        store.expectNoEffects()
    }

    func testAnSSHCustomerIsToldToAttachFromTheirOwnMachine() {
        var state = opened(localFiles: false)
        state.viewer = F.customer
        state.composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 5))
        state.focus = .composer
        let store = ReducerTestStore(state: state)
        store.send(.attachPromptRequested) {
            $0.message = StatusMessage(.info, Notices.attachOverSSH(5))
        }
        store.expectNoEffects()
    }
}

/// The runtime's side: files written, listed and sent with a message, in one transaction.
final class AttachmentRuntimeTests: XCTestCase {
    private var fixture: StoreFixture!
    private var folder: URL { fixture.directory }

    override func setUpWithError() throws { fixture = try StoreFixture() }
    override func tearDown() { fixture?.remove() }

    func testAReplyWithAFileStoresBothAndTheFileBelongsToTheMessage() throws {
        let ticket = try fixture.ticket("Printer", by: fixture.peter)
        let file = folder.appendingPathComponent("trace.txt")
        try Data("trace".utf8).write(to: file)
        let runtime = DeskRuntime(store: fixture.store, viewer: fixture.alice, clock: fixture.clock.deskClock)
        let actions = runtime.perform(.sendMessageWithFiles(NewMessage(ticketNumber: ticket.number, body: "See trace", isInternal: true), slot: .reply(ticketNumber: ticket.number), files: [file.path]))
        guard case .messageSent(let message, _) = actions.first else { return XCTFail("\(actions)") }
        let detail = try fixture.store.detail(number: ticket.number, viewer: fixture.alice)
        XCTAssertEqual(detail.attachments.map(\.name), ["trace.txt"])
        XCTAssertEqual(detail.attachments.first?.messageID, message.id)
        XCTAssertEqual(detail.attachments.first?.mediaType, "text/plain")
        // Sent with an internal note, the file is as hidden from the customer as the note.
        XCTAssertEqual(try fixture.store.detail(number: ticket.number, viewer: fixture.peter).attachments, [])
    }

    func testAFileOverTheQuotaSendsNothing() throws {
        let ticket = try fixture.ticket("Printer", by: fixture.peter)
        var settings = try fixture.store.settings()
        settings.attachmentQuota = 4
        try fixture.store.updateSettings(settings)
        let file = folder.appendingPathComponent("big.bin")
        try Data(repeating: 1, count: 10).write(to: file)
        let runtime = DeskRuntime(store: fixture.store, viewer: fixture.peter, clock: fixture.clock.deskClock)
        let actions = runtime.perform(.sendMessageWithFiles(NewMessage(ticketNumber: ticket.number, body: "Here"), slot: .reply(ticketNumber: ticket.number), files: [file.path]))
        XCTAssertEqual(actions, [.failed(.attachmentQuotaExceeded(name: "big.bin", size: 10, used: 0, quota: 4))])
        XCTAssertEqual(try fixture.store.detail(number: ticket.number, viewer: fixture.alice).messages.filter { $0.kind == .reply }, [])
    }

    func testANewTicketWithAFileStoresBothOrNothing() throws {
        let file = folder.appendingPathComponent("trace.txt")
        try Data("trace".utf8).write(to: file)
        let runtime = DeskRuntime(store: fixture.store, viewer: fixture.peter, clock: fixture.clock.deskClock)
        let new = NewTicket(subject: "Printer jams", description: "Trace attached", kind: .question)
        let actions = runtime.perform(.createTicketWithFiles(new, slot: .newTicket, allowDuplicate: true, files: [file.path]))
        guard case .ticketCreated(let ticket) = actions.first else { return XCTFail("\(actions)") }
        let detail = try fixture.store.detail(number: ticket.number, viewer: fixture.peter)
        XCTAssertEqual(detail.attachments.map(\.name), ["trace.txt"])
        XCTAssertNil(detail.attachments.first?.messageID)
        // Over the customer's quota: no ticket at all.
        var settings = try fixture.store.settings()
        settings.attachmentQuota = 8
        try fixture.store.updateSettings(settings)
        let count = try fixture.store.counts(viewer: fixture.alice)[.all]
        let refused = runtime.perform(
            .createTicketWithFiles(NewTicket(subject: "Scanner", description: "Log", kind: .question), slot: .newTicket, allowDuplicate: true, files: [file.path]))
        XCTAssertEqual(refused, [.failed(.attachmentQuotaExceeded(name: "trace.txt", size: 5, used: 5, quota: 8))])
        XCTAssertEqual(try fixture.store.counts(viewer: fixture.alice)[.all], count)
    }

    func testSavingNeverReplacesAFileWithoutBeingToldTo() throws {
        let ticket = try fixture.ticket("Printer", by: fixture.peter)
        let attachment = try fixture.store.attach(number: ticket.number, name: "a.txt", mediaType: "text/plain", data: Data("new".utf8), by: fixture.peter)
        let target = folder.appendingPathComponent("a.txt")
        try Data("old".utf8).write(to: target)
        let runtime = DeskRuntime(store: fixture.store, viewer: fixture.alice, clock: fixture.clock.deskClock)
        XCTAssertEqual(runtime.perform(.saveAttachment(id: attachment.id, path: target.path, overwrite: false)),
                       [.saveTargetExists(attachmentID: attachment.id, path: target.path)])
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "old")
        XCTAssertEqual(runtime.perform(.saveAttachment(id: attachment.id, path: target.path, overwrite: true)),
                       [.attachmentSaved(path: target.path, size: 3)])
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "new")
        // Another organisation's customer learns nothing: the same answer as a missing one.
        let eveRuntime = DeskRuntime(store: fixture.store, viewer: fixture.eve, clock: fixture.clock.deskClock)
        let other = folder.appendingPathComponent("b.txt").path
        XCTAssertEqual(eveRuntime.perform(.saveAttachment(id: attachment.id, path: other, overwrite: false)),
                       [.failed(.refused(.model("No attachment {id}", ["id": .number(attachment.id)])))])
        XCTAssertEqual(eveRuntime.perform(.saveAttachment(id: 9_999, path: other, overwrite: false)),
                       [.failed(.refused(.model("No attachment {id}", ["id": .number(9999)])))])
        XCTAssertFalse(FileManager.default.fileExists(atPath: other))
    }

    func testCompletionListsMatchingNamesWithFoldersMarked() throws {
        let files = folder.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try Data().write(to: files.appendingPathComponent("login.txt"))
        try Data().write(to: files.appendingPathComponent("readme"))
        try Data().write(to: files.appendingPathComponent(".lock"))
        XCTAssertEqual(LocalFiles.completions(of: files.path + "/lo"), ["login.txt", "logs/"])
        XCTAssertEqual(LocalFiles.completions(of: files.path + "/"), ["login.txt", "logs/", "readme"])
        XCTAssertEqual(LocalFiles.completions(of: files.path + "/.lo"), [".lock"])
        XCTAssertEqual(LocalFiles.completions(of: files.path + "/x"), [])
    }
}
