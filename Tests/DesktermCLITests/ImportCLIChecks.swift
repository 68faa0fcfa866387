import DeskModel
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// What the import CLI tests check of every run: it succeeded with a JSON summary, and the
/// desk it left passes `doctor`.
extension XCTestCase {
    func importSummary(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) throws -> ImportSummary {
        XCTAssertEqual(result.status, 0, "\(result)", file: file, line: line)
        return try JSONDecoder().decode(ImportSummary.self, from: result.stdoutData)
    }

    func assertDoctorPasses(_ desk: TempDesk, file: StaticString = #filePath, line: UInt = #line) {
        // A desk file others may read is a finding of its own (exit 3); this is about the rows.
        if desk.path.hasPrefix("/") { chmod(desk.path, 0o600) }
        let doctor = desk.run(["doctor"])
        XCTAssertEqual(doctor.status, 0, "\(doctor)", file: file, line: line)
    }
}
