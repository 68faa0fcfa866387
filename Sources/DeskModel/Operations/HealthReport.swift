import Foundation

/// One thing `deskterm doctor` or `deskterm verify` found wrong (or could not look at).
public struct HealthFinding: Sendable, Equatable, Encodable {
    /// What kind of trouble, from the least to the most serious; each has its exit status, and
    /// a report exits with the highest one among the findings left unrepaired.
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        /// Data kept beside the rows (full-text indexes, counters, body lengths) disagrees with
        /// them: `doctor --repair` rebuilds it.
        case derived
        /// A check could not run (no desk, not a desk, busy, unreadable file).
        case couldNotCheck
        /// A file or folder others may read or change.
        case permissions
        /// The desk was written by a newer deskterm (migrations this binary does not know).
        case schema
        /// The rows themselves are wrong (SQLite's integrity check, foreign keys, read marks):
        /// restore from a backup.
        case damaged

        public var exitStatus: Int32 {
            switch self {
            case .derived: 1
            case .couldNotCheck: 2
            case .permissions: 3
            case .schema: 4
            case .damaged: 5
            }
        }
    }

    public var kind: Kind
    /// The check's name (`HealthCheckName`), stable for scripts.
    public var check: String
    /// What was found, shown in the reader's language; `--format json` gives its English.
    public var detail: Phrase
    /// Set when `--repair` rebuilt it and the check then passed.
    public var repaired: Bool

    public init(_ kind: Kind, _ check: String, _ detail: Phrase, repaired: Bool = false) {
        self.kind = kind
        self.check = check
        self.detail = detail
        self.repaired = repaired
    }

    enum CodingKeys: String, CodingKey { case kind, check, detail, repaired }

    /// JSON is the same in every language, for scripts: the detail in English.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(check, forKey: .check)
        try container.encode(detail.englishText, forKey: .detail)
        try container.encode(repaired, forKey: .repaired)
    }
}

/// The names of the checks, as reports and `--format json` give them.
public enum HealthCheckName {
    public static let open = "open"
    public static let integrity = "integrity"
    public static let foreignKeys = "foreignKeys"
    public static let schema = "schema"
    public static let ticketText = "ticketText"
    public static let messageText = "messageText"
    public static let ticketCJK = "ticketCJK"
    public static let messageCJK = "messageCJK"
    public static let counters = "counters"
    public static let reportAggregates = "reportAggregates"
    public static let bodyLengths = "bodyLengths"
    public static let readMarks = "readMarks"
    public static let permissions = "permissions"
    public static let authorizedKeys = "authorizedKeys"
}

/// Where a desk's schema stands against this binary's migrations.
public struct SchemaStanding: Sendable, Equatable, Encodable {
    /// Migrations applied to the desk.
    public var applied: Int
    /// Migrations this binary knows.
    public var known: Int
    /// Known but not yet applied: the next open by this binary applies them.
    public var pending: [String]
    /// Applied but unknown here: the desk comes from a newer deskterm.
    public var unknown: [String]

    public init(applied: Int, known: Int, pending: [String], unknown: [String]) {
        self.applied = applied
        self.known = known
        self.pending = pending
        self.unknown = unknown
    }
}

/// What a health check looked at and what it found.
public struct HealthReport: Sendable, Encodable {
    public var desk: String
    /// The checks that ran to the end, in order (passed or not).
    public var checked: [String] = []
    public var findings: [HealthFinding] = []
    public var schema: SchemaStanding?
    /// Rows per main table (tickets, messages, users, organisations, attachments), so a backup
    /// can be compared with what it should hold.
    public var rows: [String: Int] = [:]

    public init(desk: String) {
        self.desk = desk
    }

    /// 0 when nothing is left wrong; else the highest exit status among unrepaired findings.
    public var exitStatus: Int32 {
        findings.filter { !$0.repaired }.map(\.kind.exitStatus).max() ?? 0
    }

    public var healthy: Bool { exitStatus == 0 }

    public mutating func found(_ kind: HealthFinding.Kind, _ check: String, _ detail: Phrase) {
        findings.append(HealthFinding(kind, check, detail))
    }

    /// Every finding as `check: detail`, joined by `; ` (a refused restore says why).
    public var findingsPhrase: Phrase {
        Phrase.joined(findings.map { finding in Phrase.joined([.verbatim(finding.check), finding.detail], separator: ": ") }, separator: "; ")
    }

    public func hasFinding(_ check: String) -> Bool {
        findings.contains { $0.check == check && !$0.repaired }
    }

    enum CodingKeys: String, CodingKey { case desk, checked, findings, schema, rows, exitStatus, healthy }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(desk, forKey: .desk)
        try container.encode(checked, forKey: .checked)
        try container.encode(findings, forKey: .findings)
        try container.encodeIfPresent(schema, forKey: .schema)
        try container.encode(rows, forKey: .rows)
        try container.encode(exitStatus, forKey: .exitStatus)
        try container.encode(healthy, forKey: .healthy)
    }
}
