import Foundation
import XCTest

@testable import DeskModel

/// `:language TAG` switches the language the screens speak and keeps it as the user's.
final class ReducerLanguageTests: XCTestCase {
    private typealias F = ReducerFixtures

    private func typed(_ store: ReducerTestStore, _ text: String) {
        for character in text {
            store.send(.commandLineInput(.insert(String(character)))) { $0.commandLine!.text.append(character) }
        }
    }

    func testLanguageCommandSwitchesTheScreensAndStoresTheChoice() {
        let store = ReducerTestStore(state: F.loaded(1...14))
        store.send(.commandLineStarted(prefill: "")) { $0.commandLine = CommandLineState() }
        store.expectEffects([.loadAgentHandles])
        // The command, then its argument, complete from the tags we have.
        typed(store, "lang")
        store.send(.commandLineCompleted(forward: true)) { $0.commandLine!.text = "language " }
        typed(store, "p")
        store.send(.commandLineCompleted(forward: true)) { $0.commandLine!.text = "language pt-BR" }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["language pt-BR"]
            $0.language = .brazilianPortuguese
            $0.message = StatusMessage(.info, .verbatim("Português (Brasil)"))
        }
        // Only the language is written: the view, sort and order stored stay as they are.
        store.expectEffects([.saveUserSettings(UserSettings(language: "pt-BR"))])
    }

    func testLocaleSpellingsAreTakenAndOtherWordsRefused() {
        let store = ReducerTestStore(state: F.loaded(1...14, viewer: F.customer))
        // Customers switch too (no handles to load for them).
        store.send(.commandLineStarted(prefill: "language ja_JP.UTF-8")) { $0.commandLine = CommandLineState(text: "language ja_JP.UTF-8") }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["language ja_JP.UTF-8"]
            $0.language = .japanese
            $0.message = StatusMessage(.info, .verbatim("日本語"))
        }
        store.expectEffects([.saveUserSettings(UserSettings(language: "ja"))])
        store.send(.commandLineStarted(prefill: "language klingon")) { $0.commandLine = CommandLineState(text: "language klingon") }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory.append("language klingon")
            $0.message = StatusMessage(.error, CommandLineNotices.unknownLanguage("klingon", accepted: "en, fr, it, de, es, ja, pt-BR"))
        }
        store.send(.commandLineStarted(prefill: "language")) { $0.commandLine = CommandLineState(text: "language") }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory.append("language")
            $0.message = StatusMessage(.error, CommandLineNotices.needs("language", CommandLineNotices.needsLanguage("en, fr, it, de, es, ja, pt-BR")))
        }
    }

    func testTheLanguageRefusalsReadInEnglishAndFrench() {
        XCTAssertEqual(CommandLineNotices.unknownLanguage("klingon", accepted: Language.tags).text(in: .english),
                       "unknown language 'klingon' (languages: en, fr, it, de, es, ja, pt-BR)")
        XCTAssertEqual(CommandLineNotices.needs("language", CommandLineNotices.needsLanguage(Language.tags)).text(in: .french),
                       ":language attend une langue : en, fr, it, de, es, ja, pt-BR")
    }

    func testTheStoredLanguageIsOnlyTheLanguage() throws {
        let state = F.loaded(1...3)
        var changed = state
        let effects = DeskReducer.reduce(into: &changed, .languageChosen(.german))
        XCTAssertEqual(effects, [.saveUserSettings(UserSettings(language: "de"))])
        // Choosing a language is no change of view or sort, so nothing else is saved.
        XCTAssertEqual(changed.userSettings, state.userSettings)
    }
}
