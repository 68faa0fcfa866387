@testable import DeskModel
import XCTest

/// History events read per viewer and language; the stored text stays the staff's English.
final class EventWordingTests: XCTestCase {
    let proposed = SystemEvent.statusChanged(from: .open, to: .pending, actor: "alice")

    func testACustomerReadsTheirWordingInFrenchWhileAnAgentReadsStaffWording() {
        XCTAssertEqual(proposed.phrase(for: .customer).text(in: .french), "Statut Ouvert → Solution proposée par alice")
        XCTAssertEqual(proposed.phrase(for: .agent).text(in: .french), "Statut Ouvert → En attente de validation par alice")
        XCTAssertEqual(proposed.phrase(for: .customer).text(in: .english), "Status Open → Solution proposed by alice")
        XCTAssertEqual(proposed.phrase(for: .admin).text(in: .english), "Status Open → Pending by alice")
        XCTAssertEqual(SystemEvent.statusChanged(from: .new, to: .open, actor: "alice").phrase(for: .customer).text(in: .french),
                       "Pris en charge par alice")
        XCTAssertEqual(SystemEvent.assigned(assignee: "bob", actor: "alice").phrase(for: .customer).text(in: .japanese),
                       "bob がこのチケットを担当しています")
        XCTAssertEqual(SystemEvent.assigned(assignee: nil, actor: "alice").phrase(for: .agent).text(in: .german), "Zuweisung entfernt durch alice")
    }

    func testAutoCloseCountsDaysPerLanguage() {
        XCTAssertEqual(SystemEvent.autoClosed(afterDays: 1).phrase(for: .customer).text(in: .french),
                       "Fermé automatiquement : la solution proposée est restée sans réponse pendant 1 jour")
        XCTAssertEqual(SystemEvent.autoClosed(afterDays: 5).phrase(for: .agent).text(in: .spanish),
                       "Cerrado automáticamente: solución propuesta y sin novedades desde hace 5 días")
    }

    func testTheStoredTextIsTheStaffWordingInEnglish() {
        XCTAssertEqual(proposed.recordText, "Status Open → Pending by alice")
        XCTAssertEqual(SystemEvent.assigned(assignee: "bob", actor: "alice").recordText, "Assigned to bob by alice")
        XCTAssertEqual(SystemEvent.autoClosed(afterDays: 5).recordText, "Closed automatically: solution proposed and no update for 5 days")
    }
}
