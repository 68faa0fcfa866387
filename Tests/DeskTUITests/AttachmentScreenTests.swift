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
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             #1042 VPN drops every hour
             Status        Open
             Kind          Incident
             Urgency       Serious
             Requester     Carl Meyer (carl)
             Organisation  Umbra
             Assignee      Ana Lind (ana)
             Product       VPN › Client
             Created       2024-05-30 09:00 (2d ago)
             Updated       20┌─ Attachments of #1042 ────────────────────┐
             Attachment    vp│ 1  vpn-client.log · 47 KB · Carl Meyer    │
             Attachment    ke│ 2  keepalive 日本.png · 2.3 MB · Ana Lind │
                             └───────────────────────────────────────────┘
             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             History (7)
             ● Carl Meyer (customer) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?                                       68%
             ↑/↓ choose  enter open  s save  esc close
            """)
    }

    func testMenuInAnSSHSessionAt132x40() {
        var state = withAttachments(Fixture.customer, size: Fixture.size132)
        state.offersLocalFiles = false
        state.overlay = .attachmentMenu(ticketNumber: 1042, selected: 0)
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · carl (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT  1/5 REQUESTER  UPDATED│ #1042 VPN drops every hour
             #1042 Open          VPN drops e… carl            5m│ Status        Open
             #1041 Open          Invoice sho… dora            3h│ Kind          Incident
             #1040 Action needed Cannot expo… carl            2d│ Urgency       Serious
             #1039 Solution      Mail server… dora            3w│ Requester     Carl Meyer (carl)
             #1038 Closed        Password re… carl            1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │ Attachment    vpn-client.log · 47 KB · Carl Meyer
                                                                │ Attachment    keepalive 日本.png · 2.3 MB · Ana Lind
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (6)
                                                       ┌─ Attachments of #1042 ────────────────────┐30 10:00
                                                       │ 1  vpn-client.log · 47 KB · Carl Meyer    │ile I was on a call with a customer, and
                                                       │ 2  keepalive 日本.png · 2.3 MB · Ana Lind │nutes.
                                                       └───────────────────────────────────────────┘11:00
                                                                │ │   Which client version do you run?
                                                                │ │ └─● Carl Meyer (customer) · 2024-05-30 11:30
                                                                │ │     Version 5.2.1 on macOS 14.
                                                                │ │   └─● Ana Lind (agent) · 2024-05-30 12:00
                                                                │ │       5.2.1 has a known keepalive bug.
                                                                │ │       Please update to 5.3.
                                                                │ └─● Carl Meyer (customer) · 2024-05-30 13:00
                                                                │     Thanks!
                                                                │ · 2024-05-30 14:00 Status changed from New to Open
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             ↑/↓ choose  enter how to download  esc close
            """)
    }

    func testSavePromptWithCandidatesAt80x24() {
        var state = withAttachments(size: Fixture.size80)
        var prompt = PathPrompt(purpose: .saveAttachment(70, name: "vpn-client.log"), text: "/tmp/log")
        prompt.candidates = ["logs/", "login.txt"]
        state.overlay = .pathPrompt(prompt)
        assertScreen(Renderer.render(state, size: Fixture.size80), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
             #1042 VPN drops every hour
             Status        Open
             Kind          Incident
             Urgency       Serious
             Requester     Carl Meyer (carl)
             Organisation  Umbra
             Assignee      Ana Lind (ana)
             Product       VPN › Client
             Created   ┌─ Save vpn-client.log as ───────────────────────────────┐
             Updated   │ path  /tmp/log_                                        │
             Attachment│       logs/                                            │
             Attachment│       login.txt                                        │
                       └────────────────────────────────────────────────────────┘
             Since Monday the VPN client disconnects about once an hour and needs a
             restart.

             History (7)
             ● Carl Meyer (customer) · 2024-05-30 10:00
               It dropped again this morning while I was on a call with a customer, and the
               reconnect took almost two minutes.
             ├─● Ana Lind (agent) · 2024-05-30 11:00
             │   Which client version do you run?                                       68%
             tab complete  enter save  esc cancel
            """)
    }

    func testComposerListsTheFilesToSendAt132x40() {
        var state = withAttachments(size: Fixture.size132)
        var composer = ComposerState(kind: .reply, slot: .reply(ticketNumber: 1042), body: "Both logs attached.")
        composer.attachedFiles = ["reports/vpn.log", "reports/trace 2.txt"]
        composer.cursor = composer.body.count
        state.composer = composer
        state.focus = .composer
        state.overlay = .pathPrompt(PathPrompt(purpose: .attachFile, text: "~/Do"))
        assertScreen(Renderer.render(state, size: Fixture.size132), """
             Acme Support · ana (agent)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                           sort: newest first
                 # STATUS   URGENCY  SUBJECT         1/5 UPDATED│ #1042 VPN drops every hour
             #1042 open     Serious  VPN drops every ho…      5m│ Status        Open
             #1041 new               Invoice shows the …      3h│ Kind          Incident
             #1040 awaiting Low      Cannot export the …      2d│ Urgency       Serious
             #1039 pending  Critical Mail server down f…      3w│ Requester     Carl Meyer (carl)
             #1038 closed            Password reset lin…      1y│ Organisation  Umbra
                                                                │ Assignee      Ana Lind (ana)
                                                                │ Product       VPN › Client
                                                                │ Created       2024-05-30 09:00 (2d ago)
                                                                │ Updated       2024-06-01 11:55 (5m ago)
                                                                │ Attachment    vpn-client.log · 47 KB · Carl Meyer
                                                                │ Attachment    keepalive 日本.png · 2.3 MB · Ana Lind
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (7)
                                                 ┌─ Attach a file ────────────────────────────────────────┐0
                                                 │ path  ~/Do_                                            │as on a call with a customer, an 59%
                                                 └────────────────────────────────────────────────────────┘
                                                                │ Attach: vpn.log, trace 2.txt
                                                                │ Both logs attached.
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
                                                                │
             tab complete  enter attach  esc cancel
            """)
    }
}
