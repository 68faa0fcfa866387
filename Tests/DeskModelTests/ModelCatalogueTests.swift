@testable import DeskModel
import XCTest

/// DeskModel's catalogues against the phrases its sources declare.
final class ModelCatalogueTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/DeskModel")

    func testEveryCatalogueTranslatesEveryPhraseTheCodeUsesAndNothingElse() throws {
        let problems = try CatalogueAudit.problems(sources: Self.sources, catalogues: Self.sources.appendingPathComponent("Catalogues"), marker: "model")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testTheCodeDeclaresPhrasesTheCheckCanSee() throws {
        let (phrases, problems) = try PhraseScanner.scan(sources: Self.sources, marker: "model")
        XCTAssertEqual(problems, [])
        XCTAssertGreaterThan(phrases.count, 100)
        XCTAssertTrue(phrases.contains { $0.english == "Draft kept" && $0.context == nil })
        XCTAssertTrue(phrases.contains { $0.english == "Action required from you" && $0.context == "status" })
    }

    func testModelTextReadsInEachLanguage() {
        XCTAssertEqual(Language.allCases.map { Notices.draftKept.text(in: $0) },
                       ["Draft kept", "Brouillon conservé", "Bozza conservata", "Entwurf behalten", "Borrador guardado", "下書きを保存しました", "Rascunho mantido"])
        XCTAssertEqual(TicketStatus.awaitingCustomer.label(for: .customer, in: .french), "Action requise de votre part")
        XCTAssertEqual(TicketStatus.awaitingCustomer.label(for: .agent, in: .french), "En attente du client")
        XCTAssertEqual(CaseView.open.title(in: .german), "Alle offenen")
        XCTAssertEqual(TicketOrder(key: .updated).label(in: .all, language: .japanese), "更新が新しい順")
        XCTAssertEqual(Notices.sorted(TicketOrder(key: .triage), in: .active).text(in: .spanish), "Orden: prioridad de triaje")
    }

    func testCountedNoticesFollowEachLanguagesPluralRule() {
        XCTAssertEqual([0, 1, 2].map { Notices.idleClosed($0).text(in: .french) },
                       ["0 ticket en attente inactif fermé", "1 ticket en attente inactif fermé", "2 tickets en attente inactifs fermés"])
        XCTAssertEqual([0, 1, 2].map { Notices.idleClosed($0).text(in: .english) },
                       ["Closed 0 idle pending tickets", "Closed 1 idle pending ticket", "Closed 2 idle pending tickets"])
        XCTAssertEqual([0, 1, 2].map { Notices.idleClosed($0).text(in: .german) },
                       ["0 inaktive ausstehende Tickets geschlossen", "1 inaktives ausstehendes Ticket geschlossen", "2 inaktive ausstehende Tickets geschlossen"])
        XCTAssertEqual(Notices.newMessages(3, from: .text("Carl"), on: 42).text(in: .japanese), "#42 に新着メッセージが 3 件あります（最新: Carl）")
        XCTAssertEqual(Notices.newMessages(1, from: .phrase(Notices.someone), on: 42).text(in: .brazilianPortuguese), "Nova mensagem de alguém em #42")
    }

    func testRefusalsKeepEnglishForTheCommandLineAndTranslateForTheClient() {
        let error = DeskError.transitionRefused(number: 7, action: .close, from: .awaitingCustomer)
        XCTAssertEqual(error.message, "Cannot close ticket #7: it is awaiting customer")
        XCTAssertEqual(error.phrase.text(in: .french), "Impossible de fermer le ticket #7 : il est en attente du client")
        let tooLong = DeskError.textTooLong(field: .subject, length: 1200, limit: 1000)
        XCTAssertEqual(tooLong.message, "The subject is 1,200 characters long; the limit is 1,000")
        XCTAssertEqual(tooLong.phrase.text(in: .italian), "Il campo «oggetto» è lungo 1200 caratteri; il limite è 1000", "Italian leaves four digits ungrouped")
        XCTAssertEqual(DeskError.storage("disk I/O error").phrase.text(in: .german), "Speicherfehler: disk I/O error", "details from SQLite stay as they are")
        let filter = DeskError.invalidFilter(.unknownValue(.kind, "bug"))
        XCTAssertEqual(filter.message, "unknown kind 'bug' (kinds: incident, serviceRequest, question)")
        XCTAssertEqual(filter.phrase.text(in: .french), "kind inconnu : « bug » (types : incident, serviceRequest, question)",
                       "the words typed in a filter stay as typed")
    }

    func testKeyHintsComeFromTheKeysTheClientBinds() {
        var keys = NoticeKeys()
        XCTAssertEqual(Notices.closedUseFollowUp(4, keys).englishText, "Ticket #4 is closed: press f to open a follow-up")
        keys.followUp = "F"
        keys.back = "x"
        XCTAssertEqual(Notices.closedUseFollowUp(4, keys).englishText, "Ticket #4 is closed: press F to open a follow-up")
        XCTAssertEqual(Notices.escapeNeverQuits(keys).text(in: .french), "Échap ne quitte pas : appuyez sur x pour quitter (les brouillons sont conservés)")
    }

    func testTheReducerNamesTheKeysTheStateHolds() {
        var state = ReducerFixtures.loaded(1...3)
        state.noticeKeys.back = "x"
        _ = DeskReducer.reduce(into: &state, .closeRequested)
        XCTAssertEqual(state.message?.phrase.englishText, "Esc does not quit: press x to quit (drafts are kept)")
    }
}
