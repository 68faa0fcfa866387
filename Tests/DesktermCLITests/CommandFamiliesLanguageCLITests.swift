import Foundation
import XCTest

/// The commands added after the command line learnt languages (backup, verify, doctor, mail,
/// edit, sla, kb) speak it too: output, refusals and help, while English stays as it was.
final class CommandFamiliesLanguageCLITests: CLITestCase {
    private func run(_ desk: TempDesk, _ arguments: [String], _ environment: [String: String]) -> CLIResult {
        runProcess(desk.binary, arguments, stdin: nil, environment: desk.environment().merging(environment) { $1 })
    }

    func testOperationsReportInTheChosenLanguage() throws {
        let desk = try makeWorld()
        let destination = desk.file("backup.sqlite").path
        let backup = desk.run(["backup", destination, "--language", "fr"])
        XCTAssertEqual(backup.status, 0, "\(backup)")
        XCTAssertTrue(backup.stdout.hasPrefix("\(desk.path) sauvegardé dans \(destination) : "), backup.stdout)
        // verify has no --language: the environment chooses.
        let verified = run(desk, ["verify", destination], ["LANGUAGE": "de"])
        XCTAssertEqual(verified.status, 0, "\(verified)")
        XCTAssertTrue(verified.stdout.hasPrefix("Geprüft: \(destination)\n"), verified.stdout)
        XCTAssertTrue(verified.stdout.contains("\nZeilen: "), verified.stdout)
        XCTAssertTrue(verified.stdout.hasSuffix("Gesund.\n"), verified.stdout)
        let doctor = desk.run(["doctor", "--language", "ja"])
        // A temporary desk is readable by others (exit status 3): the verdict counts it in Japanese.
        XCTAssertTrue(doctor.stdout.hasSuffix(": 終了ステータス \(doctor.status)\n") || doctor.stdout.hasSuffix("正常です。\n"), "\(doctor)")
        XCTAssertFalse(doctor.stdout.contains("exit status"), doctor.stdout)
        let english = desk.runRaw(["verify", destination])
        XCTAssertTrue(english.stdout.hasPrefix("Verified \(destination)\n"), english.stdout)
        XCTAssertTrue(english.stdout.hasSuffix("Healthy.\n"), english.stdout)
        let postgres = desk.runRaw(["backup", desk.file("x.sqlite").path, "--db", "postgresql://desk@localhost/desk", "--language", "es"])
        XCTAssertEqual(postgres.status, 1, "\(postgres)")
        XCTAssertTrue(postgres.stderr.hasPrefix("deskterm: un desk PostgreSQL se respalda con las herramientas de PostgreSQL"), postgres.stderr)
    }

    func testMailSLAAndKnowledgeBaseSpeakTheLanguage() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["kb", "list", "--language", "fr"], user: "bob"), "Aucun article\n")
        assertSucceeded(desk.run(["mail", "queue", "--language", "es"], user: "bob"), "Ningún correo en espera\n")
        assertSucceeded(desk.run(["sla", "counts", "--language", "it"], user: "bob"), "In violazione: 0\nIn scadenza entro un'ora: 0\n")
        assertSucceeded(desk.run(["sla", "counts"], user: "bob"), "Breached: 0\nDue within an hour: 0\n")
        let edit = desk.run(["edit", "1", "--language", "de"], user: "bob")
        XCTAssertEqual(edit.status, 1, "\(edit)")
        XCTAssertEqual(edit.stderr, "deskterm: Geben Sie mindestens ein zu änderndes Feld an: --subject, --description, --kind, --product, --category, --subcategory, --urgency oder --contact\n")
        let help = desk.runRaw(["mail", "notify", "--help", "--language", "pt-BR"])
        XCTAssertTrue(help.stdout.contains("Mostrar ou alterar as notificações que você recebe por e-mail."), help.stdout)
        XCTAssertFalse(help.stdout.contains("Show or change which notifications"), help.stdout)
    }
}
