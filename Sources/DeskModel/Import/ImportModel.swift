import Foundation

/// How an import turns people and threads into desk records.
public struct ImportOptions: Equatable, Sendable {
    /// Senders at these mail domains (or their subdomains) answer for the desk: agents.
    public var agentDomains: [String]
    /// These addresses (mail) or author names (JSON) are agents too.
    public var agentAddresses: [String]
    /// Customers join an organisation named after their mail domain; otherwise (and when
    /// there is no domain) they join `defaultOrganisation`.
    public var organisationsFromDomains: Bool
    public var defaultOrganisation: String
    /// Plan and tier of the organisations an import creates.
    public var organisationPlan: Plan
    public var organisationTier: SupportTier
    /// Kind of the tickets created (mail does not say).
    public var kind: TicketKind
    /// A thread whose last message is older than this is closed.
    public var closeAfterDays: Int
    /// How far back the subject fallback looks for a thread to join.
    public var subjectWindowDays: Int
    /// Messages per transaction.
    public var batchSize: Int
    /// JSON: `target=source` field renames (`product=company`, `turn.id=tweet_id`).
    public var fieldMap: [String: String]
    /// "Now" for the closed-after rule; nil: the store's clock.
    public var now: Date?
    /// Whether the whole import is one transaction that owns a SQLite desk (`Desk.runImport`):
    /// true always, false never (batches), nil when the desk has no ticket yet. PostgreSQL
    /// desks always take batches.
    public var bulk: Bool?

    public init(
        agentDomains: [String] = [], agentAddresses: [String] = [], organisationsFromDomains: Bool = true,
        defaultOrganisation: String = "Imported customers", organisationPlan: Plan = .pro,
        organisationTier: SupportTier = .standard, kind: TicketKind = .serviceRequest, closeAfterDays: Int = 30,
        subjectWindowDays: Int = 90, batchSize: Int = 10_000, fieldMap: [String: String] = [:], now: Date? = nil,
        bulk: Bool? = false
    ) {
        self.agentDomains = agentDomains
        self.agentAddresses = agentAddresses
        self.organisationsFromDomains = organisationsFromDomains
        self.defaultOrganisation = defaultOrganisation
        self.organisationPlan = organisationPlan
        self.organisationTier = organisationTier
        self.kind = kind
        self.closeAfterDays = closeAfterDays
        self.subjectWindowDays = subjectWindowDays
        self.batchSize = batchSize
        self.fieldMap = fieldMap
        self.now = now
        self.bulk = bulk
    }

    /// Whether this mail address answers for the desk.
    func isAgent(address: String) -> Bool {
        AgentRule(self).matches(address)
    }
}

/// `--agent` and `--agent-domain`, normalised once.
struct AgentRule {
    let addresses: Set<String>
    let domains: [String]

    init(_ options: ImportOptions) {
        addresses = Set(options.agentAddresses.map { $0.lowercased() })
        domains = options.agentDomains.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@. ")) }.filter { !$0.isEmpty }
    }

    func matches(_ address: String) -> Bool {
        if address.isEmpty || (addresses.isEmpty && domains.isEmpty) { return false }
        let lower = address.lowercased()
        if addresses.contains(lower) { return true }
        guard let at = lower.lastIndex(of: "@") else { return false }
        let domain = lower[lower.index(after: at)...]
        return domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}

/// A message (or line) an import could not use, and why.
public struct ImportProblem: Equatable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    /// Byte offset of the message (its `From ` line in an mbox, its line in JSON).
    public var offset: Int
    public var reason: String

    public init(file: String, offset: Int, reason: String) {
        self.file = file
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(file) at byte \(offset): \(reason)" }
}

/// What an import did.
public struct ImportSummary: Equatable, Codable, Sendable {
    /// Tickets created (follow-ups of closed tickets included).
    public var tickets = 0
    /// Of `tickets`, those that continue a closed ticket.
    public var followUps = 0
    /// Messages added, the ones that opened tickets included.
    public var messages = 0
    public var users = 0
    public var organisations = 0
    public var attachments = 0
    /// Messages the desk already had from an earlier import.
    public var alreadyPresent = 0
    /// Messages that appeared more than once in this input.
    public var duplicates = 0
    /// Messages left out, with where and why.
    public var skipped: [ImportProblem] = []
    /// Messages imported without something (an unreadable attachment...).
    public var warnings: [ImportProblem] = []
    /// Messages read from the input (skipped ones included).
    public var read = 0
    public var seconds: Double = 0

    public init() {}

    public var messagesPerSecond: Double { seconds > 0 ? Double(read) / seconds : 0 }
}

/// Where an import is.
public struct ImportProgress: Equatable, Sendable {
    public var done: Int
    public var total: Int
    /// What is counted: "messages" or "conversations".
    public var unit: String
    /// A bulk import's last step, building what it dropped (`SQLiteBulkStructures` names it:
    /// "indexes", "full-text index", "counts"...); then `done` and `total` count its steps.
    public var rebuilding: String?

    public init(done: Int, total: Int, unit: String = "messages", rebuilding: String? = nil) {
        self.done = done
        self.total = total
        self.unit = unit
        self.rebuilding = rebuilding
    }
}

// MARK: - What the store receives

/// A person as an import sees them; the store finds or creates the user.
struct ImportAuthor: Equatable, Hashable, Sendable {
    /// Identity across imports: `mail:address` or `name:author`.
    var key: String
    var email: String
    var name: String
    /// Handle candidates, best first.
    var handleHints: [String]
    var isAgent: Bool
    /// For customers: their organisation's name (nil: the default one).
    var organisation: String?
    /// The language a new user reads the desk in (CSV exports name the ticket's language).
    var language: Language? = nil
}

struct ImportMessage: Sendable {
    /// `<message-id>`, `sha256:...` or `json:conversation#turn`.
    var externalID: String
    var author: ImportAuthor
    var date: Date
    var body: String
    var attachments: [MailAttachment]
    /// External ids of the message this one answers, nearest first.
    var parentCandidates: [String]
    var file: String
    var offset: Int
    var warnings: [String]
}

struct ImportThread: Sendable {
    var subject: String
    var subjectKey: String
    var isOrphan: Bool
    /// The message that opens the ticket first, then the others by time.
    var messages: [ImportMessage]
    var externalReferences: [String]
    var product = ""
    var category = ""
    var subcategory = ""
    var kind: TicketKind?
    var contact: ContactPreference
    var requesterKey: String?
    /// What the source says, when it says it (CSV exports); otherwise urgency is none and the
    /// status follows the import rules.
    var urgency: Urgency? = nil
    var status: TicketStatus? = nil
    /// The source's last change, when later than every message.
    var updatedAt: Date? = nil
}

/// Body text as the desk keeps it: line ends as `\n`, blank lines at the start and white
/// space at the end removed (an mbox keeps a blank line between messages). Nothing else changes.
public enum ImportText {
    public static func body(_ text: String) -> String {
        // Most bodies have nothing to change: they are checked in place, not copied first.
        let hasCarriageReturn = text.utf8Holds(13)
        if !hasCarriageReturn, let unchanged = text.utf8.withContiguousStorageIfAvailable({ isTrimmedBody($0) }), unchanged {
            return text
        }
        var bytes = Array(text.utf8)
        if hasCarriageReturn {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == 13 {
                    out.append(10)
                    if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                } else {
                    out.append(bytes[index])
                }
                index += 1
            }
            bytes = out
        }
        // White space at the end.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 10 || bytes[end - 1] == 11 || bytes[end - 1] == 12 {
            end -= 1
        }
        // Blank lines at the start (not the indentation of the first line).
        var start = 0
        var cursor = 0
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 10 {
                start = cursor + 1
            } else if byte != 32 && byte != 9 {
                break
            }
            cursor += 1
        }
        if start == 0 && end == bytes.count && !hasCarriageReturn { return text }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Whether `body` would keep its bytes: no white space at the end, no blank line at the start.
    private static func isTrimmedBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = bytes.last else { return true }
        if last == 32 || last == 9 || last == 10 || last == 11 || last == 12 { return false }
        for byte in bytes {
            if byte == 10 { return false }
            if byte != 32 && byte != 9 { return true }
        }
        return true
    }

    /// A ticket subject from a first message when there is none: its first line, at most
    /// `limit` characters, cut at a word.
    public static func subject(fromBody body: String, limit: Int = 80) -> String {
        let firstLine = firstLine(of: body).map { collapseWhitespace(String($0)) } ?? ""
        if firstLine.count <= limit { return firstLine }
        var cut = String(firstLine.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// The first non-empty line, as `split(separator: "\n")` would give it without cutting the
    /// whole body: a line feed is a character of its own unless a carriage return comes before it.
    static func firstLine(of body: String) -> Substring? {
        let utf8 = body.utf8
        var lineStart = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 10, previous != 13 {
                if index > lineStart { return body[lineStart..<index] }
                lineStart = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        return lineStart < utf8.endIndex ? body[lineStart..<utf8.endIndex] : nil
    }
}
