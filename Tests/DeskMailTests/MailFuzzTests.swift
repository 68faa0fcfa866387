import Foundation
import XCTest

@testable import DeskMail

/// Mutated mail never crashes the parser, never takes a second, and never grows without
/// bound: real messages from the shared r-help mbox with bytes flipped, cut and repeated, and
/// synthetic MIME built to hurt (deep nesting, huge headers, bad charsets and encodings).
final class MailFuzzTests: XCTestCase {
    /// A fixed seed: a failure is the same failure on every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let sharedMbox = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/r-help-mbox/r-help-2024.mbox").standardizedFileURL

    /// Everything a mailgate does with a mail's bytes: envelope, content, classification,
    /// quoted history. Fails when one message takes a second or more of this thread's processor
    /// time: a hang guard that a loaded machine (other processes, 2 cores) does not trip.
    func parseEverything(_ bytes: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let started = Self.threadProcessorSeconds()
        _ = MailEnvelope.read(bytes, 0..<bytes.count, envelopeDate: Date(timeIntervalSince1970: 0), envelopeSender: nil)
        if case .success(let content) = MailMessage.content(bytes) {
            _ = QuotedHistory.split(content.text)
            XCTAssertLessThanOrEqual(content.text.utf8.count, bytes.count * 4 + 1024, "text grew beyond its input: \(label)", file: file, line: line)
        }
        if let (headers, bodyStart) = MailHeaders.parse(bytes, 0..<bytes.count) {
            _ = MailClassifier.classify(bytes, headers: headers, body: bodyStart..<bytes.count, deskAddress: "support@desk.test")
        }
        let elapsed = Self.threadProcessorSeconds() - started
        XCTAssertLessThan(elapsed, Self.hangLimit, "\(label) took \(elapsed) s of processor time", file: file, line: line)
    }

    /// One second for the shipped (optimised) code; an unoptimised test build runs the same
    /// byte loops several times slower (a 5 MB line took 1.01 s there), so it gets four.
    #if DEBUG
    static let hangLimit: Double = 4
    #else
    static let hangLimit: Double = 1
    #endif

    static func threadProcessorSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    func mutations(of message: [UInt8], using random: inout SplitMix) -> [(String, [UInt8])] {
        guard !message.isEmpty else { return [] }
        var flipped = message
        for _ in 0..<max(1, message.count / 200) {
            flipped[Int.random(in: 0..<flipped.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
        }
        let cut = Array(message.prefix(Int.random(in: 0..<message.count, using: &random)))
        let start = Int.random(in: 0..<message.count, using: &random)
        let piece = message[start..<min(message.count, start + 64)]
        var repeated = message
        repeated.insert(contentsOf: Array(repeating: piece, count: 50).joined(), at: start)
        var noNewlines = message
        noNewlines.removeAll { $0 == UInt8(ascii: "\n") }
        return [("bit flips", flipped), ("truncated", cut), ("repeated piece", repeated), ("no newlines", noNewlines)]
    }

    func testMutatedRHelpMessages() throws {
        guard let data = FileManager.default.contents(atPath: Self.sharedMbox.path) else {
            throw XCTSkip("The shared mail corpus is absent (\(Self.sharedMbox.path))")
        }
        let bytes = [UInt8](data)
        let entries = Mbox.split(bytes).entries
        XCTAssertGreaterThan(entries.count, 100)
        var random = SplitMix(state: 12)
        // Every 7th message keeps the test near a few seconds while covering the corpus' variety.
        for (index, entry) in entries.enumerated() where index % 7 == 0 {
            let message = Mbox.unescaped(bytes, entry.range)
            parseEverything(message, "message \(index)")
            for (kind, mutated) in mutations(of: message, using: &random) {
                parseEverything(mutated, "message \(index), \(kind)")
            }
        }
    }

    func testDeepMultipartNesting() {
        var message = "From: a@example.com\nDate: Fri, 1 Mar 2024 09:00:00 +0000\nSubject: deep\n"
        var closing = ""
        for depth in 0..<2_000 {
            message += "Content-Type: multipart/mixed; boundary=\"b\(depth)\"\n\n--b\(depth)\n"
            closing = "\n--b\(depth)--\n" + closing
        }
        message += "Content-Type: text/plain\n\ninnermost\n" + closing
        parseEverything(Array(message.utf8), "2,000 nested multiparts")
        if case .success(let content) = MailMessage.content(Array(message.utf8)) {
            XCTAssertFalse(content.text.contains("innermost"), "parts below the depth limit are not walked")
        }
    }

    func testHugeHeadersAndLines() {
        let longSubject = "Subject: " + String(repeating: "=?utf-8?B?w6k=?= ", count: 50_000) + "\n"
        let manyFields = String(repeating: "X-Spam: yes\n", count: 100_000)
        let folded = "References:" + String(repeating: "\n <\(UUID().uuidString)@x>", count: 20_000) + "\n"
        let message = "From: a@example.com\nDate: Fri, 1 Mar 2024 09:00:00 +0000\n" + longSubject + manyFields + folded + "\nbody\n"
        parseEverything(Array(message.utf8), "huge headers")
        let oneLine = "From: a@example.com\nSubject: x\n\n" + String(repeating: "a", count: 5_000_000)
        parseEverything(Array(oneLine.utf8), "a 5 MB line")
        let quotes = "From: a@example.com\nSubject: x\n\nnew\n" + String(repeating: "> quoted line\n", count: 200_000)
        parseEverything(Array(quotes.utf8), "200,000 quoted lines")
    }

    func testBadCharsetsAndEncodings() {
        let cases = [
            "Content-Type: text/plain; charset=x-klingon\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n",
            "Content-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: quoted-printable\n\n=FF=FE=00=D8=00\n=\n=Z\n",
            "Content-Type: text/html; charset=iso-2022-jp\n\n<p>\u{1B}$B%F%9%H\u{1B}(B<script>" + String(repeating: "<b>", count: 100_000) + "\n",
            "Content-Type: text/plain; charset*=utf-8''%FF%FE; name*0*=x; name*99999999999=y\n\nx\n",
            "Content-Type: multipart/alternative; boundary=\"\"\n\n--\n--\n",
            "Content-Type: message/rfc822\n\nFrom: inner\nContent-Type: multipart/mixed; boundary=q\n\n--q\n",
            "Subject: =?unknown?Q?=FF=?= =?utf-8?B?####?= =?utf-8?Q?" + String(repeating: "=E9", count: 100_000) + "?=\n\nx\n",
        ]
        for (index, tail) in cases.enumerated() {
            let message = "From: a@example.com\nDate: Fri, 1 Mar 2024 09:00:00 +0000\nMIME-Version: 1.0\n" + tail
            parseEverything(Array(message.utf8), "bad encoding case \(index)")
        }
        var random = SplitMix(state: 99)
        for round in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<4_000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            parseEverything(Array("From: a@example.com\nContent-Type: multipart/mixed; boundary=z\n\n--z\n".utf8) + bytes, "random body \(round)")
        }
    }
}
