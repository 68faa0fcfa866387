import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// Customers with organisation access see colleagues' tickets, so the list names each one's
/// requester (and the detail header does too); a customer who sees only their own tickets
/// reads who handles them instead.
final class RequesterColumnScreenTests: XCTestCase {
    static let ownAccess = Viewer(user: Fixture.dora, plan: .pro)

    func testOrganisationAccessAt80x24() {
        assertScreen(Renderer.render(Fixture.state(Fixture.customer), size: Fixture.size80), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
                 # STATUS        URGENCY  SUBJECT                     1/5 REQUESTER  UPDATED
             #1042 Open          Serious  VPN drops every hour            carl            5m
             #1041 Open                   Invoice shows the wrong VAT nu… dora            3h
             #1040 Action needed Low      Cannot export the monthly repo… carl            2d
             #1039 Solution      Critical Mail server down for the whole… dora            3w
             #1038 Closed                 Password reset link expired     carl            1y
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }

    func testOrganisationAccessAt132x40WithTheDetailOpen() {
        var state = Fixture.openState(Fixture.customer, size: Fixture.size132)
        state.focus = .list
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
                                                                │
                                                                │ Since Monday the VPN client disconnects about once an hour and needs a
                                                                │ restart.
                                                                │
                                                                │ History (6)
                                                                │ ● Carl Meyer (customer) · 2024-05-30 10:00
                                                                │   It dropped again this morning while I was on a call with a customer, and
                                                                │   the reconnect took almost two minutes.
                                                                │ ├─● Ana Lind (agent) · 2024-05-30 11:00
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
                                                                │
                                                                │
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }

    func testOwnAccessAt80x24() {
        assertScreen(Renderer.render(Fixture.state(Self.ownAccess), size: Fixture.size80), """
             dora  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
                 # STATUS        URGENCY  SUBJECT                     1/5 ASSIGNEE   UPDATED
             #1042 Open          Serious  VPN drops every hour            ana             5m
             #1041 Open                   Invoice shows the wrong VAT nu… unassigned      3h
             #1040 Action needed Low      Cannot export the monthly repo… ben             2d
             #1039 Solution      Critical Mail server down for the whole… ana             3w
             #1038 Closed                 Password reset link expired     ben             1y
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
            
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }

    func testOwnAccessAt132x40() {
        assertScreen(Renderer.render(Fixture.state(Self.ownAccess, size: Fixture.size132), size: Fixture.size132), """
             Acme Support · dora (customer)  1 Recent 12  2 Active 5  3 Mine 2  4 All open 9  5 All 40                       sort: newest first
                 # STATUS        SUBJECT             1/5 UPDATED│ No ticket open: Enter opens the selected one
             #1042 Open          VPN drops every hour         5m│
             #1041 Open          Invoice shows the wron…      3h│
             #1040 Action needed Cannot export the mont…      2d│
             #1039 Solution      Mail server down for t…      3w│
             #1038 Closed        Password reset link ex…      1y│
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
             enter open  r reply  S status  n new  / search  s sort  ? help  q back
            """)
    }
}
