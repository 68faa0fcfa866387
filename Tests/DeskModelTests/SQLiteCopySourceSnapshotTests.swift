import DeskModel
import Foundation
import XCTest

/// A SQLite desk is read for copying as of one moment, even while another process writes it.
final class SQLiteCopySourceSnapshotTests: XCTestCase {
    func testEveryTableIsReadAsOfTheMomentTheSourceWasOpened() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copy-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("desk.sqlite").path
        _ = try DemoDesk.build(path: path, tickets: 5, seed: 1, now: Date(timeIntervalSince1970: 1_790_000_000))
        let settings = try XCTUnwrap(DeskCopyTables.all.first { $0.name == "desk_setting" })
        func hash(_ source: any DeskCopySource) throws -> String {
            var hash = CopyTableHash()
            try source.readRows(settings) { hash.add($0) }
            return hash.hexDigest()
        }

        let source = try DeskCopyEndpoints.source(.sqlite(path: path))
        let before = try hash(source)
        let store = try Desk.open(address: path)
        var changed = try store.settings()
        changed.name = "Renamed while copying"
        try store.updateSettings(changed)

        XCTAssertEqual(try hash(source), before)
        XCTAssertNotEqual(try hash(DeskCopyEndpoints.source(.sqlite(path: path))), before)
    }
}
