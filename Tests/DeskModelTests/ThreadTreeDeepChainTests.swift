import Foundation
import XCTest

@testable import DeskModel

/// Opening a long history takes shortcuts: positions by id through a dense table when the ids
/// lie close together, and the recorded rails reused while a chain deepens past the depths a
/// line records. Each must answer exactly as the plain ways do.
final class ThreadTreeDeepChainTests: XCTestCase {
    /// Chains far deeper than `ThreadLine.recordedAncestors`, with replies branching off at
    /// every depth (above and below the recorded ones), notes a customer does not see, and ids
    /// close together (a dense table) or spread out (bisection).
    func testDeepChainsWithBranchesAtEveryDepthThreadAsTheNodeTreeDoes() {
        var random = SeededGenerator(seed: 1315)
        for round in 0..<60 {
            let spacing = MessageID([1, 2, 7, 1_000][round % 4])
            let count = 200 + random.below(300)
            var history: [Message] = []
            for index in 0..<count {
                let id = MessageID(index + 1) * spacing
                // Mostly the previous message (a chain), else any earlier one (a branch).
                let parent: MessageID? = index == 0 ? nil : random.below(12) > 0 ? id - spacing : MessageID(random.below(index) + 1) * spacing
                let kind: MessageKind = random.below(7) == 0 ? .internalNote : .reply
                history.append(Message(
                    id: id, ticketID: 1, kind: kind, authorID: 7, body: "",
                    createdAt: Date(timeIntervalSince1970: Double(index)), inReplyToID: parent))
            }
            for includeNotes in [true, false] {
                let lines = ThreadTree.lines(history, includeInternalNotes: includeNotes)
                XCTAssertEqual(
                    lines, ThreadTree.flatten(ThreadTree.build(history, includeInternalNotes: includeNotes)),
                    "round \(round), notes \(includeNotes)")
                XCTAssertTrue(lines.contains { $0.depth > ThreadLine.recordedAncestors } || !includeNotes, "round \(round): not deep")
            }
        }
    }

    func testPositionsByIDAreThoseOfADictionaryWhateverTheIDs() {
        var random = SeededGenerator(seed: 1316)
        let shapes: [(String, (inout SeededGenerator, Int) -> [MessageID])] = [
            ("consecutive", { _, count in (0..<count).map { MessageID(500 + $0) } }),
            ("close", { random, count in
                var id: MessageID = -40
                return (0..<count).map { _ in id += MessageID(1 + random.below(4)); return id }
            }),
            ("spread", { random, count in
                var id: MessageID = 0
                return (0..<count).map { _ in id += MessageID(1 + random.below(100_000)); return id }
            }),
            ("extremes", { _, count in [MessageID.min, -1, 0, 1, MessageID.max].prefix(count).map { $0 } }),
            ("unordered", { random, count in (0..<count).map { _ in MessageID(random.below(50)) } }),
        ]
        for round in 0..<200 {
            let (shape, make) = shapes[round % shapes.count]
            let ids = make(&random, random.below(60))
            let index = IndexByID(ids)
            var expected: [MessageID: Int] = [:]
            for (position, id) in ids.enumerated() where expected[id] == nil { expected[id] = position }
            let probes = ids + [MessageID.min, MessageID.max, -41, 0, 499, 100_000_000] + ids.map { $0 &+ 1 }
            for id in probes {
                guard let position = index.index(of: id) else {
                    XCTAssertNil(expected[id], "\(shape) round \(round): \(id) not found")
                    continue
                }
                // Repeated ids (only when unordered) may answer any of their positions.
                XCTAssertEqual(ids[position], id, "\(shape) round \(round)")
                if Set(ids).count == ids.count { XCTAssertEqual(position, expected[id], "\(shape) round \(round)") }
            }
        }
    }
}

private extension SeededGenerator {
    mutating func below(_ count: Int) -> Int { count <= 0 ? 0 : Int(next() % UInt64(count)) }
}
