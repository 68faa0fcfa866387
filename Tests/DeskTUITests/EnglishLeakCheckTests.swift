import DeskModel
import XCTest

@testable import DeskTUI

/// The English-on-a-translated-screen check itself: silent on the real French screens, and
/// loud when the same screens are drawn in English but checked as French.
final class EnglishLeakCheckTests: XCTestCase {
    func testTheCheckIsSilentOnFrenchScreensAndFindsEnglishOnes() {
        var checked = 0
        for (name, french) in TranslatedScreens(.french).allStates(Fixture.size80) {
            XCTAssertEqual(EnglishLeak.find(in: DeskTUI.Renderer.render(french, size: Fixture.size80), state: french), [], name)
            var english = french
            english.language = .english
            let leaks = EnglishLeak.find(in: DeskTUI.Renderer.render(english, size: Fixture.size80), state: french)
            XCTAssertFalse(leaks.isEmpty, "\(name): the English screen passed as French")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 5)
    }
}
