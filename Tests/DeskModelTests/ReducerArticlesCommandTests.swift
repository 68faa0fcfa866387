import Foundation
import XCTest

@testable import DeskModel

/// `:articles` opens the Articles screen as the `K` key does, for customers and agents, and
/// completes from its first letters.
final class ReducerArticlesCommandTests: XCTestCase {
    private typealias F = ReducerFixtures

    func testArticlesCommandOpensTheArticlesScreenAndSearchesEverything() {
        var state = F.loaded(1...14, viewer: F.customer)
        state.commandHistory = []
        let store = ReducerTestStore(state: state)
        store.send(.commandLineStarted(prefill: "art")) { $0.commandLine = CommandLineState(text: "art") }
        store.send(.commandLineCompleted(forward: true)) { $0.commandLine!.text = "articles" }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = ["articles"]
            $0.articles = ArticlesState(purpose: .browse)
        }
        store.expectEffects([.article(.search(query: "", language: .english))])
    }

    func testAgentsHaveItToo() {
        XCTAssertEqual(CommandLineTable.run("articles", state: F.state()), .actions([.article(.screenOpened)]))
        XCTAssertEqual(CommandLineTable.run("ar", state: F.state()), .actions([.article(.screenOpened)]))
    }
}
