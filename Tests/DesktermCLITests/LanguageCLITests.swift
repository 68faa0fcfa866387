import DeskModel
import Foundation
import XCTest

/// Languages on the command line: each user's stored language (`user add|set --language`,
/// `user list`), and the order that picks the language of dates and ages: `--language`, the
/// stored language, LANGUAGE, LC_ALL, LC_MESSAGES, LANG, else English; over SSH too, where
/// sshd passes no locale.
final class LanguageCLITests: XCTestCase {
    private let tags = "en, fr, it, de, es, ja, pt-BR"

    /// `deskterm --db DESK ARGUMENTS` with exactly this environment (plus PATH and HOME).
    private func run(_ desk: TempDesk, _ arguments: [String], _ environment: [String: String]) -> CLIResult {
        runProcess(
            desk.binary, ["--db", desk.path] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": desk.directory.path, "COLUMNS": "100", "TERM": "dumb"].merging(environment) { $1 })
    }

    private func languages(_ desk: TempDesk) throws -> [String: String] {
        let result = desk.run(["user", "list", "--format", "json"])
        XCTAssertEqual(result.status, 0, "\(result)")
        let users = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]] ?? []
        return Dictionary(uniqueKeysWithValues: users.map { ($0["handle"]!, $0["language"]!) })
    }

    func testUserAddAndSetStoreALanguageAndUserListShowsIt() throws {
        let desk = try makeWorld()
        assertSucceeded(
            desk.run(["user", "add", "camille", "--name", "Camille Lefèvre", "--org", "Acme Corp", "--language", "fr"]),
            "Added customer camille\n")
        assertSucceeded(desk.run(["user", "set", "bob", "--language", "pt_BR.UTF-8"]), "bob reads deskterm in Português (Brasil) (pt-BR)\n")
        // JSON carries the stable tag, "" for none.
        XCTAssertEqual(try languages(desk), [
            "root": "", "bob": "pt-BR", "dora": "", "ann": "", "carl": "", "fred": "", "olga": "", "camille": "fr",
        ])
        let table = desk.run(["user", "list"], columns: 200)
        XCTAssertEqual(table.stdout.split(separator: "\n").first.map(String.init),
                       "HANDLE   NAME             ROLE      ORGANISATION  ACCESS        EMAIL               LANGUAGE")
        XCTAssertTrue(table.stdout.contains("\nbob      Bob Agent        agent     -             -             bob@desk.example    pt-BR\n"), table.stdout)
        XCTAssertTrue(table.stdout.contains("camille  Camille Lefèvre  customer  Acme Corp     own                               fr\n"), table.stdout)

        // Cleared: back to the terminal's language.
        assertSucceeded(desk.run(["user", "set", "bob", "--clear-language"]), "bob reads deskterm in their terminal's language\n")
        XCTAssertEqual(try languages(desk)["bob"], "")
    }

    func testBadLanguagesAreRefusedWithTheTagsWeHaveAndNothingIsWritten() throws {
        let desk = try makeWorld()
        for bad in ["xx", "C", "POSIX"] {
            let added = desk.run(["user", "add", "zed", "--name", "Zed", "--role", "agent", "--language", bad])
            XCTAssertEqual(added.status, 64, "\(added)")
            XCTAssertEqual(added.stdout, "")
            XCTAssertTrue(added.stderr.contains("unknown language '\(bad)' (languages: \(tags))"), added.stderr)
            let set = desk.run(["user", "set", "bob", "--language", bad])
            XCTAssertEqual(set.status, 64, "\(set)")
            XCTAssertTrue(set.stderr.contains("unknown language '\(bad)' (languages: \(tags))"), set.stderr)
        }
        XCTAssertNil(try languages(desk)["zed"])
        XCTAssertEqual(try languages(desk)["bob"], "")
        // Nothing to change, or two contradictory changes.
        let nothing = desk.run(["user", "set", "bob"])
        XCTAssertEqual(nothing.status, 64)
        XCTAssertTrue(nothing.stderr.contains("Nothing to change: give --language TAG (\(tags)) or --clear-language"), nothing.stderr)
        let both = desk.run(["user", "set", "bob", "--language", "fr", "--clear-language"])
        XCTAssertEqual(both.status, 64)
        assertRefused(desk.run(["user", "set", "nobody", "--language", "fr"]), "No user with handle 'nobody'")
        // Every command takes --language, and refuses a bad one the same way.
        let list = desk.run(["list", "--language", "klingon"], user: "bob")
        XCTAssertEqual(list.status, 64)
        XCTAssertTrue(list.stderr.contains("unknown language 'klingon' (languages: \(tags))"), list.stderr)
    }

    /// A ticket created 3 hours ago by ann, and its creation time.
    private func deskWithTicket() throws -> (TempDesk, Date) {
        let desk = try makeWorld()
        let created = Date().addingTimeInterval(-3 * 3600 - 60)
        let store = try Desk.open(address: desk.path, clock: .fixed(created))
        _ = try store.createTicket(
            NewTicket(subject: "Imprimante", description: "Elle ne marche plus.", kind: .question),
            by: store.viewer(handle: "ann"), allowDuplicate: true)
        return (desk, created)
    }

    /// The "Created" field of `show`, in whatever language it is labelled: the first field
    /// with a time, its label column's padding reduced to two spaces.
    private func createdLine(_ result: CLIResult) -> String {
        XCTAssertEqual(result.status, 0, "\(result)")
        guard let line = result.stdout.split(separator: "\n").first(where: { $0.contains(" UTC (") }) else { return "<none>" }
        return line.replacingOccurrences(of: "(?<=\\S)  +", with: "  ", options: .regularExpression)
    }

    func testShowAndListSpeakTheChosenLanguageInOrder() throws {
        let (desk, created) = try deskWithTicket()
        func expected(_ language: Language, _ ago: String) -> String {
            let label = ["en": "Created", "fr": "Créé", "it": "Creato", "de": "Erstellt", "es": "Creado", "ja": "作成日時", "pt-BR": "Criado"]
            return "  \(label[language.rawValue] ?? "?")  \(DateText.minute(created, in: language)) UTC (\(ago))"
        }
        let show = ["show", "1", "--user", "bob"]
        // Nothing set anywhere (C locale): English.
        XCTAssertEqual(createdLine(run(desk, show, ["LANG": "C.UTF-8"])), expected(.english, "3h ago"))
        // The locale, then LC_MESSAGES over LANG, LC_ALL over both, LANGUAGE over all of them.
        XCTAssertEqual(createdLine(run(desk, show, ["LANG": "de_DE.UTF-8"])), expected(.german, "vor 3 Std."))
        XCTAssertEqual(createdLine(run(desk, show, ["LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"])), expected(.spanish, "hace 3 h"))
        XCTAssertEqual(
            createdLine(run(desk, show, ["LANG": "de_DE.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LC_ALL": "it_IT.UTF-8"])),
            expected(.italian, "3 h fa"))
        XCTAssertEqual(createdLine(run(desk, show, ["LC_ALL": "C.UTF-8", "LANGUAGE": "sv:ja"])), expected(.japanese, "3時間前"))
        // The user's stored language beats the environment; --language beats both.
        assertSucceeded(desk.run(["user", "set", "bob", "--language", "fr"]), "bob reads deskterm in Français (fr)\n")
        XCTAssertEqual(createdLine(run(desk, show, ["LANGUAGE": "ja", "LANG": "de_DE.UTF-8"])), expected(.french, "il y a 3 h"))
        XCTAssertEqual(createdLine(run(desk, show + ["--language", "pt-BR"], ["LANGUAGE": "ja"])), expected(.brazilianPortuguese, "há 3 h"))

        // The list's age column too, right-aligned under its title (the due time follows it).
        let list = run(desk, ["list", "--view", "all", "--user", "bob"], [:])
        XCTAssertEqual(list.status, 0, "\(list)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        let ageEnd = try XCTUnwrap(lines.first?.range(of: "MODIFIÉ")?.upperBound).utf16Offset(in: lines[0])
        XCTAssertTrue(lines.count == 2 && String(lines[1].prefix(ageEnd)).hasSuffix("    3 h"), list.stdout)
        // JSON stays language-neutral.
        let json = run(desk, ["show", "1", "--user", "bob", "--format", "json"], [:])
        XCTAssertTrue(json.stdout.contains("\"status\" : \"new\""), json.stdout)
    }

    func testSSHSessionsSpeakTheUsersStoredLanguageWithoutALocale() throws {
        let (desk, created) = try deskWithTicket()
        assertSucceeded(desk.run(["user", "set", "ann", "--language", "fr"]), "ann reads deskterm in Français (fr)\n")
        // sshd passes no locale: the harness's environment is C.UTF-8 only.
        let french = desk.ssh("show 1", as: "ann")
        XCTAssertEqual(createdLine(french), "  Créé  \(DateText.minute(created, in: .french)) UTC (il y a 3 h)")
        // The client may ask for another language; a bad one is refused as any bad option is.
        XCTAssertEqual(createdLine(desk.ssh("show 1 --language de", as: "ann")),
                       "  Erstellt  \(DateText.minute(created, in: .german)) UTC (vor 3 Std.)")
        let bad = desk.ssh("show 1 --language xx", as: "ann")
        XCTAssertEqual(bad.status, 2, "\(bad)")
        XCTAssertTrue(bad.stderr.contains("langue inconnue « xx » (langues : \(tags))"), bad.stderr)

        // A user with no stored language: English, or the key's own --session-language.
        XCTAssertEqual(createdLine(desk.ssh("show 1", as: "carl")), "  Created  \(DateText.minute(created, in: .english)) UTC (3h ago)")
        var environment = desk.environment()
        environment["SSH_ORIGINAL_COMMAND"] = "show 1"
        let pinned = runProcess(desk.binary, ["ssh-session", "--desk", desk.path, "--session-language", "ja", "carl"], environment: environment)
        XCTAssertEqual(createdLine(pinned), "  作成日時  \(DateText.minute(created, in: .japanese)) UTC (3時間前)")
    }
}
