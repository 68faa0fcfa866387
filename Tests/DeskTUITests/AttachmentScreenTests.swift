import DeskModel
import XCTest

@testable import DeskTUI

/// The attachment menu, the path prompt with what Tab found, and the composer's list of files
/// to send.
final class AttachmentScreenTests: XCTestCase {
    private static let attachments = [
        Attachment(id: 70, ticketID: 42, name: "vpn-client.log", mediaType: "text/plain", size: 48_213, sha256: "",
                   uploaderID: Fixture.carl.id, createdAt: Fixture.may30(10)),
        Attachment(id: 71, ticketID: 42, name: "keepalive 日本.png", mediaType: "image/png", size: 2_400_000, sha256: "",
                   uploaderID: Fixture.ana.id, createdAt: Fixture.may30(12)),
    ]

    private func withAttachments(_ viewer: Viewer = Fixture.agent, size: TerminalSize) -> DeskState {
        var detail = Fixture.detail()
        detail.attachments = Self.attachments
        return Fixture.openState(viewer, size: size, detail: detail)
    }

    func testMenuAt80x24() {
        var state = withAttachments(size: Fixture.size80)
        state.overlay = .attachmentMenu(ticketNumber: 1042, selected: 1)
        assertScreen(Renderer.render(state, size: Fixture.size80), """
            """)
    }

    func testMenuInAnSSHSessionAt132x40() {
        var state = withAttachments(Fixture.customer, size: Fixture.size132)
        state.offersLocalFiles = false
        state.overlay = .attachmentMenu(ticketNumber: 1042, selected: 0)
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            """)
    }

    func testSavePromptWithCandidatesAt80x24() {
        var state = withAttachments(size: Fixture.size80)
        var prompt = PathPrompt(purpose: .saveAttachment(70, name: "vpn-client.log"), text: "/tmp/log")
        prompt.candidates = ["logs/", "login.txt"]
        state.overlay = .pathPrompt(prompt)
        assertScreen(Renderer.render(state, size: Fixture.size80), """
            """)
    }

    func testComposerListsTheFilesToSendAt132x40() {
        var state = withAttachments(size: Fixture.size132)
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "Both logs attached.")
        composer.attachedFiles = ["/home/ana/vpn.log", "/home/ana/trace 2.txt"]
        composer.cursor = composer.body.count
        state.composer = composer
        state.focus = .composer
        state.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "~/Do"))
        assertScreen(Renderer.render(state, size: Fixture.size132), """
            """)
    }
}
