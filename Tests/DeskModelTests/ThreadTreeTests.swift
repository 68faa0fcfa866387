import Foundation
import XCTest

@testable import DeskModel

final class ThreadTreeTests: XCTestCase {
    // MARK: - Ordering and nesting

    func testEmptyHistoryHasNoThreads() {
        XCTAssertEqual(ThreadTree.build([], includeInternalNotes: true), [])
        XCTAssertEqual(ThreadTree.lines([], includeInternalNotes: false), [])
    }

    func testSiblingsAndTopLevelAreChronologicalWithTiesBrokenByID() {
        let root = message(1, at: 0)
        let late = message(2, at: 30, replyTo: 1)
        let tieHigh = message(4, at: 10, replyTo: 1)
        let tieLow = message(3, at: 10, replyTo: 1)
        let laterRoot = message(6, at: 40)
        let tiedRoot = message(5, at: 40)
        let input = [laterRoot, late, tieHigh, root, tiedRoot, tieLow]

        XCTAssertEqual(ThreadTree.build(input, includeInternalNotes: true), [
            node(root, node(tieLow), node(tieHigh), node(late)),
            node(tiedRoot),
            node(laterRoot),
        ])
    }

    func testRepliesNestUnderTheMessageTheyAnswer() {
        let question = message(1, at: 0)
        let answer = message(2, at: 10, replyTo: 1)
        let followUp = message(3, at: 20, replyTo: 2)
        let otherAnswer = message(4, at: 25, replyTo: 1)
        let thanks = message(5, at: 30, replyTo: 3)
        let event = message(6, at: 35, replyTo: 4, kind: .systemEvent)

        XCTAssertEqual(
            ThreadTree.build([thanks, event, otherAnswer, followUp, answer, question],
                             includeInternalNotes: false),
            [node(question, node(answer, node(followUp, node(thanks))), node(otherAnswer, node(event)))])
    }

    func testOrphansBecomeTopLevelInTimeOrder() {
        let first = message(1, at: 0)
        let orphanEarly = message(2, at: 20, replyTo: 99)
        let second = message(5, at: 50)
        let orphanLate = message(3, at: 60, replyTo: 98)
        let replyToOrphan = message(4, at: 70, replyTo: 2)

        XCTAssertEqual(
            ThreadTree.build([replyToOrphan, orphanLate, second, orphanEarly, first],
                             includeInternalNotes: true),
            [node(first), node(orphanEarly, node(replyToOrphan)), node(second), node(orphanLate)])
    }

    // MARK: - Internal notes

    /// One history seen by a customer and by an agent.
    private let noteHistory = [
        message(1, at: 0),
        message(2, at: 10, replyTo: 1, kind: .internalNote),
        message(3, at: 20, replyTo: 2),  // an agent answering the note publicly
        message(4, at: 30, replyTo: 1, kind: .systemEvent),
        message(5, at: 40, replyTo: 2, kind: .internalNote),
    ]

    func testCustomerViewDropsInternalNotesAndLiftsRepliesToThemToTopLevel() {
        let byID = Dictionary(uniqueKeysWithValues: noteHistory.map { ($0.id, $0) })
        XCTAssertEqual(ThreadTree.build(noteHistory, includeInternalNotes: false), [
            node(byID[1]!, node(byID[4]!)),
            node(byID[3]!),
        ])
    }

    func testStaffViewKeepsInternalNotes() {
        let byID = Dictionary(uniqueKeysWithValues: noteHistory.map { ($0.id, $0) })
        XCTAssertEqual(ThreadTree.build(noteHistory, includeInternalNotes: true), [
            node(byID[1]!, node(byID[2]!, node(byID[3]!), node(byID[5]!)), node(byID[4]!)),
        ])
    }

    // MARK: - Bad data

    func testSelfReplyBecomesTopLevel() {
        let selfReply = message(1, at: 0, replyTo: 1)
        let answer = message(2, at: 10, replyTo: 1)
        XCTAssertEqual(ThreadTree.build([answer, selfReply], includeInternalNotes: true),
                       [node(selfReply, node(answer))])
    }

    func testTwoMessageCycleBreaksAtItsEarliestMessageWhateverTheInputOrder() {
        let a = message(1, at: 10, replyTo: 2)
        let b = message(2, at: 20, replyTo: 1)
        let c = message(3, at: 30, replyTo: 2)
        let expected = [node(a, node(b, node(c)))]
        for input in [[a, b, c], [c, b, a], [b, c, a]] {
            XCTAssertEqual(ThreadTree.build(input, includeInternalNotes: true), expected)
        }
    }

    func testThreeMessageCycleBreaksAtItsEarliestMessage() {
        // 10 -> 12 -> 11 -> 10, with 13 hanging off the cycle; 11 is the earliest.
        let x = message(10, at: 50, replyTo: 12)
        let y = message(11, at: 5, replyTo: 10)
        let z = message(12, at: 60, replyTo: 11)
        let tail = message(13, at: 70, replyTo: 12)
        let unrelated = message(14, at: 1)
        XCTAssertEqual(
            ThreadTree.build([x, y, z, tail, unrelated], includeInternalNotes: true),
            [node(unrelated), node(y, node(z, node(x), node(tail)))])
    }

    func testDuplicateIDsKeepTheFirstMessage() {
        let root = message(1, at: 0)
        let original = message(2, at: 10, replyTo: 1, body: "original")
        let duplicate = message(2, at: 5, replyTo: nil, body: "duplicate")
        let reply = message(3, at: 20, replyTo: 2)
        XCTAssertEqual(
            ThreadTree.build([root, original, reply, duplicate, root], includeInternalNotes: true),
            [node(root, node(original, node(reply)))])
    }

    func testDuplicateOfAHiddenNoteDoesNotReachTheCustomer() {
        let root = message(1, at: 0)
        let note = message(2, at: 10, replyTo: 1, kind: .internalNote, body: "note")
        let sameIDReply = message(2, at: 20, replyTo: 1, body: "copy")
        XCTAssertEqual(ThreadTree.build([root, note, sameIDReply], includeInternalNotes: false),
                       [node(root)])
    }

    // MARK: - Size

    func testTenThousandDeepChainNeitherRecursesNorLosesMessages() {
        let depth = 10_000
        // Newest first, so nothing works by accident of input order.
        let chain: [Message] = (0..<depth).reversed().map { (index: Int) -> Message in
            let parent: MessageID? = index == 0 ? nil : MessageID(index - 1)
            return message(MessageID(index), at: TimeInterval(index), replyTo: parent)
        }
        let roots = ThreadTree.build(chain, includeInternalNotes: true)
        XCTAssertEqual(roots.count, 1)

        var levels = 0
        var current: ThreadNode? = roots.first
        while let node = current {
            XCTAssertEqual(node.message.id, MessageID(levels))
            XCTAssertLessThanOrEqual(node.children.count, 1)
            levels += 1
            current = node.children.first
        }
        XCTAssertEqual(levels, depth)

        // Two separately built trees: `==` has to walk all the way down.
        XCTAssertEqual(ThreadTree.build(chain.reversed(), includeInternalNotes: true), roots)

        let lines = ThreadTree.flatten(roots)
        XCTAssertEqual(lines.count, depth)
        XCTAssertEqual(lines.map(\.depth), Array(0..<depth))
        XCTAssertEqual(lines.map(\.message.id), (0..<depth).map { MessageID($0) })
        XCTAssertTrue(lines.allSatisfy(\.isLastSibling))
        XCTAssertTrue(lines.allSatisfy { $0.ancestorsContinue.count == min($0.depth, 32) })
        XCTAssertEqual(lines.last?.ancestorsContinue, Array(repeating: false, count: 32))
    }

    func testDeepLinesRecordOnlyTheShallowAncestorsRails() {
        // A root with two replies; the first starts a 100-deep chain, so every line of the
        // chain has the root's level continuing (toward the second reply) and no other rail.
        var history = [message(0, at: 0), message(1, at: 1, replyTo: 0), message(2, at: 2, replyTo: 0)]
        for index in 3..<103 {
            history.append(message(MessageID(index), at: TimeInterval(index), replyTo: MessageID(index == 3 ? 1 : index - 1)))
        }
        let lines = ThreadTree.lines(history, includeInternalNotes: true)
        XCTAssertEqual(lines.map(\.depth), [0, 1] + Array(2...101) + [1])
        // Recording every ancestor made a chain cost O(n²); 32 levels is more than any view draws.
        XCTAssertEqual(lines.map(\.ancestorsContinue.count), [0, 1] + (2...101).map { min($0, 32) } + [1])
        let deepest = lines[101]
        XCTAssertEqual(deepest.depth, 101)
        XCTAssertEqual(deepest.ancestorsContinue, [false, true] + Array(repeating: false, count: 30))
        XCTAssertTrue(deepest.isLastSibling)
    }

    func testTenThousandLongCycleKeepsEveryMessageOnce() {
        let count = 10_000
        // Each message answers the next one; the last answers the first.
        let ring = (0..<count).map { index in
            message(MessageID(index), at: TimeInterval(index), replyTo: MessageID((index + 1) % count))
        }
        var generator = SplitMix64(seed: 3)
        let lines = ThreadTree.lines(ring.shuffled(using: &generator), includeInternalNotes: true)
        // The earliest message loses its parent; the rest hang below it, newest id first.
        XCTAssertEqual(lines.map(\.message.id), [0] + (1..<count).reversed().map { MessageID($0) })
        XCTAssertEqual(lines.last?.depth, count - 1)
    }

    func testThousandSiblingsStayChronological() {
        let root = message(0, at: 0)
        let replies = (1...1_000).map { index in
            message(MessageID(index), at: TimeInterval(index), replyTo: 0)
        }
        var generator = SplitMix64(seed: 7)
        let roots = ThreadTree.build([root] + replies.shuffled(using: &generator),
                                     includeInternalNotes: true)
        XCTAssertEqual(roots, [ThreadNode(message: root, children: replies.map { node($0) })])

        let lines = ThreadTree.flatten(roots)
        XCTAssertEqual(lines.count, 1_001)
        XCTAssertEqual(lines.filter(\.isLastSibling).map(\.message.id), [0, 1_000])
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.depth == 1 && $0.ancestorsContinue == [false] })
    }

    func testRandomHistoriesKeepEveryMessageOnceAndIgnoreInputOrder() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 1...60, using: &generator)
            let history = (0..<count).map { index in
                message(
                    MessageID(index), at: TimeInterval(Int.random(in: 0...20, using: &generator)),
                    // Some answer missing ids, some form cycles, some answer themselves.
                    replyTo: Bool.random(using: &generator)
                        ? MessageID(Int.random(in: 0...(count + 3), using: &generator)) : nil,
                    kind: Int.random(in: 0..<4, using: &generator) == 0 ? .internalNote : .reply)
            }
            for staff in [true, false] {
                let roots = ThreadTree.build(history, includeInternalNotes: staff)
                let visible = history.filter { staff || $0.kind != .internalNote }
                let parents = parentByID(roots)
                XCTAssertEqual(parents.count, visible.count)
                XCTAssertEqual(Set(parents.map(\.id)), Set(visible.map(\.id)))
                for (id, parent) in parents {
                    // Only a message's own In-Reply-To can make it a child.
                    if let parent {
                        XCTAssertEqual(history.first { $0.id == id }?.inReplyToID, parent)
                    }
                }
                XCTAssertEqual(
                    ThreadTree.build(history.shuffled(using: &generator), includeInternalNotes: staff),
                    roots)
            }
        }
    }

    // MARK: - Flatten

    func testFlattenGivesDepthLastSiblingAndContinuingAncestors() {
        // 1
        // ├─ 2
        // │  ├─ 3
        // │  └─ 4
        // │     └─ 5
        // └─ 6
        // 7
        // └─ 8
        let m = (1...8).map { message(MessageID($0), at: TimeInterval($0)) }
        let roots = [
            node(m[0], node(m[1], node(m[2]), node(m[3], node(m[4]))), node(m[5])),
            node(m[6], node(m[7])),
        ]
        XCTAssertEqual(ThreadTree.flatten(roots), [
            ThreadLine(message: m[0], depth: 0, isLastSibling: false, ancestorsContinue: []),
            ThreadLine(message: m[1], depth: 1, isLastSibling: false, ancestorsContinue: [true]),
            ThreadLine(message: m[2], depth: 2, isLastSibling: false, ancestorsContinue: [true, true]),
            ThreadLine(message: m[3], depth: 2, isLastSibling: true, ancestorsContinue: [true, true]),
            ThreadLine(message: m[4], depth: 3, isLastSibling: true,
                       ancestorsContinue: [true, true, false]),
            ThreadLine(message: m[5], depth: 1, isLastSibling: true, ancestorsContinue: [true]),
            ThreadLine(message: m[6], depth: 0, isLastSibling: true, ancestorsContinue: []),
            ThreadLine(message: m[7], depth: 1, isLastSibling: true, ancestorsContinue: [false]),
        ])
    }

    func testLinesIsFlattenOfBuild() {
        XCTAssertEqual(
            ThreadTree.lines(noteHistory, includeInternalNotes: false),
            ThreadTree.flatten(ThreadTree.build(noteHistory, includeInternalNotes: false)))
        XCTAssertEqual(
            ThreadTree.lines(noteHistory, includeInternalNotes: true).map(\.message.id), [1, 2, 3, 5, 4])
    }

    // MARK: - Real data

    /// The R-help list archive of 2024 (see ../shared/data/MANIFEST.md): threads built from
    /// the mail headers must match what the In-Reply-To headers say, computed separately here.
    func testRHelpArchiveThreadsFollowInReplyToHeaders() throws {
        let dataDirectory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DeskModelTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("../shared/data").standardizedFileURL
        guard FileManager.default.fileExists(atPath: dataDirectory.path) else {
            throw XCTSkip("shared test data not found at \(dataDirectory.path)")
        }
        let mbox = dataDirectory.appendingPathComponent("r-help-mbox/r-help-2024.mbox")
        let mails = parseMbox(String(decoding: try Data(contentsOf: mbox), as: UTF8.self))
        XCTAssertEqual(mails.count, 774, "MANIFEST.md counts 774 messages")

        // Mail ids become sequential message ids; a repeated Message-ID means its first mail.
        var idByMailID: [String: MessageID] = [:]
        for (index, mail) in mails.enumerated() where mail.messageID != nil {
            if idByMailID[mail.messageID!] == nil { idByMailID[mail.messageID!] = MessageID(index + 1) }
        }
        var expectedParent: [MessageID: MessageID] = [:]
        var messages: [Message] = []
        for (index, mail) in mails.enumerated() {
            let id = MessageID(index + 1)
            let parent = mail.inReplyTo.flatMap { idByMailID[$0] }
            if let parent { expectedParent[id] = parent }
            messages.append(Message(
                id: id, ticketID: 1, kind: .reply, authorID: nil, body: mail.subject,
                createdAt: try XCTUnwrap(mail.date, "envelope date of mail \(index + 1)"),
                inReplyToID: parent))
        }
        let expectedRootCount = mails.filter { mail in
            mail.inReplyTo.flatMap { idByMailID[$0] } == nil
        }.count

        let roots = ThreadTree.build(messages, includeInternalNotes: false)
        XCTAssertEqual(roots.count, expectedRootCount)

        let parents = parentByID(roots)
        XCTAssertEqual(parents.map(\.id).sorted(), messages.map(\.id), "every message exactly once")
        for (id, parent) in parents {
            XCTAssertEqual(parent, expectedParent[id], "parent of message \(id)")
        }

        // Siblings oldest first.
        let createdAt = Dictionary(uniqueKeysWithValues: messages.map { ($0.id, $0.createdAt) })
        var pending = roots
        while let node = pending.popLast() {
            let times = node.children.map { createdAt[$0.message.id]! }
            XCTAssertEqual(times, times.sorted(), "replies to message \(node.message.id)")
            pending.append(contentsOf: node.children)
        }

        // The deepest reply chain, found by walking In-Reply-To links up from every message.
        var deepest = 0
        for message in messages {
            var depth = 0
            var current = message.id
            while let parent = expectedParent[current], depth <= messages.count {
                depth += 1
                current = parent
            }
            deepest = max(deepest, depth)
        }
        let lines = ThreadTree.flatten(roots)
        XCTAssertEqual(lines.count, messages.count)
        XCTAssertEqual(lines.map(\.depth).max(), deepest)
        XCTAssertGreaterThan(deepest, 1)
    }
}

// MARK: - Helpers

private func message(
    _ id: MessageID, at seconds: TimeInterval, replyTo parent: MessageID? = nil,
    kind: MessageKind = .reply, body: String? = nil
) -> Message {
    Message(id: id, ticketID: 1, kind: kind, authorID: kind == .systemEvent ? nil : 7,
            body: body ?? "message \(id)", createdAt: Date(timeIntervalSince1970: seconds),
            inReplyToID: parent)
}

private func node(_ message: Message, _ children: ThreadNode...) -> ThreadNode {
    ThreadNode(message: message, children: children)
}

/// Every message in the tree with the id of the node above it (nil at top level),
/// in pre-order; walked with a stack so deep trees are fine.
private func parentByID(_ roots: [ThreadNode]) -> [(id: MessageID, parent: MessageID?)] {
    var result: [(id: MessageID, parent: MessageID?)] = []
    var pending: [(node: ThreadNode, parent: MessageID?)] = roots.reversed().map { ($0, nil) }
    while let (node, parent) = pending.popLast() {
        result.append((node.message.id, parent))
        pending.append(contentsOf: node.children.reversed().map { ($0, node.message.id) })
    }
    return result
}

/// Just enough of an mbox reader for the threading facts: the envelope date and three headers.
private struct Mail {
    var date: Date?
    var subject = ""
    var messageID: String?
    var inReplyTo: String?
}

private func parseMbox(_ text: String) -> [Mail] {
    // Envelope lines look like "From someone  Wed Jan  3 13:26:16 2024" (asctime, UTC).
    let envelopeDate = DateFormatter()
    envelopeDate.locale = Locale(identifier: "en_US_POSIX")
    envelopeDate.timeZone = TimeZone(identifier: "UTC")
    envelopeDate.dateFormat = "EEE MMM d HH:mm:ss yyyy"

    var mails: [Mail] = []
    var headers: [String] = []
    var inHeaders = false

    func finishHeaders() {
        guard !mails.isEmpty else { return }
        for header in headers {
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = header[..<colon].lowercased()
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "subject": mails[mails.count - 1].subject = value
            case "message-id": mails[mails.count - 1].messageID = firstAngleBracketed(value)
            case "in-reply-to": mails[mails.count - 1].inReplyTo = firstAngleBracketed(value)
            default: break
            }
        }
        headers = []
    }

    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("From ") {
            finishHeaders()
            let words = line.split(separator: " ")
            let stamp = words.suffix(5).joined(separator: " ")
            mails.append(Mail(date: envelopeDate.date(from: stamp)))
            inHeaders = true
        } else if inHeaders {
            if line.isEmpty {
                finishHeaders()
                inHeaders = false
            } else if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                headers.append(String(line))
            }
        }
    }
    finishHeaders()
    return mails
}

/// "<abc@host> (Someone's message of ...)" -> "<abc@host>".
private func firstAngleBracketed(_ value: String) -> String? {
    guard let open = value.firstIndex(of: "<"),
          let close = value[open...].firstIndex(of: ">") else { return nil }
    return String(value[open...close])
}

/// A small seeded generator so shuffles and random histories repeat from run to run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
