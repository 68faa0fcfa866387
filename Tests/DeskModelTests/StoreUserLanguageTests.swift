import Foundation
import XCTest

@testable import DeskModel

/// Each user's language, kept in the desk (`user add|set --language`), on every backend.
final class StoreUserLanguageTests: StoreTestCase {
    func testAddingAUserWithALanguageStoresItWithTheUser() throws {
        let added = try store.addUser(NewUser(
            handle: "camille", name: "Camille Lefèvre", email: "", role: .customer, organisationName: f.proCo.name, language: .french))
        XCTAssertEqual(try store.userLanguages(), [added.id: .french])
        // It is the user's own setting, as the client reads it at start.
        XCTAssertEqual(try store.userSettings(viewer: store.viewer(handle: "camille")), UserSettings(language: "fr"))
        // A user added without one has none.
        let other = try store.addUser(NewUser(handle: "dora", name: "Dora", email: "", role: .agent))
        XCTAssertNil(try store.userLanguages()[other.id])
    }

    func testSettingAndClearingALanguageKeepsTheOtherSettings() throws {
        try store.saveUserSettings(UserSettings(view: "mine", sort: .triage), viewer: f.peter)
        try store.setUserLanguage(.japanese, handle: f.peter.user.handle)
        try store.setUserLanguage(.brazilianPortuguese, handle: f.alice.user.handle)
        XCTAssertEqual(try store.userLanguages(), [f.peter.id: .japanese, f.alice.id: .brazilianPortuguese])
        XCTAssertEqual(try store.userSettings(viewer: f.peter), UserSettings(view: "mine", sort: .triage, language: "ja"))

        try store.setUserLanguage(.german, handle: f.peter.user.handle)
        XCTAssertEqual(try store.userSettings(viewer: f.peter).language, "de")
        try store.setUserLanguage(nil, handle: f.peter.user.handle)
        XCTAssertEqual(try store.userSettings(viewer: f.peter), UserSettings(view: "mine", sort: .triage))
        XCTAssertEqual(try store.userLanguages(), [f.alice.id: .brazilianPortuguese])
        // Clearing what was never set is no error.
        try store.setUserLanguage(nil, handle: f.peter.user.handle)
    }

    func testAnUnknownHandleWritesNothing() throws {
        XCTAssertDeskError(try store.setUserLanguage(.french, handle: "nobody"), .userNotFound(handle: "nobody"))
        XCTAssertEqual(try store.userLanguages(), [:])
    }

    func testTheClientsLanguageChoiceIsReadByTheNextSession() throws {
        // `:language it` saves only the language through the client's effect.
        let runtime = DeskRuntime(store: store, viewer: f.pia, clock: f.clock.deskClock)
        XCTAssertEqual(runtime.perform(.saveUserSettings(UserSettings(language: "it"))), [])
        let stored = try store.userSettings(viewer: f.pia)
        XCTAssertEqual(LanguageChoice.language(option: nil, stored: LanguageChoice.stored(stored), environment: ["LANG": "de_DE.UTF-8"]), .italian)
        XCTAssertEqual(try store.userLanguages()[f.pia.id], .italian)
    }
}
