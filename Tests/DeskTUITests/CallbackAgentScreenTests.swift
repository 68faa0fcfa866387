import DeskModel
import XCTest

@testable import DeskTUI

/// An agent's call-back keys on screen: P asks the desk to take the request of the selected
/// ticket, whose answer is said on the bottom line in the reader's language.
final class CallbackAgentScreenTests: XCTestCase {
    private func afterTaking(_ language: Language) -> Grid {
        var state = CallbackScreenTests.callbackState(Fixture.agent, size: Fixture.size80, language: language)
        let effects = DeskReducer.reduce(into: &state, Command.takeCallback.action(viewer: Fixture.agent))
        XCTAssertEqual(effects, [.callback(.take(number: 1042))])
        state.message = StatusMessage(.info, CallbackNotices.taken(1042))
        return Renderer.render(state, size: Fixture.size80)
    }

    func testTakingARequestIsSaidOnTheBottomLineAt80x24() {
        assertScreen(afterTaking(.english), """
             ana  1 Rec 12  2 Act 5  3 Mine 2  4 Open 9  5 All 40        sort: newest first
                 # STATUS   URGENCY  SUBJECT                        1/5 REQUESTER ·… UPDATED
             #1042 open     Serious  ✆ VPN drops every hour             carl · Umbra      5m
             #1041 new               Invoice shows the wrong VAT number dora · Umbra      3h
             #1040 awaiting Low      ✆ Cannot export the monthly repor… carl · Umbra      2d
             #1039 pending  Critical Mail server down for the whole of… dora · Umbra      3w
             #1038 closed            Password reset link expired        carl · Umbra      1y
















             You took the call-back request of ticket #1042
            """)
    }

    func testTakingARequestIsSaidInFrenchAt80x24() {
        assertScreen(afterTaking(.french), """
             ana  1 Réc 12  2 Act 5  3 Moi 2  4 Ouv 9  5 Tous 40       plus récents d'abord
                 # STATUT   URGENCE  SUJET                          1/5 DEMANDEUR ·… MODIFIÉ
             #1042 ouvert   Grave    ✆ VPN drops every hour             carl · Umbra   5 min
             #1041 nouveau           Invoice shows the wrong VAT number dora · Umbra     3 h
             #1040 attente  Faible   ✆ Cannot export the monthly repor… carl · Umbra     2 j
             #1039 proposé  Critique Mail server down for the whole of… dora · Umbra  3 sem.
             #1038 fermé             Password reset link expired        carl · Umbra    1 an
















             Vous avez pris la demande de rappel du ticket #1042
            """)
    }
}
