import Foundation
import XCTest

@testable import DeskModel

/// An agent's call-back keys and `:callback`: taking the selected ticket's request and
/// recording its outcome go to the desk's call-back functions; customers are refused.
final class ReducerCallbackTests: XCTestCase {
    private typealias F = ReducerFixtures

    func testTakingTheSelectedTicketsRequestAsksTheDeskAndChangesNothingYet() {
        let store = ReducerTestStore(state: F.loaded(1...5, selected: 3))
        store.send(.callback(.takeRequested))
        store.expectEffects([.callback(.take(number: 3))])
    }

    func testTheCommandLineRecordsEachOutcomeAndRefusesAnUnknownOne() {
        let store = ReducerTestStore(state: F.loaded(1...5, selected: 2))
        var history: [String] = []
        let lines: [(String, CallbackReport)] = [
            ("callback reached", CallbackReport(outcome: .reached)),
            ("callback no-answer", CallbackReport(outcome: .noAnswer)),
            ("callback rescheduled 09:00-10:00 Asia/Tokyo", CallbackReport(outcome: .rescheduled, window: "09:00-10:00", timeZone: "Asia/Tokyo")),
        ]
        for (line, report) in lines {
            store.send(.commandLineStarted(prefill: line)) { $0.commandLine = CommandLineState(text: line) }
            store.expectEffects([.loadAgentHandles])
            history.append(line)
            store.send(.commandLineSubmitted) {
                $0.commandLine = nil
                $0.commandHistory = history
            }
            store.expectEffects([.callback(.record(number: 2, report))])
        }
        store.send(.commandLineStarted(prefill: "callback take")) { $0.commandLine = CommandLineState(text: "callback take") }
        store.expectEffects([.loadAgentHandles])
        history.append("callback take")
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = history
        }
        store.expectEffects([.callback(.take(number: 2))])
        // The desk alone ends a request with its ticket.
        store.send(.commandLineStarted(prefill: "callback closed-with-ticket")) { $0.commandLine = CommandLineState(text: "callback closed-with-ticket") }
        store.expectEffects([.loadAgentHandles])
        history.append("callback closed-with-ticket")
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = history
            $0.message = StatusMessage(.error, CommandLineNotices.needs("callback", CallbackNotices.needsOutcome))
        }
        store.expectNoEffects()
    }

    func testCustomersAreRefusedTheAgentsCallBackActions() {
        let store = ReducerTestStore(state: F.loaded(1...5, viewer: F.customer))
        store.send(.callback(.takeRequested)) {
            $0.message = StatusMessage(.error, DeskError.notAllowedPhrase(CallbackNotices.onlyAgents))
        }
        store.expectNoEffects()
        store.send(.callback(.outcomeRequested(CallbackReport(outcome: .reached)))) {
            $0.message = StatusMessage(.error, DeskError.notAllowedPhrase(CallbackNotices.onlyAgents))
        }
        store.expectNoEffects()
    }
}

/// A customer's C key on plans without call-backs says why not; `:callback request` typed on
/// the command line goes to the desk's request (the form: `ReducerCallbackFormTests`).
final class ReducerCallbackRequestTests: XCTestCase {
    private typealias F = ReducerFixtures

    func testACustomerWithoutCallBacksInTheirPlanIsToldWhy() {
        let store = ReducerTestStore(state: F.loaded(1...5, viewer: F.customer))
        store.send(.callback(.requestStarted)) { $0.message = StatusMessage(.error, CallbackNotices.notInPlan) }
        store.expectNoEffects()
        XCTAssertEqual(CallbackNotices.notInPlan.text(in: .french),
                       "Les rappels sont réservés aux forfaits business et enterprise")
    }

    func testABusinessCustomerFilesARequestThroughTheCommandLine() {
        var customer = F.customer
        customer.plan = .business
        let store = ReducerTestStore(state: F.loaded(1...5, selected: 4, viewer: customer))
        store.send(.commandLineStarted(prefill: "callback request ")) { $0.commandLine = CommandLineState(text: "callback request ") }
        store.expectEffects([])
        let line = "callback request 14:00-16:00 Europe/Paris +33 1 23 45 67 89"
        for character in "14:00-16:00 Europe/Paris +33 1 23 45 67 89" {
            store.send(.commandLineInput(.insert(String(character)))) { $0.commandLine!.text.append(character) }
        }
        store.send(.commandLineSubmitted) {
            $0.commandLine = nil
            $0.commandHistory = [line]
        }
        store.expectEffects([.callback(.request(
            number: 4, CallbackAsk(phone: "+33 1 23 45 67 89", window: "14:00-16:00", timeZone: "Europe/Paris")))])
    }

    func testAgentsAreRefusedTheCustomersKey() {
        let store = ReducerTestStore(state: F.loaded(1...5))
        store.send(.callback(.requestStarted)) {
            $0.message = StatusMessage(.error, DeskError.notAllowedPhrase(CallbackNotices.onlyCustomers))
        }
        store.expectNoEffects()
    }
}
