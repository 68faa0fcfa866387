import DeskPostgres
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A French admin reads French when `kb`, `mail settings`, `backup`, `restore`, `verify` or
/// `doctor` refuses or finds something: the refusals and findings are phrases of the desk's
/// catalogue. JSON keeps the findings' English, and English stays as it was.
final class RefusalLanguageCLITests: CLITestCase {
    private func run(_ desk: TempDesk, _ arguments: [String], language: String) -> CLIResult {
        runProcess(desk.binary, arguments, stdin: nil, environment: desk.environment().merging(["LANGUAGE": language]) { $1 })
    }

    func testKnowledgeBaseAndMailSettingsRefuseInTheChosenLanguage() throws {
        let desk = try makeWorld()
        let customer = desk.run(["kb", "add", "--title", "Mine", "--body-file", "-", "--language", "fr"], user: "ann", stdin: "x")
        assertRefused(customer, "Non autorisé : les clients consultent la base de connaissances ; les agents la rédigent")
        assertRefused(desk.run(["kb", "add", "--title", "  ", "--body-file", "-", "--language", "fr"], user: "bob", stdin: "x"),
                      "Un article doit avoir un titre")
        assertRefused(desk.run(["kb", "add", "--title", "VPN", "--slug", "Bad Slug", "--body-file", "-", "--language", "de"], user: "bob", stdin: "x"),
                      "„Bad Slug“ ist kein gültiger Slug: verwenden Sie Kleinbuchstaben, Ziffern und einzelne Bindestriche, höchstens 80")
        assertRefused(desk.run(["mail", "settings", "set", "mail.address", "x", "--language", "fr"], user: "root"),
                      "mail.address doit être une adresse comme support@example.com (sans +)")
        assertRefused(desk.run(["mail", "settings", "set", "mail.secret", "x", "--language", "ja"], user: "root"),
                      "許可されていません: mail.secret は desk が作成するもので、設定も表示もできません")
        assertRefused(desk.run(["mail", "queue", "--language", "es"], user: "ann"),
                      "No permitido: solo los agentes y los administradores ven la bandeja de salida")
        // English, as before.
        assertRefused(desk.run(["mail", "settings", "set", "mail.address", "x"], user: "root"),
                      "mail.address must be an address like support@example.com (without +)")
        assertRefused(desk.run(["kb", "add", "--title", "  ", "--body-file", "-"], user: "bob", stdin: "x"), "An article needs a title")
    }

    func testBackupRestoreAndVerifyRefuseAndReportInTheChosenLanguage() throws {
        let desk = try makeWorld()
        chmod(desk.path, 0o600)
        let copy = desk.file("backup.sqlite").path
        XCTAssertEqual(desk.run(["backup", copy]).status, 0)
        assertRefused(desk.run(["backup", copy, "--language", "fr"]), "\(copy) existe déjà : ajoutez --force pour le remplacer")
        assertRefused(desk.run(["backup", desk.path, "--language", "it"]), "\(desk.path) è il desk stesso")

        let text = try desk.write("notes.txt", "not a desk")
        assertRefused(run(desk, ["restore", text, "--to", desk.path], language: "fr"),
                      "\(text) n'a pas passé la vérification, rien n'a été restauré : open: \(text) n'est pas un desk deskterm")
        let verified = run(desk, ["verify", text], language: "fr")
        XCTAssertEqual(verified.status, 2, "\(verified)")
        XCTAssertTrue(verified.stdout.contains(": \(text) n'est pas un desk deskterm\n"), verified.stdout)

        // A desk others may read: the finding in French, its JSON in English.
        chmod(desk.path, 0o644)
        defer { chmod(desk.path, 0o600) }
        let doctor = desk.run(["doctor", "--language", "fr"])
        XCTAssertEqual(doctor.status, 3, "\(doctor)")
        XCTAssertTrue(doctor.stdout.contains("\(desk.path) est lisible par tous les utilisateurs (mode 0644) : chmod o-rwx \(desk.path)"), doctor.stdout)
        XCTAssertFalse(doctor.stdout.contains("readable by every user"), doctor.stdout)
        let json = desk.run(["doctor", "--language", "fr", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        let details = (report?["findings"] as? [[String: Any]])?.compactMap { $0["detail"] as? String }
        XCTAssertEqual(details, ["\(desk.path) is readable by every user (mode 0644): chmod o-rwx \(desk.path)"], json.stdout)
    }

    /// The PostgreSQL check words its findings with the same phrases.
    func testAPostgreSQLDesksFindingReadsInTheChosenLanguage() throws {
        guard try CLIBackend.selected() == .postgresql else {
            throw XCTSkip("PostgreSQL only: run with DESKTERM_TEST_BACKEND=postgresql through scripts/with-postgres")
        }
        let desk = try makeWorld()
        _ = try PostgresConnection(address: desk.path).execute("UPDATE ticket_count SET n = n + 3 WHERE key = 'open'")
        let found = desk.run(["doctor", "--language", "fr"])
        XCTAssertEqual(found.status, 1, "\(found)")
        XCTAssertTrue(found.stdout.contains(": ticket_count « open » vaut 3, un recomptage donne 0"), found.stdout)
        let json = desk.run(["doctor", "--language", "fr", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("ticket_count 'open' is 3, a recount gives 0"), json.stdout)
    }
}
