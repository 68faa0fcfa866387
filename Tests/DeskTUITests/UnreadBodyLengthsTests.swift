import DeskModel
import Foundation
import XCTest

@testable import DeskTUI

/// The layout estimates a long ticket's heights through `UnreadBodyLengths`: whatever the ids
/// (close together, spread out, at the ends of the range), it answers as the dictionary does.
final class UnreadBodyLengthsTests: XCTestCase {
    func testLengthsAreThoseOfTheDictionaryWhateverTheIDs() {
        var random = SeededGenerator(seed: 1317)
        func below(_ count: Int) -> Int { count <= 0 ? 0 : Int(random.next() % UInt64(count)) }
        let shapes: [String] = ["consecutive", "close", "spread", "extremes", "empty"]
        for round in 0..<250 {
            let shape = shapes[round % shapes.count]
            let count = below(80)
            var lengths: [MessageID: Int] = [:]
            switch shape {
            case "consecutive":
                for index in 0..<count { lengths[MessageID(9_000 + index)] = below(500) }
            case "close":
                var id: MessageID = -30
                for _ in 0..<count {
                    id += MessageID(1 + below(4))
                    lengths[id] = below(500)
                }
            case "spread":
                for _ in 0..<count { lengths[MessageID(below(1_000_000_000))] = below(500) }
            case "extremes":
                for id in [MessageID.min, -1, 0, 1, MessageID.max].prefix(count) { lengths[id] = below(3) }
            default:
                break
            }
            let table = UnreadBodyLengths(BodyLengths(lengths))
            let probes = Array(lengths.keys) + lengths.keys.map { $0 &+ 1 } + lengths.keys.map { $0 &- 1 }
                + [MessageID.min, MessageID.max, 0, 8_999, -31]
            for id in probes {
                XCTAssertEqual(table[id], lengths[id], "\(shape) round \(round): id \(id)")
            }
        }
    }
}
