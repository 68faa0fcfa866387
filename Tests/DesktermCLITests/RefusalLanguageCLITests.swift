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

    /// Each file `kb import` refuses is reported in French, after the file's own name.
    func testKnowledgeBaseImportReportsRefusedFilesInTheChosenLanguage() throws {
        let desk = try makeWorld()
        let folder = desk.file("kb").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ data: Data) throws { try data.write(to: URL(fileURLWithPath: folder + "/" + name)) }
        try write("a-good.md", Data("---\ntitle: Good\nslug: same\n---\nText.\n".utf8))
        try write("b-twin.md", Data("---\ntitle: Twin\nslug: same\n---\nText.\n".utf8))
        try write("broken.md", Data("no front matter".utf8))
        try write("latin1.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0xFF, 0x0A]))
        try write("twice.md", Data("---\ntitle: x\ntitle: y\n---\n".utf8))
        try write("weird.md", Data("---\ntitle: x\nauthor: me\n---\n".utf8))
        let expected = """
            deskterm: b-twin.md: son identifiant d'article « same » est aussi celui de a-good.md
            deskterm: broken.md: pas d'en-tête : le fichier doit commencer par une ligne « --- »
            deskterm: latin1.md: n'est pas du texte UTF-8
            deskterm: twice.md: le champ d'en-tête « title » est donné deux fois
            deskterm: weird.md: champ d'en-tête inconnu « author » (champs : title, slug, language, tags, visibility)
            deskterm: 5 fichiers sur 6 refusés ; rien n'a été importé

            """
        for refused in [desk.run(["kb", "import", folder, "--language", "fr"], user: "bob"),
                        runProcess(desk.binary, ["--db", desk.path, "kb", "import", folder], stdin: nil,
                                   environment: desk.environment(user: "bob").merging(["LANGUAGE": "fr"]) { $1 })] {
            XCTAssertEqual(refused.status, 1, "\(refused)")
            XCTAssertEqual(refused.stdout, "")
            XCTAssertEqual(refused.stderr, expected)
        }
        XCTAssertTrue(desk.run(["kb", "import", folder], user: "bob").stderr.contains("deskterm: latin1.md: is not UTF-8 text\n"))
        XCTAssertFalse(desk.run(["kb", "show", "same"], user: "bob").stdout.contains("Text."), "nothing was imported")
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
