import DeskModel
import Foundation
import XCTest

/// The real client in French: the list, an open ticket, the status menu, the help and the
/// command line speak French, at 80 columns, with every tab and the help key in view.
final class FrenchClientTUITests: XCTestCase {
    private var fixture: TUIFixture!
    private var desk: TUIDesk { fixture.desk }
    private var client: TmuxClient { fixture.client }

    override func setUpWithError() throws {
        fixture = try TUIFixture()
    }

    override func tearDown() {
        fixture?.close()
        fixture = nil
    }

    func testAnAgentWorksInFrenchAt80Columns() throws {
        try client.start(columns: 80, rows: 24, extraArguments: ["--language", "fr"])
        var screen = try client.wait(for: "the French list") { $0.topBar.contains(" 1 Réc") && $0.selectedNumber != nil }
        XCTAssertTrue(screen.contains("STATUT"), "\(screen)")
        XCTAssertTrue(screen.contains("SUJET"), "\(screen)")
        for tab in [" 1 Réc", " 2 Act", " 3 Moi", " 4 Ouv", " 5 Tous"] {
            XCTAssertTrue(screen.topBar.contains(tab), "\(tab) in \(screen.topBar)")
        }
        // The first key clears the start-up notice; the bottom line's hints are French.
        client.press("j", "k")
        screen = try client.wait(forText: "? aide")
        XCTAssertFalse(screen.contains("? help"), "\(screen)")

        // Enter: the ticket's fields under French names.
        client.press("Enter")
        screen = try client.wait(forText: "Demandeur")
        for label in ["Statut", "Type", "Urgence", "Créé", "Mis à jour"] {
            XCTAssertTrue(screen.contains(label), "\(label)\n\(screen)")
        }

        // S: the status menu, its title and its keys in French.
        client.press("S")
        screen = try client.wait(forText: "Changer le statut de #")
        XCTAssertTrue(screen.contains("Entrée appliquer"), "\(screen)")
        client.press("Escape")
        _ = try client.wait(for: "the menu closed") { !$0.contains("Changer le statut de #") }

        // ?: the help lists the keys in French.
        client.press("?")
        screen = try client.wait(forText: "Touches")
        XCTAssertTrue(screen.contains("ticket suivant"), "\(screen)")
        client.press("x")
        _ = try client.wait(for: "the help closed") { !$0.contains("Touches") }

        // :: the command line says what a command takes, in French.
        client.press(":")
        client.type("assign ")
        screen = try client.wait(forText: "IDENTIFIANT|me|none : attribuer")

        client.press("Escape")
        client.press("C-c")
        let ended = try client.wait(forText: "EXITED=")
        XCTAssertTrue(ended.contains("EXITED=0 TTY=restored"), "\(ended)")
    }
}
