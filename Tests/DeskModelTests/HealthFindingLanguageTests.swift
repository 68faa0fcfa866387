@testable import DeskModel
import Foundation
import XCTest

/// What `doctor` and `verify` find reads in the reader's language; their JSON keeps the English.
final class HealthFindingLanguageTests: XCTestCase {
    private func emptyFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testAFindingReadsInEachLanguageAndEncodesItsEnglish() throws {
        let path = try emptyFile()
        let report = SQLiteHealthCheck.check(path: path, readOnly: true)
        XCTAssertEqual(report.findings.map(\.check), [HealthCheckName.open])
        let detail = try XCTUnwrap(report.findings.first?.detail)
        XCTAssertEqual(detail.englishText, "\(path) is an empty file, not a desk")
        XCTAssertEqual(detail.text(in: .french), "\(path) est un fichier vide, pas un desk")
        XCTAssertEqual(detail.text(in: .japanese), "\(path) は空のファイルで、desk ではありません")
        let json = try XCTUnwrap(String(data: JSONEncoder().encode(report.findings[0]), encoding: .utf8))
        XCTAssertTrue(json.contains(#""detail":"\#(path.replacingOccurrences(of: "/", with: "\\/")) is an empty file, not a desk""#), json)
        XCTAssertTrue(json.contains(#""kind":"couldNotCheck""#), json)
    }

    func testCountedFindingsFollowThePluralRules() {
        XCTAssertEqual(HealthFindingDetail.readMarks(1).englishText, "1 read mark names a message that is not the ticket's, or no time")
        XCTAssertEqual(HealthFindingDetail.readMarks(3).englishText, "3 read marks name a message that is not the ticket's, or no time")
        XCTAssertEqual(HealthFindingDetail.readMarks(0).text(in: .french),
                       "0 marque de lecture désigne un message qui n'est pas celui du ticket, ou aucune heure", "French 0 is singular")
        XCTAssertEqual(HealthFindingDetail.cjkIndex(ofTickets: true, missing: 1, extra: 0).englishText,
                       "the CJK index of tickets lacks 1 row and has 0 that should not be there")
        XCTAssertEqual(HealthFindingDetail.keysFileWritable("/k", keys: 2, mode: "0666").text(in: .german),
                       "/k (2 Schlüssel zu diesem Desk) ist für andere schreibbar (Modus 0666): jeder könnte einen Schlüssel hinzufügen; chmod go-w /k")
        XCTAssertEqual(HealthFindingDetail.counter("open", stored: nil, recount: 2).text(in: .italian),
                       "ticket_count «open» manca, un nuovo conteggio dà 2")
    }

    /// A refused restore lists each finding as `check: detail`, in the reader's language.
    func testTheFindingsOfARefusedRestoreReadInTheReadersLanguage() {
        var report = HealthReport(desk: "b.sqlite")
        report.found(.damaged, HealthCheckName.readMarks, HealthFindingDetail.readMarks(2))
        report.found(.derived, HealthCheckName.counters, HealthFindingDetail.counter("all", stored: 3, recount: 4))
        XCTAssertEqual(report.findingsPhrase.englishText,
                       "readMarks: 2 read marks name a message that is not the ticket's, or no time; counters: ticket_count 'all' is 3, a recount gives 4")
        XCTAssertEqual(report.findingsPhrase.text(in: .spanish),
                       "readMarks: 2 marcas de lectura indican un mensaje que no es del ticket, o ninguna hora; counters: ticket_count «all» vale 3, un recuento da 4")
    }
}
