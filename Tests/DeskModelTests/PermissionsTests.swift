import Foundation
import XCTest

@testable import DeskModel

/// Who may do what: staff, a requester, a colleague with own access, the organisation's support
/// contact, a contact of another organisation, and a customer with no organisation.
final class PermissionsTests: XCTestCase {
    // Organisation 100 is Acme, 200 is Globex.
    private let agent = User(id: 1, handle: "agent", name: "Agent", email: "agent@desk.test", role: .agent)
    private let admin = User(id: 2, handle: "admin", name: "Admin", email: "admin@desk.test", role: .admin)
    /// Requester of the Acme ticket; own access.
    private let alice = User(id: 10, handle: "alice", name: "Alice", email: "alice@acme.test", role: .customer,
                             organisationID: 100, caseAccess: .own)
    /// Acme's support contact.
    private let bob = User(id: 11, handle: "bob", name: "Bob", email: "bob@acme.test", role: .customer,
                           organisationID: 100, caseAccess: .organisation)
    /// Globex's support contact.
    private let carol = User(id: 12, handle: "carol", name: "Carol", email: "carol@globex.test", role: .customer,
                             organisationID: 200, caseAccess: .organisation)
    /// Acme colleague with own access only.
    private let dave = User(id: 13, handle: "dave", name: "Dave", email: "dave@acme.test", role: .customer,
                            organisationID: 100, caseAccess: .own)
    /// A customer with organisation access but no organisation.
    private let eve = User(id: 14, handle: "eve", name: "Eve", email: "eve@example.test", role: .customer,
                           organisationID: nil, caseAccess: .organisation)

    private func viewer(_ user: User) -> Viewer { Viewer(user: user, plan: user.role.isStaff ? nil : .pro) }

    private func ticket(requester: UserID, organisation: OrganisationID?, status: TicketStatus = .open) -> Ticket {
        Ticket(id: 1, number: 1042, subject: "Printer offline", description: "It stopped.", kind: .incident,
               status: status, requesterID: requester, organisationID: organisation,
               createdAt: Date(timeIntervalSince1970: 1_700_000_000),
               updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    private var acmeTicket: Ticket { ticket(requester: alice.id, organisation: 100) }
    /// Requested by Eve, who has no organisation.
    private var orphanTicket: Ticket { ticket(requester: eve.id, organisation: nil) }

    // MARK: - Side

    func testSideOfEachRole() {
        XCTAssertEqual(Permissions.side(of: viewer(agent)), .desk)
        XCTAssertEqual(Permissions.side(of: viewer(admin)), .desk)
        XCTAssertEqual(Permissions.side(of: viewer(alice)), .requester)
        XCTAssertEqual(Permissions.side(of: viewer(bob)), .requester)
    }

    func testRoleIsStaff() {
        XCTAssertEqual(Role.allCases.filter(\.isStaff), [.agent, .admin])
    }

    // MARK: - canSee

    func testStaffSeeEveryTicket() {
        for user in [agent, admin] {
            XCTAssertTrue(Permissions.canSee(viewer(user), ticket: acmeTicket, isWatcher: false), user.handle)
            XCTAssertTrue(Permissions.canSee(viewer(user), ticket: orphanTicket, isWatcher: false), user.handle)
            XCTAssertTrue(Permissions.canSee(viewer(user), ticket: ticket(requester: 99, organisation: 200),
                                             isWatcher: false), user.handle)
        }
    }

    func testRequesterSeesTheirOwnTicket() {
        XCTAssertTrue(Permissions.canSee(viewer(alice), ticket: acmeTicket, isWatcher: false))
        XCTAssertTrue(Permissions.canSee(viewer(eve), ticket: orphanTicket, isWatcher: false))
    }

    func testOwnAccessColleagueDoesNotSeeAnotherMembersTicket() {
        XCTAssertFalse(Permissions.canSee(viewer(dave), ticket: acmeTicket, isWatcher: false))
    }

    func testWatcherSeesTheTicket() {
        XCTAssertTrue(Permissions.canSee(viewer(dave), ticket: acmeTicket, isWatcher: true))
    }

    func testOrganisationContactSeesEveryTicketOfTheirOrganisation() {
        XCTAssertTrue(Permissions.canSee(viewer(bob), ticket: acmeTicket, isWatcher: false))
        XCTAssertTrue(Permissions.canSee(viewer(bob), ticket: ticket(requester: dave.id, organisation: 100),
                                         isWatcher: false))
    }

    func testOrganisationContactNeverSeesAnotherOrganisationsTicket() {
        XCTAssertFalse(Permissions.canSee(viewer(carol), ticket: acmeTicket, isWatcher: false))
        XCTAssertFalse(Permissions.canSee(viewer(bob), ticket: ticket(requester: carol.id, organisation: 200),
                                          isWatcher: false))
    }

    func testOrganisationContactDoesNotSeeTicketsWithoutOrganisation() {
        XCTAssertFalse(Permissions.canSee(viewer(bob), ticket: orphanTicket, isWatcher: false))
    }

    func testOrganisationAccessWithoutOrganisationSeesNoOrganisationlessTicket() {
        // nil must not match nil: Eve does not see another organisation-less customer's ticket.
        let other = ticket(requester: 99, organisation: nil)
        XCTAssertFalse(Permissions.canSee(viewer(eve), ticket: other, isWatcher: false))
        XCTAssertFalse(Permissions.canSee(viewer(eve), ticket: acmeTicket, isWatcher: false))
    }

    // MARK: - canSeeMessage

    func testInternalNotesAreHiddenFromCustomersOnly() {
        let expected: [(User, MessageKind, Bool)] = [
            (agent, .reply, true), (agent, .internalNote, true), (agent, .systemEvent, true),
            (admin, .reply, true), (admin, .internalNote, true), (admin, .systemEvent, true),
            (alice, .reply, true), (alice, .internalNote, false), (alice, .systemEvent, true),
            (bob, .reply, true), (bob, .internalNote, false), (bob, .systemEvent, true),
        ]
        for (user, kind, visible) in expected {
            let message = Message(id: 5, ticketID: 1, kind: kind, authorID: agent.id, body: "x",
                                  createdAt: Date(timeIntervalSince1970: 0))
            XCTAssertEqual(Permissions.canSeeMessage(viewer(user), message), visible, "\(user.handle) / \(kind)")
        }
    }

    func testInternalNoteByTheCustomerThemselvesIsStillHidden() {
        let message = Message(id: 6, ticketID: 1, kind: .internalNote, authorID: alice.id, body: "x",
                              createdAt: Date(timeIntervalSince1970: 0))
        XCTAssertFalse(Permissions.canSeeMessage(viewer(alice), message))
    }

    func testStaffOnlyCapabilities() {
        for (user, staff) in [(agent, true), (admin, true), (alice, false), (bob, false), (eve, false)] {
            XCTAssertEqual(Permissions.canAddInternalNote(viewer(user)), staff, user.handle)
            XCTAssertEqual(Permissions.canAssign(viewer(user)), staff, user.handle)
            XCTAssertEqual(Permissions.canBeAssignee(user), staff, user.handle)
        }
    }

    // MARK: - canApply

    func testCanApplyForEveryActionAndViewer() {
        // Rows: the Acme ticket requested by Alice. Columns follow WorkflowAction.allCases:
        // take, reply, askCustomer, proposeSolution, close, autoClose.
        let expected: [(User, [Bool])] = [
            (agent, [true, true, true, true, true, false]),
            (admin, [true, true, true, true, true, false]),
            (alice, [false, true, false, false, true, false]),  // requester
            (bob, [false, true, false, false, true, false]),    // Acme's support contact
            (dave, [false, true, false, false, false, false]),  // Acme colleague, own access
            (carol, [false, true, false, false, false, false]), // Globex's support contact
            (eve, [false, true, false, false, false, false]),   // organisation access, no organisation
        ]
        XCTAssertEqual(WorkflowAction.allCases, [.take, .reply, .askCustomer, .proposeSolution, .close, .autoClose])
        for (user, allowed) in expected {
            let actual = WorkflowAction.allCases.map {
                Permissions.canApply($0, viewer: viewer(user), ticket: acmeTicket)
            }
            XCTAssertEqual(actual, allowed, user.handle)
        }
    }

    func testCustomerCloseOfOwnTicketVersusOrganisationContactVersusOther() {
        XCTAssertTrue(Permissions.canApply(.close, viewer: viewer(alice), ticket: acmeTicket))
        XCTAssertTrue(Permissions.canApply(.close, viewer: viewer(bob), ticket: acmeTicket))
        XCTAssertFalse(Permissions.canApply(.close, viewer: viewer(dave), ticket: acmeTicket))
        XCTAssertFalse(Permissions.canApply(.close, viewer: viewer(carol), ticket: acmeTicket))
        // Bob is no contact of Globex.
        XCTAssertFalse(Permissions.canApply(.close, viewer: viewer(bob),
                                            ticket: ticket(requester: carol.id, organisation: 200)))
    }

    func testOrganisationContactWithoutOrganisationCannotCloseOrganisationlessTickets() {
        XCTAssertFalse(Permissions.canApply(.close, viewer: viewer(eve), ticket: ticket(requester: 99, organisation: nil)))
        XCTAssertTrue(Permissions.canApply(.close, viewer: viewer(eve), ticket: orphanTicket))
    }

    func testNobodyAppliesAutoClose() {
        for user in [agent, admin, alice, bob, carol, dave, eve] {
            let pending = ticket(requester: alice.id, organisation: 100, status: .pending)
            XCTAssertFalse(Permissions.canApply(.autoClose, viewer: viewer(user), ticket: pending), user.handle)
        }
    }

    // MARK: - Watchers

    func testCanWatchAcrossOrganisations() {
        let expected: [(User, Bool)] = [
            (agent, true), (admin, true),
            (alice, true),  // requester
            (bob, true),    // same organisation
            (dave, true),   // same organisation, own access
            (carol, false), // another organisation
            (eve, false),   // no organisation
        ]
        for (user, allowed) in expected {
            XCTAssertEqual(Permissions.canWatch(user, ticket: acmeTicket), allowed, user.handle)
        }
    }

    func testWatchingAnOrganisationlessTicket() {
        let other = ticket(requester: 99, organisation: nil)
        XCTAssertFalse(Permissions.canWatch(eve, ticket: other), "nil organisation must not match nil")
        XCTAssertFalse(Permissions.canWatch(alice, ticket: other))
        XCTAssertTrue(Permissions.canWatch(eve, ticket: orphanTicket), "requester")
        XCTAssertTrue(Permissions.canWatch(agent, ticket: other))
    }

    func testCanManageWatcher() {
        XCTAssertTrue(Permissions.canManageWatcher(viewer(agent), watcher: alice))
        XCTAssertTrue(Permissions.canManageWatcher(viewer(admin), watcher: carol))
        XCTAssertTrue(Permissions.canManageWatcher(viewer(agent), watcher: admin))
        XCTAssertTrue(Permissions.canManageWatcher(viewer(alice), watcher: alice))
        XCTAssertFalse(Permissions.canManageWatcher(viewer(alice), watcher: dave))
        XCTAssertFalse(Permissions.canManageWatcher(viewer(bob), watcher: alice), "even the organisation contact")
        XCTAssertFalse(Permissions.canManageWatcher(viewer(alice), watcher: agent))
    }

    // MARK: - Opening tickets

    func testCanOpenTicket() {
        XCTAssertTrue(Permissions.canOpenTicket(viewer(agent), forRequester: alice))
        XCTAssertTrue(Permissions.canOpenTicket(viewer(admin), forRequester: carol))
        XCTAssertTrue(Permissions.canOpenTicket(viewer(alice), forRequester: alice))
        XCTAssertFalse(Permissions.canOpenTicket(viewer(alice), forRequester: dave))
        XCTAssertFalse(Permissions.canOpenTicket(viewer(bob), forRequester: alice), "even the organisation contact")
        XCTAssertFalse(Permissions.canOpenTicket(viewer(carol), forRequester: alice))
    }

    func testKindAllowedByPlan() {
        // Columns follow TicketKind.allCases: incident, serviceRequest, question.
        XCTAssertEqual(TicketKind.allCases, [.incident, .serviceRequest, .question])
        let expected: [(Plan?, [Bool])] = [
            (.free, [false, true, true]),
            (.trial, [true, true, true]),
            (.pro, [true, true, true]),
            (.business, [true, true, true]),
            (.enterprise, [true, true, true]),
            (nil, [true, true, true]),  // staff, or a customer without organisation
        ]
        XCTAssertEqual(expected.count, Plan.allCases.count + 1)
        for (plan, allowed) in expected {
            XCTAssertEqual(TicketKind.allCases.map { Permissions.kindAllowed($0, plan: plan) }, allowed,
                           "\(String(describing: plan))")
        }
    }

    func testFreePlanRefusalMessage() {
        XCTAssertEqual(DeskError.incidentNotInPlan(organisation: "Acme").message,
                       "Acme is on the free plan, which does not include incident tickets; open a question instead")
    }
}
