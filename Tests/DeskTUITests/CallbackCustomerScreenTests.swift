import DeskModel
import XCTest

@testable import DeskTUI

/// A customer's C key where the plan has no call-backs: the reason, on the bottom line.
final class CallbackCustomerScreenTests: XCTestCase {
    private func refused(_ size: TerminalSize, _ language: Language) -> Grid {
        var customer = Fixture.customer
        customer.plan = .pro
        var state = Fixture.state(customer, size: size)
        state.language = language
        XCTAssertEqual(DeskReducer.reduce(into: &state, Command.requestCallback.action(viewer: customer)), [])
        return Renderer.render(state, size: size)
    }

    func testAPlanWithoutCallBacksSaysWhyAt80x24() {
        assertScreen(refused(Fixture.size80, .english), """
             carl  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40       sort: newest first
                 # STATUS        URGENCY  SUBJECT                     1/5 REQUESTER  UPDATED
             #1042 Open          Serious  VPN drops every hour            carl            5m
             #1041 Open                   Invoice shows the wrong VAT nu… dora            3h
             #1040 Action needed Low      Cannot export the monthly repo… carl            2d
             #1039 Solution      Critical Mail server down for the whole… dora            3w
             #1038 Closed                 Password reset link expired     carl            1y
















             Call-backs come with the business and enterprise plans only
            """)
    }

    func testAPlanWithoutCallBacksSaysWhyInFrenchAt132x40() {
        assertScreen(refused(Fixture.size132, .french), """
             Acme Support · carl (client)  1 Récents 12  2 Actifs 5  3 Les miens 2  4 Tous ouverts 9  5 Tous 40      tri : plus récents d'abord
                 # STATUT        SUJET    1/5 DEMANDEUR  MODIFIÉ│ Aucun ticket ouvert : Entrée ouvre celui qui est sélectionné
             #1042 Ouvert        VPN drops e… carl         5 min│
             #1041 Ouvert        Invoice sho… dora           3 h│
             #1040 À vous d'agir Cannot expo… carl           2 j│
             #1039 Solution      Mail server… dora        3 sem.│
             #1038 Fermé         Password re… carl          1 an│
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
             Les rappels sont réservés aux forfaits business et enterprise
            """)
    }
}
