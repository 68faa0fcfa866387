import Foundation
import GRDB
import XCTest

@testable import DeskModel

/// Imports of the real data in `../shared/data`, checked against what the files hold,
/// computed here independently of the importer (plain string handling, Foundation's date
/// formatters and JSON parser).
final class ImportDataTests: XCTestCase {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data").standardizedFileURL

    /// 2025-06-01: every thread of both files is older than 30 days.
    let now = Date(timeIntervalSince1970: 1_748_736_000)
    var directory: URL!

    override func setUpWithError() throws {
        try SQLiteOnlyTests.skipUnlessSQLite(self)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-import-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func dataFile(_ relative: String) throws -> String {
        let url = Self.dataDirectory.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("The shared test data is absent (\(url.path)); these tests read ../shared/data next to the project")
        }
        return url.path
    }

    func newStore() throws -> Desk {
        try Desk.open(address: directory.appendingPathComponent("desk-\(UUID().uuidString).sqlite").path, clock: .fixed(now), create: true)
    }

    /// What the desk holds per imported message: external id -> (ticket, message row or nil
    /// for the description, author email, author name, created, body, parent external id).
    struct Stored {
        var ticket: Int64
        var message: Int64?
        var email: String
        var name: String
        var role: String
        var created: Date
        var body: String
        var parent: String?
    }

    func stored(_ store: Desk) throws -> [String: Stored] {
        try store.sqliteStore!.pool.read { db in
            var result: [String: Stored] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.external_id, s.ticket_id, s.message_id,
                    COALESCE(mu.email, tu.email) AS email, COALESCE(mu.name, tu.name) AS name, COALESCE(mu.role, tu.role) AS role,
                    COALESCE(m.created_at, t.created_at) AS created, COALESCE(m.body, t.description) AS body,
                    ps.external_id AS parent
                FROM import_source s
                JOIN ticket t ON t.id = s.ticket_id
                LEFT JOIN message m ON m.id = s.message_id
                LEFT JOIN user mu ON mu.id = m.author_id
                LEFT JOIN user tu ON tu.id = t.requester_id
                LEFT JOIN import_source ps ON ps.message_id = m.in_reply_to_id AND m.in_reply_to_id IS NOT NULL
                """)
            for row in rows {
                result[row["external_id"]] = Stored(
                    ticket: row["ticket_id"], message: row["message_id"], email: row["email"], name: row["name"], role: row["role"],
                    created: Date(timeIntervalSince1970: TimeInterval(row["created"] as Int64)), body: row["body"], parent: row["parent"])
            }
            return result
        }
    }

    // MARK: - r-help mbox

    struct RawMail {
        var headers: [String: String] = [:]
        var body = ""
    }

    /// The mbox read with plain string handling: a separator is a line `From ... YYYY`.
    func readMbox(_ path: String) throws -> [RawMail] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var mails: [RawMail] = []
        var current: [Substring]?
        func finish() {
            guard var lines = current else { return }
            if lines.last == "" { lines.removeLast() } // the blank line before the next From
            var mail = RawMail()
            var index = 0
            var lastName: String?
            while index < lines.count, !lines[index].isEmpty {
                let line = lines[index]
                if line.first == " " || line.first == "\t", let name = lastName {
                    mail.headers[name]! += line
                } else if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].lowercased()
                    if mail.headers[name] == nil {
                        mail.headers[name] = String(line[line.index(after: colon)...].drop { $0 == " " })
                        lastName = name
                    } else {
                        lastName = nil
                    }
                }
                index += 1
            }
            let body = lines.dropFirst(index + 1).map { line -> String in
                // mboxrd: one `>` less before `From `.
                if line.hasPrefix(">"), line.drop(while: { $0 == ">" }).hasPrefix("From ") { return String(line.dropFirst()) }
                return String(line)
            }
            mail.body = body.joined(separator: "\n")
            mails.append(mail)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("From "), line.range(of: #" \d{4}$"#, options: .regularExpression) != nil {
                finish()
                current = []
            } else {
                current?.append(line)
            }
        }
        finish()
        return mails
    }

    /// The documented body rule: no blank lines at the start, no white space at the end.
    func expectedBody(_ body: String) -> String {
        var lines = body.components(separatedBy: "\n")
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty, lines.count > 1 { lines.removeFirst() }
        var text = lines.joined(separator: "\n")
        while let last = text.last, last == " " || last == "\n" || last == "\t" { text.removeLast() }
        return text
    }

    func ids(_ value: String?) -> [String] {
        guard let value else { return [] }
        let regex = try! NSRegularExpression(pattern: "<[^>]+>")
        return regex.matches(in: value, range: NSRange(value.startIndex..., in: value)).map {
            String(value[Range($0.range, in: value)!]).replacingOccurrences(of: " ", with: "")
        }
    }

    func subjectKey(_ subject: String) -> (key: String, isReply: Bool) {
        var text = subject.components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
        var isReply = false
        while true {
            let before = text
            if let range = text.range(of: #"^\[[^\]\[]{0,40}\]\s*"#, options: .regularExpression) { text.removeSubrange(range) }
            if let range = text.range(of: #"^(?i:re|aw|sv|vs|antw|rif|ref|odp|res)\s*:\s*"#, options: .regularExpression) {
                text.removeSubrange(range)
                isReply = true
            }
            if let range = text.range(of: #"^(?i:fwd|fw|wg|tr)\s*:\s*"#, options: .regularExpression) { text.removeSubrange(range) }
            if let range = text.range(of: #"^Subject:\s*"#, options: .regularExpression) { text.removeSubrange(range) }
            if text == before { break }
        }
        return (text.lowercased(), isReply)
    }

    func rfc5322(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z"] {
            formatter.dateFormat = format
            let cleaned = text.replacingOccurrences(of: #"\s*\([^)]*\)\s*$"#, with: "", options: .regularExpression)
            if let date = formatter.date(from: cleaned) { return date }
        }
        return nil
    }

    func testRHelpMailingListImportsWithItsThreads() throws {
        let path = try dataFile("r-help-mbox/r-help-2024.mbox")
        var mails = try readMbox(path)
        XCTAssertEqual(mails.count, 774)
        // One copy of each message.
        var seen = Set<String>()
        mails = mails.filter { seen.insert(ids($0.headers["message-id"]).first!).inserted }
        XCTAssertEqual(mails.count, 772)

        // Threads, independently: messages connected by Message-ID / In-Reply-To / References
        // (through missing ancestors too); then a thread whose root names a missing parent or
        // says "Re:" joins the latest earlier thread with the same subject active within 90 days.
        let id = mails.map { ids($0.headers["message-id"]).first! }
        let refs = mails.map { ids($0.headers["in-reply-to"]) + ids($0.headers["references"]).reversed() }
        let date = try mails.map { mail in try XCTUnwrap(rfc5322(mail.headers["date"]!), mail.headers["date"]!) }
        var group = Array(mails.indices)
        func find(_ i: Int) -> Int { var i = i; while group[i] != i { i = group[i] }; return i }
        var holder: [String: Int] = [:]
        for index in mails.indices {
            for key in [id[index]] + refs[index] {
                if let other = holder[key] {
                    let (a, b) = (find(other), find(index))
                    if a != b { group[max(a, b)] = min(a, b) }
                } else {
                    holder[key] = index
                }
            }
        }
        var threads: [[Int]] = Dictionary(grouping: mails.indices, by: find).values.map { $0 }
        func root(_ members: [Int]) -> Int {
            let inThread = Set(members.map { id[$0] })
            let parentless = members.filter { member in !refs[member].contains { $0 != id[member] && inThread.contains($0) } }
            return (parentless.isEmpty ? members : parentless).min { (date[$0], $0) < (date[$1], $1) }!
        }
        threads.sort { (date[root($0)], root($0)) < (date[root($1)], root($1)) }
        var merged: [[Int]] = []
        var latest: [String: Int] = [:]
        for members in threads {
            let first = root(members)
            let subject = subjectKey(mails[first].headers["subject"] ?? "")
            let orphan = !refs[first].isEmpty || subject.isReply
            if orphan, !subject.key.isEmpty, let target = latest[subject.key],
               merged[target].map({ date[$0] }).max()! >= date[first].addingTimeInterval(-90 * 86_400) {
                merged[target] += members
                continue
            }
            if !subject.key.isEmpty { latest[subject.key] = merged.count }
            merged.append(members)
        }

        let store = try newStore()
        let summary = try DeskImport.mbox([path], into: store, options: ImportOptions(now: now))
        XCTAssertEqual(summary.read, 774)
        XCTAssertEqual(summary.duplicates, 2)
        XCTAssertEqual(summary.skipped, [])
        XCTAssertEqual(summary.messages, 772)
        XCTAssertEqual(summary.tickets, merged.count)
        let sizes = merged.map(\.count).sorted(by: >)
        print("r-help: \(merged.count) threads, \(merged.filter { $0.count > 1 }.count) with replies, longest \(sizes[0]); \(Int(summary.messagesPerSecond)) messages/s")

        let desk = try stored(store)
        XCTAssertEqual(desk.count, 772)
        // Same threads: every expected thread is exactly one ticket.
        var ticketOf: [Int: Int64] = [:]
        for members in merged {
            let tickets = Set(members.map { desk[id[$0]]!.ticket })
            XCTAssertEqual(tickets.count, 1, "thread of \(id[members[0]]) spans tickets \(tickets)")
            ticketOf[members[0]] = tickets.first
        }
        XCTAssertEqual(Set(ticketOf.values).count, merged.count)
        let ticketSizes = Dictionary(grouping: desk.values, by: \.ticket).values.map(\.count).sorted(by: >)
        XCTAssertEqual(ticketSizes, sizes)

        // The root of each thread is the description; every other message a reply whose parent
        // is the nearest ancestor it names in the same thread (none when that is the root).
        for members in merged {
            let first = root(members)
            XCTAssertNil(desk[id[first]]!.message, "root \(id[first])")
            let inThread = Set(members.map { id[$0] })
            for member in members where member != first {
                let stored = desk[id[member]]!
                XCTAssertNotNil(stored.message)
                let expected = refs[member].first { $0 != id[member] && inThread.contains($0) }
                XCTAssertEqual(stored.parent, expected == id[first] ? nil : expected, "parent of \(id[member])")
            }
        }

        // Authors and dates of every message. The list archive writes `address (Name)` or
        // `Name <address>`, with three obfuscations of the address: ` at `, and ` @end|ng |rom `
        // or ` m@iii@g oii ` where dots in the domain became `@`.
        func author(_ from: String) -> (address: String, name: String) {
            var address: String, name: String
            if let open = from.firstIndex(of: "<") {
                name = from[..<open].trimmingCharacters(in: .whitespaces)
                address = String(from[from.index(after: open)...].prefix { $0 != ">" && $0 != "<" })
            } else {
                let open = from.range(of: " (")!
                address = String(from[..<open.lowerBound])
                name = String(from[open.upperBound...].trimmingCharacters(in: .whitespaces).dropLast())
            }
            for (marker, dots) in [(" @end|ng |rom ", true), (" m@iii@g oii ", true), (" at ", false)] {
                let parts = address.components(separatedBy: marker)
                if parts.count == 2 {
                    address = parts[0] + "@" + (dots ? parts[1].replacingOccurrences(of: "@", with: ".") : parts[1])
                    break
                }
            }
            return (address.replacingOccurrences(of: " ", with: ""), name)
        }
        var namesByEmail: [String: Set<String>] = [:]
        for (index, mail) in mails.enumerated() {
            let stored = desk[id[index]]!
            let (address, name) = author(mail.headers["from"]!)
            XCTAssertEqual(stored.email, address, mail.headers["from"]!)
            XCTAssertEqual(stored.role, "customer")
            XCTAssertEqual(stored.created, date[index], id[index])
            namesByEmail[address, default: []].insert(name.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        // Names: each user has the name one of their messages gave (decoded when encoded).
        for index in mails.indices {
            let stored = desk[id[index]]!
            let names = namesByEmail[stored.email]!
            if names.contains(where: { $0.contains("=?") || $0.contains("\"") }) {
                XCTAssertFalse(stored.name.contains("=?"), stored.name)
            } else {
                XCTAssertTrue(names.contains(stored.name), "\(stored.name) not in \(names)")
            }
        }
        // Bodies byte for byte, for a sample of one message in five and every root.
        var compared = 0
        for (index, mail) in mails.enumerated() where index % 5 == 0 || desk[id[index]]!.message == nil {
            XCTAssertEqual(desk[id[index]]!.body, expectedBody(mail.body), "body of \(id[index])")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 250)
        // Everything in 2024 is older than 30 days on 2025-06-01.
        XCTAssertEqual(try store.sqliteStore!.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT status FROM ticket") }, ["closed"])

        // Importing it again adds nothing.
        let again = try DeskImport.mbox([path], into: store, options: ImportOptions(now: now))
        XCTAssertEqual(again.messages, 0)
        XCTAssertEqual(again.tickets, 0)
        XCTAssertEqual(again.alreadyPresent, 772)
    }

    // MARK: - IBM customer-care conversations

    func testIBMTwitterConversationsImportAsTheyAre() throws {
        let path = try dataFile("ibm-twitter-care/threads_dev_test.jsonl")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let conversations = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(conversations.count, 1025)
        let turnCount = conversations.reduce(0) { $0 + ($1["turns"] as! [Any]).count }
        XCTAssertEqual(turnCount, 2350)

        let store = try newStore()
        let summary = try DeskImport.json([path], into: store, options: ImportOptions(fieldMap: ["product": "company"], now: now))
        print("IBM: \(summary.tickets) tickets, \(summary.messages) messages; \(Int(summary.messagesPerSecond)) messages/s")
        XCTAssertEqual(summary.skipped, [])
        let anonymous = conversations.reduce(0) { $0 + ($1["turns"] as! [[String: Any]]).filter { $0["author"] is NSNull }.count }
        XCTAssertEqual(summary.warnings.filter { $0.reason.contains("has no author") }.count, anonymous)
        let durationWarnings = summary.warnings.filter { $0.reason.contains("ends before the turns it covers") }.count
        XCTAssertEqual(summary.tickets, 1025)
        XCTAssertEqual(summary.messages, 2350)
        let desk = try stored(store)
        XCTAssertEqual(desk.count, 2350)

        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var agents = Set<String>()
        var negativeDurations = 0
        var unusableDurations = 0
        for conversation in conversations {
            let session = conversation["session_id"] as! String
            let turns = conversation["turns"] as! [[String: Any]]
            XCTAssertEqual(turns.count, conversation["message_count"] as? Int)
            let started = iso.date(from: conversation["started"] as! String)!
            // The last turn, which has no time, ends the conversation (started + duration) unless
            // that would be before the turns it covers: 38 durations are negative ("-12:14:20.")
            // and others lost their days. It is then dated like the turn before it.
            let duration = conversation["duration"] as! String
            let dayParts = duration.trimmingCharacters(in: CharacterSet(charactersIn: "-")).components(separatedBy: "-")
            let days = dayParts.count == 2 ? Double(dayParts[0])! : 0 // one reads "6-01:08:11"
            let parts = dayParts.last!.split(separator: ":").map { Double($0.hasSuffix(".") ? String($0.dropLast()) : String($0))! }
            let earlier = turns.dropLast().compactMap { ($0["datetime"] as? String).flatMap { iso.date(from: $0) } }
            let candidate = started.addingTimeInterval(days * 86_400 + parts[0] * 3600 + parts[1] * 60 + parts[2])
            let usable = !duration.hasPrefix("-") && earlier.allSatisfy { candidate >= $0 }
            let ended = usable ? candidate : (earlier.last ?? started)
            if !usable { unusableDurations += 1 }
            if duration.hasPrefix("-") { negativeDurations += 1 }
            var previous: String?
            var ticket: Int64?
            for (index, turn) in turns.enumerated() {
                let key = "json:\(session)#\(index + 1)"
                let stored = try XCTUnwrap(desk[key], key)
                if let ticket { XCTAssertEqual(stored.ticket, ticket) } else { ticket = stored.ticket }
                XCTAssertEqual(stored.message == nil, index == 0)
                XCTAssertEqual(stored.name, turn["author"] as? String ?? "Unknown \(turn["role"] as! String)")
                XCTAssertEqual(stored.role, (turn["role"] as! String) == "agent" ? "agent" : "customer")
                if stored.role == "agent" { agents.insert(stored.name) }
                // A turn without a time is the conversation's last (started + duration).
                let time = (turn["datetime"] as? String).flatMap { iso.date(from: $0) } ?? (index == turns.count - 1 ? ended : nil)
                XCTAssertEqual(stored.created, time.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }, key)
                XCTAssertEqual(stored.body, expectedBody(turn["text"] as! String), key)
                // Each turn answers the one before it; the first is the description.
                XCTAssertEqual(stored.parent, index >= 2 ? previous : nil, key)
                previous = key
            }
            let detail = try store.sqliteStore!.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT product, status FROM ticket WHERE id = ?", arguments: [ticket!])!
            }
            XCTAssertEqual(detail["product"] as String, conversation["company"] as? String)
            XCTAssertEqual(detail["status"] as String, "closed")
        }
        XCTAssertEqual(negativeDurations, 38)
        XCTAssertEqual(durationWarnings, unusableDurations)
        XCTAssertEqual(agents.count, 25, "\(agents.sorted())")
        XCTAssertEqual(try store.users().filter { $0.role == .agent }.count, 25)

        let again = try DeskImport.json([path], into: store, options: ImportOptions(fieldMap: ["product": "company"], now: now))
        XCTAssertEqual(again.messages, 0)
        XCTAssertEqual(again.alreadyPresent, 2350)
    }
}
