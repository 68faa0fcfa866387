import DeskModel
import Foundation
import XCTest

final class SHA256StreamTests: XCTestCase {
    func testAnySplitOfTheInputGivesTheOneShotDigest() {
        let data = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let expected = SHA256.digest(data)
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 500, 999, 1000] {
            var stream = SHA256.Stream()
            stream.update(data.prefix(split))
            stream.update(data.dropFirst(split))
            XCTAssertEqual(stream.finish(), expected, "split at \(split)")
        }
        var bytewise = SHA256.Stream()
        for byte in data { bytewise.update([byte]) }
        XCTAssertEqual(bytewise.finish(), expected)
    }

    func testKnownDigests() {
        var empty = SHA256.Stream()
        XCTAssertEqual(empty.hexDigest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var abc = SHA256.Stream()
        abc.update(Data("ab".utf8))
        abc.update(Data("c".utf8))
        XCTAssertEqual(abc.hexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

final class CopyTableHashTests: XCTestCase {
    private func hash(_ rows: [[CopyValue]]) -> String {
        var hash = CopyTableHash()
        hash.add(rows)
        return hash.hexDigest()
    }

    func testSameRowsSameHashWhicheverBatchesTheyCameIn() {
        let rows: [[CopyValue]] = [[.integer(1), .text("a")], [.integer(2), .null], [.integer(3), .bytes(Data([0, 1]))]]
        var batched = CopyTableHash()
        batched.add(Array(rows.prefix(1)))
        batched.add(Array(rows.dropFirst()))
        XCTAssertEqual(batched.rows, 3)
        XCTAssertEqual(batched.hexDigest(), hash(rows))
    }

    func testValuesCannotSlideBetweenColumnsOrRows() {
        XCTAssertNotEqual(hash([[.text("ab"), .text("c")]]), hash([[.text("a"), .text("bc")]]))
        XCTAssertNotEqual(hash([[.text("a")], [.text("b")]]), hash([[.text("a"), .text("b")]]))
        XCTAssertNotEqual(hash([[.null]]), hash([[.text("")]]))
        XCTAssertNotEqual(hash([[.text("")]]), hash([[.bytes(Data())]]))
        XCTAssertNotEqual(hash([[.integer(0)]]), hash([[.null]]))
        XCTAssertNotEqual(hash([[.integer(1)], [.integer(2)]]), hash([[.integer(2)], [.integer(1)]]), "order counts")
    }

    func testEveryCopiedTableHasItsKeyAmongItsColumns() {
        for table in DeskCopyTables.all {
            XCTAssertFalse(table.key.isEmpty, table.name)
            for column in table.key { XCTAssertTrue(table.columnNames.contains(column), "\(table.name).\(column)") }
            if let identity = table.identity { XCTAssertEqual(table.key, [identity], table.name) }
        }
    }
}
