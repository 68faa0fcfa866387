import Foundation
import XCTest

@testable import DeskModel

/// `ThreadTree.lines` threads over flat integer arrays; `flatten(build(...))` is the plain
/// node-by-node construction. On any history, however wrong its data, they must agree.
final class ThreadTreeCompactTests: XCTestCase {
    func testLinesEqualTheNodeTreeOnRandomDamagedHistories() {
        var random = SeededGenerator(seed: 15)
        for round in 0..<3000 {
            let history = damagedHistory(&random, count: random.below(40))
            for includeNotes in [true, false] {
                XCTAssertEqual(
                    ThreadTree.lines(history, includeInternalNotes: includeNotes),
                    ThreadTree.flatten(ThreadTree.build(history, includeInternalNotes: includeNotes)),
                    "round \(round), notes \(includeNotes)")
            }
        }
    }

    /// Storage's shape: ids rising with time, each reply answering an earlier message; the
    /// fast paths (no id set, bisection, no cycle search) are the ones taken here.
    func testLinesEqualTheNodeTreeOnRandomStoredHistories() {
        var random = SeededGenerator(seed: 16)
        for round in 0..<300 {
            let count = random.below(400)
            var history: [Message] = []
            for id in 0..<MessageID(count) {
                let parent = id > 0 && random.below(4) > 0 ? MessageID(random.below(Int(id))) : nil
                history.append(message(id * 3 + 1, at: Double(id / 2), replyTo: parent.map { $0 * 3 + 1 }, kind: randomKind(&random)))
            }
            for includeNotes in [true, false] {
                XCTAssertEqual(
                    ThreadTree.lines(history, includeInternalNotes: includeNotes),
                    ThreadTree.flatten(ThreadTree.build(history, includeInternalNotes: includeNotes)),
                    "round \(round), notes \(includeNotes)")
            }
        }
    }

    func testALongReplyChainWithSideBranchesThreadsAlike() {
        var history: [Message] = []
        for id: MessageID in 1...6000 {
            history.append(message(id, at: Double(id), replyTo: id > 1 ? id - 1 : nil))
        }
        for id: MessageID in 6001...6100 {
            history.append(message(id, at: Double(id), replyTo: (id * 37) % 6000 + 1))
        }
        let lines = ThreadTree.lines(history, includeInternalNotes: true)
        XCTAssertEqual(lines, ThreadTree.flatten(ThreadTree.build(history, includeInternalNotes: true)))
        XCTAssertEqual(lines.count, 6100)
    }

    /// Ids from a small range (so some repeat), times with ties, parents that are missing, the
    /// message itself or later messages (cycles), any kind, any input order.
    private func damagedHistory(_ random: inout SeededGenerator, count: Int) -> [Message] {
        (0..<count).map { _ in
            let id = MessageID(random.below(30))
            let parent: MessageID? = random.below(5) == 0 ? nil : MessageID(random.below(34))
            return message(id, at: Double(random.below(12)), replyTo: parent, kind: randomKind(&random))
        }
    }

    private func randomKind(_ random: inout SeededGenerator) -> MessageKind {
        [MessageKind.reply, .reply, .internalNote, .systemEvent][random.below(4)]
    }

    private func message(_ id: MessageID, at seconds: TimeInterval, replyTo parent: MessageID? = nil, kind: MessageKind = .reply) -> Message {
        Message(id: id, ticketID: 1, kind: kind, authorID: kind == .systemEvent ? nil : 7,
                body: "message \(id) at \(seconds)", createdAt: Date(timeIntervalSince1970: seconds), inReplyToID: parent)
    }
}

private extension SeededGenerator {
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }
}
