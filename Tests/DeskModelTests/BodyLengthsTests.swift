import XCTest
@testable import DeskModel

/// `BodyLengths` answers, counts, lists and compares as a dictionary of the same lengths does,
/// through any mix of reads taking bodies out and lengths put back.
final class BodyLengthsTests: XCTestCase {
    func testItBehavesAsADictionaryThroughRandomChanges() {
        var random = SeededGenerator(seed: 4_451)
        func below(_ count: Int) -> Int { Int(random.next() % UInt64(max(1, count))) }
        for round in 0..<300 {
            let count = below(60)
            // Rising ids as the outline reads them, or any order with repeats (then the first counts).
            var ids: [MessageID] = []
            var next = MessageID(below(50)) - 25
            for _ in 0..<count {
                next += MessageID(1 + below(3))
                ids.append(next)
            }
            if round.isMultiple(of: 3) { ids = ids.map { _ in MessageID(below(40)) - 20 } }
            let lengths = ids.map { _ in below(400) }
            var model: [MessageID: Int] = [:]
            for (id, length) in zip(ids, lengths) where model[id] == nil { model[id] = length }
            var table = BodyLengths(ids: ids, lengths: lengths)
            XCTAssertEqual(table, BodyLengths(model), "round \(round)")

            for step in 0..<40 {
                let id = MessageID(below(120)) - 40
                switch below(3) {
                case 0:
                    table[id] = nil
                    model[id] = nil
                case 1:
                    let length = below(400)
                    table[id] = length
                    model[id] = length
                default:
                    XCTAssertEqual(table[id], model[id], "round \(round) step \(step): id \(id)")
                }
                XCTAssertEqual(table.count, model.count)
                XCTAssertEqual(table.isEmpty, model.isEmpty)
            }
            XCTAssertEqual(table.keys, model.keys.sorted(), "round \(round)")
            XCTAssertEqual(table.values, model.keys.sorted().map { model[$0]! })
            var visited: [(MessageID, Int)] = []
            table.forEach { visited.append(($0, $1)) }
            XCTAssertEqual(visited.map(\.0), table.keys)
            XCTAssertEqual(visited.map(\.1), table.values)
            XCTAssertEqual(table, BodyLengths(model), "equal whatever was taken out on the way")
            var fewer = model
            for id in model.keys where below(2) == 0 { fewer[id] = nil }
            XCTAssertTrue(BodyLengths(fewer).isSubset(of: table))
            XCTAssertEqual(table.isSubset(of: BodyLengths(fewer)), fewer.count == model.count)
            var other = fewer
            other[MessageID(1_000 + below(10))] = 1
            XCTAssertFalse(BodyLengths(other).isSubset(of: table))
            if let some = model.keys.first {
                var other = model
                other[some]! += 1
                XCTAssertNotEqual(table, BodyLengths(other))
                other[some] = nil
                XCTAssertNotEqual(table, BodyLengths(other))
            }
        }
    }

    func testALiteralIsTheDictionaryItWrites() {
        let table: BodyLengths = [5: 9, 3: 0, 8: 120]
        XCTAssertEqual(table.keys, [3, 5, 8])
        XCTAssertEqual(table.values, [0, 9, 120])
        XCTAssertEqual(table[4], nil)
        XCTAssertEqual(table.description, "[3: 0, 5: 9, 8: 120]")
        XCTAssertEqual(BodyLengths().description, "[:]")
        XCTAssertEqual(BodyLengths(), [:])
    }
}
