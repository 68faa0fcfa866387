import DeskModel
import Foundation
import XCTest

/// The command line's own words follow the chosen language (`--language`, the acting user's
/// stored language, LANGUAGE, LC_ALL, LC_MESSAGES, LANG, else English): labels, tables,
/// confirmations, refusals with their exit status, help; over SSH, the key owner's language.
/// JSON never changes.
final class CommandLineLanguageCLITests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/deskterm")

    /// `deskterm --db DESK ARGUMENTS` with this environment over a bare one (no locale).
    private func run(_ desk: TempDesk, _ arguments: [String], _ environment: [String: String] = [:], stdin: String? = nil) -> CLIResult {
        runProcess(
            desk.binary, ["--db", desk.path] + arguments, stdin: stdin.map { Data($0.utf8) },
            environment: ["PATH": "/usr/bin:/bin", "HOME": desk.directory.path, "COLUMNS": "100", "TERM": "dumb"].merging(environment) { $1 })
    }

    /// Ticket 1 of ann (Acme), taken by bob, with a reply, an internal note and a proposed solution.
    private func deskWithHistory() throws -> TempDesk {
        let desk = try makeWorld()
        assertSucceeded(run(desk, ["new", "--subject", "Imprimante", "--user", "ann"], stdin: "Elle ne marche plus."), "Created ticket #1\n")
        XCTAssertEqual(run(desk, ["reply", "1", "--user", "bob"], stdin: "Quel modèle ?").status, 0)
        XCTAssertEqual(run(desk, ["reply", "1", "--internal", "--user", "bob"], stdin: "Vendor case 42").status, 0)
        XCTAssertEqual(run(desk, ["status", "1", "pending", "--user", "bob"]).status, 0)
        return desk
    }

    func testTheCommandLineCatalogueTranslatesEveryPhraseItDeclaresAndNothingElse() throws {
        let (phrases, scanProblems) = try PhraseScanner.scan(sources: Self.sources, marker: "cli")
        XCTAssertEqual(scanProblems, [])
        XCTAssertGreaterThan(phrases.count, 300)
        XCTAssertTrue(phrases.contains { $0.english == "Created ticket #{number}" })
        let problems = try CatalogueAudit.problems(sources: Self.sources, catalogues: Self.sources.appendingPathComponent("Catalogues"), marker: "cli")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testShowSpeaksFrenchToAnAgentAndTheCustomerReadsHerOwnWording() throws {
        let desk = try deskWithHistory()
        let agent = run(desk, ["show", "1", "--user", "bob", "--language", "fr"])
        XCTAssertEqual(agent.status, 0, "\(agent)")
        let pending = SystemEvent.statusChanged(from: .open, to: .pending, actor: "bob")
        for expected in ["  Statut ", "En attente", "  Type ", "question", "  Demandeur ", "Historique (4 messages)", "NOTE INTERNE",
                         pending.phrase(for: .agent).text(in: .french), "(agent)"] {
            XCTAssertTrue(agent.stdout.contains(expected), "\(expected) missing in\n\(agent.stdout)")
        }
        for english in ["Status", "Requester", "History", "INTERNAL NOTE", "Created", " by bob"] {
            XCTAssertFalse(agent.stdout.contains(english), "\(english) in\n\(agent.stdout)")
        }
        // The customer, French by her stored language: her status words, no note.
        assertSucceeded(run(desk, ["user", "set", "ann", "--language", "fr"]), "ann reads deskterm in Français (fr)\n")
        let customer = run(desk, ["show", "1", "--user", "ann"], ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(customer.status, 0, "\(customer)")
        XCTAssertTrue(customer.stdout.contains("Solution proposée"), customer.stdout)
        XCTAssertTrue(customer.stdout.contains(pending.phrase(for: .customer).text(in: .french)), customer.stdout)
        XCTAssertTrue(customer.stdout.contains("Historique (3 messages)"), customer.stdout)
        XCTAssertFalse(customer.stdout.contains("Vendor case"), customer.stdout)
        // Japanese labels are wide: the label column widens by display width.
        let japanese = run(desk, ["show", "1", "--user", "bob"], ["LANGUAGE": "ja"])
        XCTAssertTrue(japanese.stdout.contains("\n  ステータス "), japanese.stdout)
        XCTAssertTrue(japanese.stdout.contains("履歴 (メッセージ 4 件)"), japanese.stdout)
    }

    func testListTablesAndConfirmationsFollowTheLanguage() throws {
        let desk = try deskWithHistory()
        let list = run(desk, ["list", "--view", "all", "--user", "bob"], ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(list.status, 0, "\(list)")
        let titles = list.stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(titles.hasPrefix("#  STATUS"), titles)  // German keeps "STATUS"
        XCTAssertTrue(titles.contains("BETREFF"), titles)
        XCTAssertFalse(titles.contains("SUBJECT"), titles)
        let empty = run(desk, ["list", "--view", "mine", "--user", "dora", "--language", "fr"])
        assertSucceeded(empty, "Aucun ticket dans \(CaseView.mine.title(in: .french))\n")
        let filtered = run(desk, ["list", "--filter", "urgency:critical", "--user", "bob", "--language", "es"])
        assertSucceeded(filtered, "Ningún ticket de \(CaseView.active.title(in: .spanish)) cumple urgency:critical\n")

        let status = TicketStatus.awaitingCustomer.labelPhrase(for: .agent, inSentence: true).text(in: .french)
        assertSucceeded(run(desk, ["status", "1", "awaitingCustomer", "--user", "bob", "--language", "fr"]), "#1 est désormais \(status)\n")
        assertSucceeded(run(desk, ["assign", "1", "dora", "--user", "bob", "--language", "it"]), "#1 assegnato a dora\n")
        assertSucceeded(run(desk, ["new", "--subject", "Toner", "--user", "ann"], ["LANGUAGE": "ja"], stdin: "x"), "チケット #2 を作成しました\n")
        assertSucceeded(run(desk, ["watch", "1", "--user", "bob", "--language", "pt-BR"]), "bob observa #1\n")
    }

    func testRefusalsAreTranslatedAndKeepTheirExitStatus() throws {
        let desk = try makeWorld()
        // A refusal from the desk (DeskModel's catalogue) and one worded by the command line.
        assertRefused(run(desk, ["show", "999", "--user", "bob", "--language", "fr"]), "Ticket #999 introuvable")
        assertRefused(run(desk, ["show", "999", "--user", "bob"], ["LANG": "de_DE.UTF-8"]), "Ticket #999 nicht gefunden")
        assertRefused(run(desk, ["list", "--limit", "0", "--user", "bob", "--language", "fr"]), "--limit doit être compris entre 1 et 10000")
        assertRefused(run(desk, ["show", "1"], ["LC_ALL": "es_ES.UTF-8"]), "¿Quién actúa? Indique --user IDENTIFICADOR o defina DESKTERM_USER")
        assertRefused(run(desk, ["org", "add", "Globex", "--user", "bob", "--language", "it"]),
                      "Non consentito: solo gli amministratori gestiscono organizzazioni e utenti")
        // The acting user's stored language, over the environment.
        assertSucceeded(run(desk, ["user", "set", "bob", "--language", "ja"]), "bob reads deskterm in 日本語 (ja)\n")
        assertRefused(run(desk, ["show", "999", "--user", "bob"], ["LANG": "de_DE.UTF-8"]), "チケット #999 が見つかりません")
        // English stays English.
        assertRefused(run(desk, ["show", "999", "--user", "dora"]), "Ticket #999 not found")
        // A usage mistake ArgumentParser reports carries our translated sentence.
        let both = run(desk, ["reply", "1", "--ask", "--solution", "--user", "bob", "--language", "de"], stdin: "x")
        XCTAssertEqual(both.status, 64, "\(both)")
        XCTAssertTrue(both.stderr.contains("--ask und --solution schließen einander aus"), both.stderr)
    }

    func testTheImportSummaryCountsWithTheLanguagesPluralRule() throws {
        let desk = try makeWorld()
        let path = try desk.write("support.mbox", ImportCLITests.mbox)
        let result = run(desk, ["import", "mbox", path, "--agent-domain", "desk.example", "--now", "2024-03-01T09:00:00Z", "--user", "root", "--language", "fr"])
        XCTAssertEqual(result.status, 0, "\(result)")
        XCTAssertEqual(result.lines.count, 3, "\(result)")
        // French counts 0 and 1 in the singular.
        XCTAssertEqual(result.lines[0], "Importé support.mbox : 1 ticket, 3 messages, 1 utilisateur, 1 organisation, 0 pièce jointe")
        XCTAssertTrue(result.lines[1].hasPrefix("4 messages lus en "), result.lines[1])
        XCTAssertTrue(result.lines[1].hasSuffix(" : 0 déjà dans le desk, 0 doublon dans l'entrée, 1 ignoré, 0 avertissement"), result.lines[1])
        XCTAssertTrue(result.lines[2].hasPrefix("ignoré : \(path) at byte "), result.lines[2])
    }

    func testUserAddAndSetSpeakTheAdminsLanguageNotTheOneTheyStore() throws {
        let desk = try makeWorld()
        assertSucceeded(run(desk, ["user", "set", "bob", "--language", "fr"], ["LANG": "de_DE.UTF-8"]), "bob liest deskterm auf Français (fr)\n")
        assertSucceeded(run(desk, ["user", "set", "bob", "--language", "it"]), "bob reads deskterm in Italiano (it)\n")
    }

    func testJSONIsTheSameInEveryLanguage() throws {
        let desk = try deskWithHistory()
        for arguments in [["show", "1", "--format", "json", "--user", "bob"], ["list", "--view", "all", "--format", "json", "--user", "ann"],
                          ["user", "list", "--format", "json", "--user", "root"]] {
            let english = run(desk, arguments)
            XCTAssertEqual(english.status, 0, "\(english)")
            XCTAssertTrue(english.stdout.contains("\"status\" : \"pending\"") || arguments[0] == "user", english.stdout)
            for language in ["fr", "ja", "de"] {
                let translated = run(desk, arguments + ["--language", language])
                XCTAssertEqual(translated.stdout, english.stdout, "\(arguments) in \(language)")
            }
        }
    }

    func testHelpIsTranslatedWhereTheParserAllows() throws {
        let desk = try makeWorld()
        let french = run(desk, ["list", "--help", "--language", "fr"])
        XCTAssertEqual(french.status, 0, "\(french)")
        XCTAssertTrue(french.stdout.contains("Lister les tickets d'une vue."), french.stdout)
        XCTAssertTrue(french.stdout.contains("table ou json."), french.stdout)
        // The parser's own words stay English.
        XCTAssertTrue(french.stdout.contains("USAGE:"), french.stdout)
        XCTAssertTrue(french.stdout.contains("OPTIONS:"), french.stdout)
        let german = run(desk, ["--help"], ["LANGUAGE": "de"])
        XCTAssertTrue(german.stdout.contains("Ein Helpdesk, der im Terminal lebt."), german.stdout)
        XCTAssertTrue(german.stdout.contains("Als dieser Benutzer handeln"), german.stdout)
        let english = run(desk, ["--help"])
        XCTAssertTrue(english.stdout.contains("A help desk that lives in the terminal."), english.stdout)
    }

    func testOverSSHTheKeyOwnersLanguageAnswersWithoutALocale() throws {
        let desk = try deskWithHistory()
        assertSucceeded(run(desk, ["user", "set", "ann", "--language", "fr"]), "ann reads deskterm in Français (fr)\n")
        // The harness passes C.UTF-8 only, as sshd passes no locale.
        let missing = desk.ssh("show 999", as: "ann")
        XCTAssertEqual(missing.status, 1, "\(missing)")
        XCTAssertEqual(missing.stderr, "deskterm: Ticket #999 introuvable\n")
        let help = desk.ssh("help", as: "ann")
        XCTAssertEqual(help.status, 0, "\(help)")
        XCTAssertTrue(help.stdout.hasPrefix("Commandes par SSH (sans commande, vous obtenez le desk en plein écran) :\n"), help.stdout)
        let listHelp = desk.ssh("help list", as: "ann")
        XCTAssertTrue(listHelp.stdout.contains("Lister les tickets d'une vue."), listHelp.stdout)
        let refused = desk.ssh("rm -rf /", as: "ann")
        XCTAssertEqual(refused.status, 2, "\(refused)")
        XCTAssertEqual(refused.stderr, "deskterm: « rm » n'est pas disponible par SSH (essayez : help)\n")
        let db = desk.ssh("list --db /tmp/other.sqlite", as: "ann")
        XCTAssertEqual(db.stderr, "deskterm: --db n'est pas disponible par SSH : votre clé détermine le desk et qui vous êtes\n")
        assertSucceeded(desk.ssh("new --subject Toner", as: "ann", stdin: "Plus d'encre."), "Ticket #2 créé\n")
        // Another customer with no stored language: English.
        assertRefused(desk.ssh("show 999", as: "carl"), "Ticket #999 not found")
    }
}
