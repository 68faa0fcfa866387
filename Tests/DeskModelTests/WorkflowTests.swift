import XCTest

@testable import DeskModel

/// The ticket workflow (DESIGN.md section 2) checked against a transition table written out by
/// hand here, one row per (status, action) and one column per side.
final class WorkflowTests: XCTestCase {
    /// What each side gets from each action in each status; nil means refused.
    private struct Row {
        let status: TicketStatus
        let action: WorkflowAction
        let desk: TicketStatus?
        let requester: TicketStatus?
        let system: TicketStatus?
    }

    private static let expectedTable: [Row] = [
        // new: any agent action means the ticket has been looked at.
        Row(status: .new, action: .take, desk: .open, requester: nil, system: nil),
        Row(status: .new, action: .reply, desk: .open, requester: .new, system: nil),
        Row(status: .new, action: .askCustomer, desk: .awaitingCustomer, requester: nil, system: nil),
        Row(status: .new, action: .proposeSolution, desk: .pending, requester: nil, system: nil),
        Row(status: .new, action: .close, desk: .closed, requester: .closed, system: nil),
        Row(status: .new, action: .autoClose, desk: nil, requester: nil, system: nil),

        // open
        Row(status: .open, action: .take, desk: .open, requester: nil, system: nil),
        Row(status: .open, action: .reply, desk: .open, requester: .open, system: nil),
        Row(status: .open, action: .askCustomer, desk: .awaitingCustomer, requester: nil, system: nil),
        Row(status: .open, action: .proposeSolution, desk: .pending, requester: nil, system: nil),
        Row(status: .open, action: .close, desk: .closed, requester: .closed, system: nil),
        Row(status: .open, action: .autoClose, desk: nil, requester: nil, system: nil),

        // awaitingCustomer: a requester-side reply moves it back to open; an agent's does not.
        Row(status: .awaitingCustomer, action: .take, desk: .open, requester: nil, system: nil),
        Row(status: .awaitingCustomer, action: .reply, desk: .awaitingCustomer, requester: .open, system: nil),
        Row(status: .awaitingCustomer, action: .askCustomer, desk: .awaitingCustomer, requester: nil, system: nil),
        Row(status: .awaitingCustomer, action: .proposeSolution, desk: .pending, requester: nil, system: nil),
        Row(status: .awaitingCustomer, action: .close, desk: .closed, requester: .closed, system: nil),
        Row(status: .awaitingCustomer, action: .autoClose, desk: nil, requester: nil, system: nil),

        // pending: the only status the desk closes by itself.
        Row(status: .pending, action: .take, desk: .open, requester: nil, system: nil),
        Row(status: .pending, action: .reply, desk: .pending, requester: .open, system: nil),
        Row(status: .pending, action: .askCustomer, desk: .awaitingCustomer, requester: nil, system: nil),
        Row(status: .pending, action: .proposeSolution, desk: .pending, requester: nil, system: nil),
        Row(status: .pending, action: .close, desk: .closed, requester: .closed, system: nil),
        Row(status: .pending, action: .autoClose, desk: nil, requester: nil, system: .closed),

        // closed is final, for everyone.
        Row(status: .closed, action: .take, desk: nil, requester: nil, system: nil),
        Row(status: .closed, action: .reply, desk: nil, requester: nil, system: nil),
        Row(status: .closed, action: .askCustomer, desk: nil, requester: nil, system: nil),
        Row(status: .closed, action: .proposeSolution, desk: nil, requester: nil, system: nil),
        Row(status: .closed, action: .close, desk: nil, requester: nil, system: nil),
        Row(status: .closed, action: .autoClose, desk: nil, requester: nil, system: nil),
    ]

    /// Every (status, action, side) triple with its expected outcome.
    private static var expectedTriples: [(TicketStatus, WorkflowAction, ActorSide, TicketStatus?)] {
        expectedTable.flatMap { row in
            [
                (row.status, row.action, ActorSide.desk, row.desk),
                (row.status, row.action, ActorSide.requester, row.requester),
                (row.status, row.action, ActorSide.system, row.system),
            ]
        }
    }

    // MARK: - The vocabulary the table is written in

    func testTheVocabularyIsTheOneTheTableCovers() {
        XCTAssertEqual(TicketStatus.allCases, [.new, .open, .awaitingCustomer, .pending, .closed])
        XCTAssertEqual(WorkflowAction.allCases, [.take, .reply, .askCustomer, .proposeSolution, .close, .autoClose])
        XCTAssertEqual(ActorSide.allCases, [.desk, .requester, .system])
    }

    func testTheExpectedTableHasExactlyOneRowPerStatusAndAction() {
        XCTAssertEqual(Self.expectedTable.count, 30)
        for status in TicketStatus.allCases {
            for action in WorkflowAction.allCases {
                let rows = Self.expectedTable.filter { $0.status == status && $0.action == action }
                XCTAssertEqual(rows.count, 1, "rows for (\(status), \(action))")
            }
        }
        XCTAssertEqual(Self.expectedTriples.count, 90)
    }

    // MARK: - next(from:action:side:)

    func testEveryTripleMatchesTheExpectedTable() {
        for (status, action, side, expected) in Self.expectedTriples {
            XCTAssertEqual(
                Workflow.next(from: status, action: action, side: side), expected,
                "next(from: .\(status), action: .\(action), side: .\(side))")
        }
    }

    func testTheTableAllowsExactlyTwentyNineTriples() {
        let allowed = Self.expectedTriples.filter { status, action, side, _ in
            Workflow.next(from: status, action: action, side: side) != nil
        }
        // desk: 4 statuses x 5 actions; requester: 4 statuses x (reply, close); system: pending autoClose.
        XCTAssertEqual(allowed.count, 20 + 8 + 1)
    }

    func testClosedIsFinalForEveryActionAndSide() {
        for action in WorkflowAction.allCases {
            for side in ActorSide.allCases {
                XCTAssertNil(Workflow.next(from: .closed, action: action, side: side), "\(action) by \(side)")
            }
        }
    }

    func testRequesterReplyReopensOnlyTicketsWaitingOnTheRequester() {
        XCTAssertEqual(Workflow.next(from: .awaitingCustomer, action: .reply, side: .requester), .open)
        XCTAssertEqual(Workflow.next(from: .pending, action: .reply, side: .requester), .open)
        XCTAssertEqual(Workflow.next(from: .new, action: .reply, side: .requester), .new)
        XCTAssertEqual(Workflow.next(from: .open, action: .reply, side: .requester), .open)
    }

    func testSystemMayOnlyAutoClosePendingTickets() {
        for status in TicketStatus.allCases {
            for action in WorkflowAction.allCases {
                let expected: TicketStatus? = (status == .pending && action == .autoClose) ? .closed : nil
                XCTAssertEqual(Workflow.next(from: status, action: action, side: .system), expected,
                               "\(action) on \(status) by the system")
            }
        }
    }

    // MARK: - apply

    func testApplyReturnsTheNextStatusOrThrowsTheRightError() {
        let number: Int64 = 1042
        for (status, action, side, expected) in Self.expectedTriples {
            let label = "apply(.\(action), to: .\(status), side: .\(side))"
            do {
                let result = try Workflow.apply(action, to: status, side: side, ticketNumber: number)
                XCTAssertEqual(result, expected, label)
                XCTAssertNotNil(expected, "\(label) should have thrown")
            } catch {
                XCTAssertNil(expected, "\(label) threw \(error)")
                if status == .closed {
                    XCTAssertEqual(error, .ticketClosed(number: number), label)
                } else {
                    XCTAssertEqual(error, .transitionRefused(number: number, action: action, from: status), label)
                }
            }
        }
    }

    func testApplyOnAClosedTicketSaysToOpenAFollowUp() {
        XCTAssertThrowsError(try Workflow.apply(.reply, to: .closed, side: .requester, ticketNumber: 1042)) { error in
            XCTAssertEqual(error as? DeskError, .ticketClosed(number: 1042))
            XCTAssertEqual((error as? DeskError)?.message, "Ticket #1042 is closed; open a follow-up instead")
            XCTAssertEqual("\(error)", "Ticket #1042 is closed; open a follow-up instead")
        }
    }

    func testApplyRefusalMessagesReadAsSentences() {
        let cases: [(WorkflowAction, TicketStatus, ActorSide, Int64, String)] = [
            (.autoClose, .open, .system, 1042, "Cannot auto-close ticket #1042: it is open"),
            (.autoClose, .awaitingCustomer, .system, 7, "Cannot auto-close ticket #7: it is awaiting customer"),
            (.autoClose, .new, .system, 12, "Cannot auto-close ticket #12: it is new"),
            (.take, .pending, .requester, 3, "Cannot take ticket #3: it is pending"),
            (.reply, .pending, .system, 99, "Cannot reply to ticket #99: it is pending"),
            (.askCustomer, .open, .requester, 5, "Cannot ask the customer on ticket #5: it is open"),
            (.proposeSolution, .new, .requester, 6, "Cannot propose a solution on ticket #6: it is new"),
            (.close, .open, .system, 8, "Cannot close ticket #8: it is open"),
        ]
        for (action, status, side, number, message) in cases {
            XCTAssertThrowsError(try Workflow.apply(action, to: status, side: side, ticketNumber: number)) { error in
                XCTAssertEqual(error as? DeskError, .transitionRefused(number: number, action: action, from: status))
                XCTAssertEqual((error as? DeskError)?.message, message)
            }
        }
    }

    func testEveryRefusalMessageNamesTheVerbTheTicketAndTheStatus() {
        let verbs: [WorkflowAction: String] = [
            .take: "take", .reply: "reply to", .askCustomer: "ask the customer on",
            .proposeSolution: "propose a solution on", .close: "close", .autoClose: "auto-close",
        ]
        let states: [TicketStatus: String] = [
            .new: "new", .open: "open", .awaitingCustomer: "awaiting customer", .pending: "pending",
        ]
        var refusals = 0
        for (status, action, side, expected) in Self.expectedTriples where expected == nil && status != .closed {
            let error = DeskError.transitionRefused(number: 31, action: action, from: status)
            XCTAssertEqual(error.message, "Cannot \(verbs[action]!) ticket #31: it is \(states[status]!)",
                           "\(action) on \(status) by \(side)")
            refusals += 1
        }
        XCTAssertEqual(refusals, 4 * 18 - 29)
    }

    // MARK: - action(reaching:) and reachableStatuses

    func testActionReachingEachStatus() {
        XCTAssertNil(Workflow.action(reaching: .new))
        XCTAssertEqual(Workflow.action(reaching: .open), .take)
        XCTAssertEqual(Workflow.action(reaching: .awaitingCustomer), .askCustomer)
        XCTAssertEqual(Workflow.action(reaching: .pending), .proposeSolution)
        XCTAssertEqual(Workflow.action(reaching: .closed), .close)
    }

    func testReachableStatusesForTheDesk() {
        XCTAssertEqual(Workflow.reachableStatuses(from: .new, side: .desk), [.open, .awaitingCustomer, .pending, .closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .open, side: .desk), [.awaitingCustomer, .pending, .closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .awaitingCustomer, side: .desk), [.open, .pending, .closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .pending, side: .desk), [.open, .awaitingCustomer, .closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .closed, side: .desk), [])
    }

    func testReachableStatusesForTheRequesterIsOnlyClosing() {
        XCTAssertEqual(Workflow.reachableStatuses(from: .new, side: .requester), [.closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .open, side: .requester), [.closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .awaitingCustomer, side: .requester), [.closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .pending, side: .requester), [.closed])
        XCTAssertEqual(Workflow.reachableStatuses(from: .closed, side: .requester), [])
    }

    func testNothingIsReachableForTheSystemThroughTheMenu() {
        for status in TicketStatus.allCases {
            XCTAssertEqual(Workflow.reachableStatuses(from: status, side: .system), [], "from \(status)")
        }
    }

    // MARK: - Labels and verbs

    func testStatusLabelsForCustomersFollowTheDesignTable() {
        XCTAssertEqual(TicketStatus.new.label(for: .customer), "Open")
        XCTAssertEqual(TicketStatus.open.label(for: .customer), "Open")
        XCTAssertEqual(TicketStatus.awaitingCustomer.label(for: .customer), "Action required from you")
        XCTAssertEqual(TicketStatus.pending.label(for: .customer), "Solution proposed")
        XCTAssertEqual(TicketStatus.closed.label(for: .customer), "Closed")
    }

    func testStatusLabelsForStaff() {
        for role in [Role.agent, .admin] {
            XCTAssertEqual(TicketStatus.allCases.map { $0.label(for: role) },
                           ["New", "Open", "Awaiting customer", "Pending", "Closed"], "\(role)")
        }
    }

    func testOnlyClosedIsClosed() {
        XCTAssertEqual(TicketStatus.allCases.filter(\.isClosed), [.closed])
    }

    func testLenientParsingOfStatuses() {
        XCTAssertEqual(TicketStatus(lenient: "awaiting-customer"), .awaitingCustomer)
        XCTAssertEqual(TicketStatus(lenient: "Awaiting_Customer"), .awaitingCustomer)
        XCTAssertEqual(TicketStatus(lenient: "PENDING"), .pending)
        XCTAssertNil(TicketStatus(lenient: "resolved"))
        XCTAssertEqual(TicketStatus.spellings, "new, open, awaitingCustomer, pending, closed")
    }
}
