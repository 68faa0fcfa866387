import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The client's catalogues: complete and consistent for every language, actually read by the
/// client, and worded to fit the columns the screens give them (measured by display width,
/// Japanese counting two columns a character).
final class ClientCatalogueTests: XCTestCase {
    static let sources = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources").appendingPathComponent("DeskTUI")
    static let translated = Language.allCases.filter { $0 != .english }

    func testEveryCatalogueHasEveryPhraseOfTheClientAndNothingElse() throws {
        let problems = try CatalogueAudit.problems(sources: Self.sources, catalogues: Self.sources.appendingPathComponent("Catalogues"), marker: "client")
        XCTAssertEqual(problems, [])
    }

    func testTheClientReadsItsCompiledCatalogues() {
        XCTAssertEqual(UIStrings.history(.french), "Historique")
        XCTAssertEqual(UIStrings.history(.japanese), "履歴")
        XCTAssertEqual(UIStrings.history(.english), "History")
        // Context: the same English, two meanings.
        XCTAssertEqual(UIStrings.viewShortTitle(.open, .french), "Ouv")
        XCTAssertEqual(UIStrings.statusShort(.open, role: .customer, .french), "Ouvert")
        // Plurals: French 0 and 1 are singular, Japanese has one form.
        XCTAssertEqual(BulkStrings.taggedCount(1, .french), "1 marqué")
        XCTAssertEqual(BulkStrings.taggedCount(0, .french), "0 marqué")
        XCTAssertEqual(BulkStrings.taggedCount(2, .french), "2 marqués")
        XCTAssertEqual(BulkStrings.taggedCount(2, .german), "2 markiert")
        XCTAssertEqual(BulkStrings.taggedCount(5, .japanese), "5 件マーク")
        XCTAssertEqual(BulkStrings.question(.watch, count: 1, .brazilianPortuguese), "Acompanhar 1 ticket? (y/N)")
        XCTAssertEqual(BulkStrings.question(.watch, count: 3, .english), "Watch 3 tickets? (y/N)")
    }

    /// The list's columns have fixed widths: every word shown in them fits whole.
    func testListWordsFitTheirColumnsInEveryLanguage() {
        for language in Self.translated {
            for role in [Role.agent, .customer] {
                let columns = ListPane.columns(width: 132, rows: Fixture.rows, role: role)
                for status in TicketStatus.allCases {
                    let word = UIStrings.statusShort(status, role: role, language)
                    XCTAssertLessThanOrEqual(DisplayWidth.of(word), columns.status, "\(language) \(role) \(word)")
                }
                XCTAssertLessThanOrEqual(DisplayWidth.of(Phrase.client("STATUS").text(in: language)), columns.status, "\(language)")
                XCTAssertLessThanOrEqual(DisplayWidth.of(Phrase.client("URGENCY").text(in: language)), columns.urgency, "\(language)")
                XCTAssertLessThanOrEqual(DisplayWidth.of(Phrase.client("UPDATED").text(in: language)), columns.age, "\(language)")
                for urgency in Urgency.allCases {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(UIStrings.urgencyInList(urgency, language)), columns.urgency, "\(language) \(urgency)")
                }
            }
            // A customer's who column (10 wide) holds its title whole.
            let customer = ListPane.columns(width: 132, rows: Fixture.rows, role: .customer, keepsWho: true)
            for viewer in [Fixture.customer, Viewer(user: Fixture.dora, plan: .pro)] {
                XCTAssertLessThanOrEqual(DisplayWidth.of(ListWhoColumn.title(viewer, language)), customer.who, "\(language)")
            }
        }
    }

    /// The detail pane's and the form's label columns widen to their language's longest label
    /// rather than cut one, and stay narrow enough to leave the value most of 80 columns.
    func testFieldLabelsAreNeverCut() {
        for language in Language.allCases {
            let width = ComposerPane.labelWidth(language)
            for field in ComposerField.allCases {
                XCTAssertLessThan(DisplayWidth.of(" " + UIStrings.fieldLabel(field, language)), width, "\(language) \(field)")
            }
            XCTAssertLessThanOrEqual(width, 18, "\(language)")
        }
        XCTAssertEqual(ComposerPane.labelWidth(.english), ComposerPane.labelWidth)
    }

    /// At 80 columns the top bar keeps every tab, the bottom line keeps the help key, and the
    /// jump prompt keeps its keys, in every language.
    func testTopBarAndBottomLineFitAt80InEveryLanguage() {
        for language in Language.allCases {
            for viewer in [Fixture.agent, Fixture.customer] {
                var state = Fixture.state(viewer)
                state.language = language
                let layout = TopBarLayout(state, width: 80)
                XCTAssertEqual(layout.tabs.count, CaseView.allCases.count, "\(language): \(layout.tabs.map(\.label))")
                XCTAssertFalse(layout.sort.isEmpty, "\(language)")
                let grid = DeskTUI.Renderer.render(state, size: Fixture.size80)
                let help = keyHint(.help, language)
                XCTAssertTrue(grid.rowText(23).contains(help), "\(language): \(grid.rowText(23))")
                XCTAssertTrue(grid.rowText(23).contains(keyHint(.open, language)), "\(language): \(grid.rowText(23))")
            }
        }
    }

    private func keyHint(_ command: Command, _ language: Language) -> String {
        "\(Keymap.standard.keys(for: command)[0].name) \(UIStrings.commandHint(command, language))"
    }

    /// Box titles and menu hints are never wider than the narrowest screen's box.
    func testMenuTitlesAndHintsFitAt80() {
        var state = Fixture.state(Fixture.agent)
        for language in Language.allCases {
            state.language = language
            state.tagged = [40: 1040, 39: 1039]
            for text in [UIStrings.menuHint(language), UIStrings.statusMenuTitle(BulkLimits.taggedTickets, state),
                         UIStrings.assignMenuTitle(BulkLimits.taggedTickets, state), UIStrings.discardQuestion(language),
                         UIStrings.ticketWatchersHint(language)] {
                XCTAssertLessThanOrEqual(DisplayWidth.of(text), 80 - 8, "\(language): \(text)")
            }
        }
    }
}
