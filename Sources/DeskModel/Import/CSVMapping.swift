import Foundation

/// Which CSV column feeds which ticket field (`--map target=column`), with the presets for
/// the exports of other help desks.
public struct CSVMapping: Equatable, Sendable {
    /// The fields a column can feed. Each is a stable English name (`--map`'s left side).
    public static let targets: [String] = [
        "id", "ticket", "message", "subject", "body", "answer", "requester", "requester-email", "author", "author-email",
        "role", "agent", "organisation", "kind", "product", "category", "subcategory", "urgency", "status", "language",
        "tags", "created", "updated",
    ]

    /// Other names `--map` accepts for a target.
    public static let targetAliases: [String: String] = [
        "description": "body", "priority": "urgency", "type": "kind", "queue": "product", "organization": "organisation",
        "external-id": "id", "date": "created", "email": "requester-email",
    ]

    /// Target → column names (several only for `tags`).
    public var columns: [String: [String]]
    /// Targets a preset named: a file without such a column is read without it (exports let
    /// people choose their columns). A column named with `--map` must be there.
    public var optional: Set<String> = []

    public init(columns: [String: [String]] = [:]) {
        self.columns = columns
    }

    /// Starts from a preset's column names.
    public init?(preset name: String) {
        guard let columns = Self.presets[name.lowercased()] else { return nil }
        self.columns = columns
        optional = Set(columns.keys)
    }

    /// The target a `--map` name means, or nil.
    public static func target(named name: String) -> String? {
        let lower = name.lowercased()
        if targets.contains(lower) { return lower }
        return targetAliases[lower]
    }

    /// Adds `target=column` (`tags=tag_1,tag_2` names several columns); false for an unknown target.
    public mutating func add(_ mapping: String) -> Bool {
        let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let target = Self.target(named: parts[0].trimmingCharacters(in: .whitespaces)) else { return false }
        let names = target == "tags" ? parts[1].split(separator: ",").map(String.init) : [parts[1]]
        columns[target] = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        optional.remove(target)
        return !(columns[target]?.isEmpty ?? true)
    }

    /// Column names of common exports. Each preset names what those exports call the columns;
    /// a preset plus `--map` overrides single targets.
    public static let presets: [String: [String: [String]]] = [
        // The shared multilingual customer-support sample: one row per ticket with its answer.
        "multilingual-tickets": [
            "subject": ["subject"], "body": ["body"], "answer": ["answer"], "kind": ["type"], "category": ["type"],
            "product": ["queue"], "urgency": ["priority"], "language": ["language"],
            "tags": (1...9).map { "tag_\($0)" },
        ],
        // Zendesk's CSV export of tickets (Views > Export, or Explore).
        "zendesk": [
            "id": ["Id"], "subject": ["Subject"], "body": ["Description"], "requester": ["Requester"],
            "requester-email": ["Requester email"], "agent": ["Assignee"], "organisation": ["Organization"],
            "kind": ["Type"], "product": ["Group"], "urgency": ["Priority"], "status": ["Status"], "tags": ["Tags"],
            "created": ["Requested"], "updated": ["Updated"],
        ],
        // Freshdesk's ticket export (Tickets > Export).
        "freshdesk": [
            "id": ["Ticket ID"], "subject": ["Subject"], "body": ["Description"], "requester": ["Full name"],
            "requester-email": ["Email"], "agent": ["Agent"], "organisation": ["Company Name"], "kind": ["Type"],
            "product": ["Group"], "urgency": ["Priority"], "status": ["Status"], "tags": ["Tags"],
            "created": ["Created time"], "updated": ["Last update time"],
        ],
        // OTRS / Znuny and osTicket ticket-list CSV exports.
        "otrs": [
            "id": ["Ticket Number"], "subject": ["Title"], "requester": ["Customer User"], "organisation": ["Customer ID"],
            "agent": ["Owner"], "product": ["Queue"], "kind": ["Type"], "urgency": ["Priority"], "status": ["State"],
            "created": ["Created"], "updated": ["Changed"],
        ],
        "osticket": [
            "id": ["Ticket Number"], "subject": ["Subject"], "requester": ["From"], "requester-email": ["From Email"],
            "agent": ["Agent Assigned"], "product": ["Department"], "category": ["Help Topic"], "urgency": ["Priority"],
            "status": ["Current Status"], "created": ["Date Created"], "updated": ["Last Updated"],
        ],
    ]
}

/// The header of a CSV file, looked up by the mapping's column names.
struct CSVColumns {
    /// Target → column indexes.
    var indexes: [String: [Int]] = [:]
    var width: Int

    /// Fails with the column names that are not in the header.
    static func resolve(_ mapping: CSVMapping, header: [String]) -> Result<CSVColumns, DeskImport.CSVHeaderProblem> {
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if exact[trimmed] == nil { exact[trimmed] = index }
            if folded[trimmed.lowercased()] == nil { folded[trimmed.lowercased()] = index }
        }
        var columns = CSVColumns(width: header.count)
        var missing: [String] = []
        for (target, names) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            var found: [Int] = []
            for name in names {
                if let index = exact[name] ?? folded[name.lowercased()] {
                    found.append(index)
                } else if !mapping.optional.contains(target), target != "tags" || names.count == 1 {
                    missing.append(name)
                }
            }
            if !found.isEmpty { columns.indexes[target] = found }
        }
        // A ticket needs a subject or a body, whatever a preset leaves out.
        if missing.isEmpty, columns.indexes["subject"] == nil, columns.indexes["body"] == nil {
            missing = (mapping.columns["subject"] ?? []) + (mapping.columns["body"] ?? [])
        }
        if !missing.isEmpty {
            return .failure(.missingColumns(missing.sorted()))
        }
        return .success(columns)
    }

    func value(_ target: String, in fields: [String]) -> String? {
        guard let index = indexes[target]?.first, index < fields.count else { return nil }
        let text = Self.trimmed(fields[index])
        return text.isEmpty ? nil : text
    }

    /// `text` trimmed of `.whitespacesAndNewlines`. Foundation is asked only when an end may be
    /// white space: a printable ASCII byte at both ends (most values) already says it is not.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        if printable.contains(first), printable.contains(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The raw text of a body-like field (its inner line breaks kept).
    func text(_ target: String, in fields: [String]) -> String? {
        guard let index = indexes[target]?.first, index < fields.count else { return nil }
        let text = ImportText.body(fields[index])
        return text.isEmpty ? nil : text
    }

    /// Tags from one or more columns; one column may list several (`a, b` or `a b`).
    func tags(in fields: [String]) -> [String] {
        guard let list = indexes["tags"] else { return [] }
        var result: [String] = []
        for index in list where index < fields.count {
            for part in Self.tagParts(fields[index], oneColumn: list.count == 1) {
                let tag = collapseWhitespace(part)
                if !tag.isEmpty, !result.contains(tag) { result.append(tag) }
            }
        }
        return result
    }

    /// A tag column's value cut at commas or semicolons, or (a single column without them) at
    /// white space. The cuts are made on UTF-8 bytes where a separator is ASCII: an ASCII byte
    /// is always a whole scalar, so this cuts where Foundation's `components(separatedBy:)` would.
    static func tagParts(_ raw: String, oneColumn: Bool) -> [String] {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
        let bytes = raw.utf8
        let listed = bytes.contains(comma) || bytes.contains(semicolon)
        if listed || !oneColumn {
            return bytes.split(separator: comma, omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: semicolon, omittingEmptySubsequences: false) }
                .map { String(Substring($0)) }
        }
        // `.whitespaces` holds Unicode spaces too: only ASCII text is cut here.
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return raw.components(separatedBy: .whitespaces) }
        return bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.map { String(Substring($0)) }
    }
}
