import Foundation

/// What a CSV import reads besides the import's usual options.
public struct CSVImportSettings: Equatable, Sendable {
    public var mapping: CSVMapping
    public var values: CSVValues
    public var delimiter: UInt8

    public init(mapping: CSVMapping, values: CSVValues = CSVValues(), delimiter: UInt8 = UInt8(ascii: ",")) {
        self.mapping = mapping
        self.values = values
        self.delimiter = delimiter
    }

    /// Rows are messages grouped into tickets by a ticket-id column, not tickets.
    var rowsAreMessages: Bool { mapping.columns["ticket"] != nil }
}

/// Turns CSV rows into import threads: one row per ticket (its description, and its answer as
/// an agent's reply), or one row per message with a ticket id (`ticket` mapped), consecutive
/// rows of a ticket making one thread ordered by their date, then by row.
struct CSVTickets {
    let columns: CSVColumns
    let settings: CSVImportSettings
    let options: ImportOptions
    let file: String
    /// The date of rows without one: the import's "now".
    let undated: Date
    let agents: AgentRule

    struct Row {
        var fields: [String]
        var line: Int
        var offset: Int
    }

    init(columns: CSVColumns, settings: CSVImportSettings, options: ImportOptions, file: String, undated: Date) {
        self.columns = columns
        self.settings = settings
        self.options = options
        self.file = file
        self.undated = undated
        agents = AgentRule(options)
    }

    private func value(_ target: String, _ row: Row) -> String? { columns.value(target, in: row.fields) }

    /// Why the row cannot be a ticket or a message at all; nil when it can.
    func problem(_ row: Row) -> String? {
        if row.fields.count != columns.width {
            return "line \(row.line) has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"); the header has \(columns.width)"
        }
        if columns.text("subject", in: row.fields) == nil, columns.text("body", in: row.fields) == nil {
            return "line \(row.line) has neither a subject nor a body"
        }
        if settings.rowsAreMessages, value("ticket", row) == nil { return "line \(row.line) has no ticket id" }
        return nil
    }

    // MARK: - People

    private func person(name: String?, email: String?, row: Row, agent: Bool?) -> ImportAuthor {
        var email = email ?? ""
        var name = name.map(collapseWhitespace) ?? ""
        if email.isEmpty, name.contains("@"), !name.contains(" ") { email = name }
        email = email.trimmingCharacters(in: CharacterSet(charactersIn: " \t<>"))
        let isAgent = agent ?? (agents.matches(email) || options.agentAddresses.contains { $0.lowercased() == name.lowercased() })
        if name.isEmpty, email.isEmpty { name = isAgent ? "Unknown agent" : "Unknown customer" }
        let local = email.split(separator: "@").first.map(String.init) ?? ""
        let domain = email.contains("@") ? (email.split(separator: "@").last.map { String($0).lowercased() } ?? "") : ""
        let organisation = value("organisation", row).map(collapseWhitespace)
            ?? (options.organisationsFromDomains && !domain.isEmpty ? domain : nil)
        return ImportAuthor(
            key: email.isEmpty ? "name:" + name.lowercased() : "mail:" + email.lowercased(), email: email,
            name: name.isEmpty ? local : name, handleHints: [local, name].filter { !$0.isEmpty }, isAgent: isAgent,
            organisation: organisation)
    }

    func requester(_ row: Row) -> ImportAuthor {
        var author = person(name: value("requester", row), email: value("requester-email", row), row: row, agent: nil)
        // Only a known person reads the desk in the row's language (not the shared unknown customer).
        if value("requester", row) != nil || value("requester-email", row) != nil {
            author.language = value("language", row).flatMap { Language(tag: $0) }
        }
        return author
    }

    /// Who wrote a message row: `author` columns, else the requester's; an agent when `role`
    /// says so, or (without `role`) when someone other than the ticket's first writer wrote it.
    func author(_ row: Row, firstAuthorKey: String?) -> ImportAuthor {
        let named = value("author", row) != nil || value("author-email", row) != nil
        var writer = named ? person(name: value("author", row), email: value("author-email", row), row: row, agent: nil) : requester(row)
        if let role = value("role", row).map(CSVValues.folded) {
            switch role {
            case "agent", "staff", "support", "admin", "operator", "internal", "true", "yes", "1": writer.isAgent = true
            default: break
            }
        } else if let first = firstAuthorKey, first != writer.key {
            writer.isAgent = true
        }
        return writer
    }

    func answerer(_ row: Row) -> ImportAuthor {
        person(name: value("agent", row), email: nil, row: row, agent: true)
    }

    // MARK: - Messages and tickets

    /// The row's date and the warning when its date could not be read.
    private func date(_ target: String, _ row: Row, warnings: inout [String]) -> Date? {
        guard let text = value(target, row) else { return nil }
        if let date = CSVDates.parse(text) { return date }
        warnings.append("line \(row.line): the \(target) date '\(TextSafety.sanitizedLine(String(text.prefix(60))))' cannot be read; it is left out")
        return nil
    }

    /// A row without an id is known by the digest of its fields joined by U+001F (the key of
    /// earlier imports: it must not change). The fields are hashed in place, not joined first.
    static func rowKey(_ row: Row) -> String {
        var stream = SHA256.Stream()
        for (index, field) in row.fields.enumerated() {
            if index > 0 { stream.update(fieldSeparator) }
            var field = field
            field.withUTF8 { stream.update(UnsafeRawBufferPointer($0)) }
        }
        return "sha256-" + stream.hexDigest()
    }

    private static let fieldSeparator: [UInt8] = [0x1F]

    private func message(_ id: String, _ author: ImportAuthor, _ date: Date, _ body: String?, _ row: Row, parent: String?, warnings: [String]) -> ImportMessage {
        ImportMessage(
            externalID: id, author: author, date: date, body: body ?? "(no text)", attachments: [],
            parentCandidates: parent.map { [$0] } ?? [], file: file, offset: row.offset,
            warnings: warnings.isEmpty ? [] : [warnings.joined(separator: "; ")])
    }

    /// The ticket fields of a row (the first row of a thread), warnings for values not understood.
    private func ticketFields(_ row: Row, _ thread: inout ImportThread, warnings: inout [String]) {
        thread.product = value("product", row).map(collapseWhitespace) ?? ""
        thread.category = value("category", row).map(collapseWhitespace) ?? ""
        thread.subcategory = value("subcategory", row).map(collapseWhitespace) ?? ""
        let tags = columns.tags(in: row.fields)
        if columns.indexes["subcategory"] == nil, !tags.isEmpty {
            // The desk has no tags: as many whole tags as fit are kept as the subcategory.
            var joined = ""
            for tag in tags {
                let next = joined.isEmpty ? tag : joined + ", " + tag
                if FieldLimits.length(next) > FieldLimits.limit(for: .subcategory) { break }
                joined = next
            }
            thread.subcategory = joined
        }
        if let text = value("kind", row) {
            if let kind = settings.values.kind(text) { thread.kind = kind } else { warnings.append(unknown("kind", text, row)) }
        }
        if let text = value("urgency", row) {
            if let urgency = settings.values.urgency(text) { thread.urgency = urgency } else { warnings.append(unknown("urgency", text, row)) }
        }
        if let text = value("status", row) {
            if let status = settings.values.status(text) { thread.status = status } else { warnings.append(unknown("status", text, row)) }
        }
    }

    private func unknown(_ target: String, _ text: String, _ row: Row) -> String {
        "line \(row.line): the \(target) '\(TextSafety.sanitizedLine(String(text.prefix(60))))' is not known (--value \(target):VALUE=…); it is left out"
    }

    private func thread(subject: String?, messages: [ImportMessage], requesterKey: String?, references: [String]) -> ImportThread {
        let subjectText = subject.map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 } ?? ImportText.subject(fromBody: messages[0].body)
        return ImportThread(
            subject: subjectText, subjectKey: MailSubject(subjectText).key, isOrphan: false, messages: messages,
            externalReferences: references, contact: .portal, requesterKey: requesterKey)
    }

    /// One row, one ticket: the description by the requester, the answer by the agent.
    func ticket(_ row: Row) -> ImportThread {
        var warnings: [String] = []
        let key = value("id", row) ?? Self.rowKey(row)
        let rootID = "csv:" + key
        let created = date("created", row, warnings: &warnings)
        let updated = date("updated", row, warnings: &warnings)
        let opened = created ?? updated ?? undated
        var thread = ImportThread(subject: "", subjectKey: "", isOrphan: false, messages: [], externalReferences: [], contact: .portal)
        ticketFields(row, &thread, warnings: &warnings)
        let opener = requester(row)
        var messages = [message(rootID, opener, opened, columns.text("body", in: row.fields), row, parent: nil, warnings: warnings)]
        if let answer = columns.text("answer", in: row.fields) {
            let answered = updated.map { max($0, opened) } ?? opened
            messages.append(message(rootID + "#answer", answerer(row), answered, answer, row, parent: rootID, warnings: []))
        }
        var built = self.thread(subject: value("subject", row), messages: messages, requesterKey: opener.key, references: [])
        built.product = thread.product
        built.category = thread.category
        built.subcategory = thread.subcategory
        built.kind = thread.kind
        built.urgency = thread.urgency
        built.status = thread.status
        built.updatedAt = updated
        return built
    }

    /// Consecutive rows of one ticket id, one thread; `continues` when earlier rows of this
    /// ticket id came before (then it joins that ticket through its id). Duplicate rows are
    /// counted and left out.
    func ticket(messages rows: [Row], continues: Bool, duplicates: inout Int) -> ImportThread? {
        guard let first = rows.first, let ticketKey = value("ticket", first) else { return nil }
        let ticketID = "csv:" + ticketKey
        var dated: [(row: Row, date: Date?, warnings: [String])] = []
        for row in rows {
            var warnings: [String] = []
            let when = date("created", row, warnings: &warnings)
            dated.append((row, when, warnings))
        }
        // By date; undated rows keep their place after the row before them.
        var lastDate = dated.lazy.compactMap({ $0.date }).first ?? undated
        for index in dated.indices {
            if let date = dated[index].date { lastDate = date } else { dated[index].date = lastDate }
        }
        let ordered = dated.enumerated().sorted { ($0.element.date!, $0.offset) < ($1.element.date!, $1.offset) }.map(\.element)

        var messages: [ImportMessage] = []
        var seen = Set<String>()
        var firstAuthor: String?
        var requesterKey: String?
        var fieldsWarnings: [String] = []
        var thread = ImportThread(subject: "", subjectKey: "", isOrphan: false, messages: [], externalReferences: [], contact: .portal)
        ticketFields(ordered[0].row, &thread, warnings: &fieldsWarnings)
        var updated: Date?
        for (index, entry) in ordered.enumerated() {
            let row = entry.row
            let key = value("message", row) ?? Self.rowKey(row)
            let id = index == 0 && !continues ? ticketID : ticketID + "#" + key
            guard seen.insert(id).inserted else {
                duplicates += 1
                continue
            }
            let writer = author(row, firstAuthorKey: firstAuthor)
            if firstAuthor == nil { firstAuthor = writer.key }
            if requesterKey == nil, !writer.isAgent { requesterKey = writer.key }
            var warnings = entry.warnings
            if index == 0 { warnings += fieldsWarnings }
            let body = columns.text("body", in: row.fields) ?? columns.text("subject", in: row.fields)
            messages.append(message(id, writer, entry.date!, body, row, parent: messages.last?.externalID, warnings: warnings))
            if let answer = columns.text("answer", in: row.fields) {
                messages.append(message(id + "#answer", answerer(row), entry.date!, answer, row, parent: id, warnings: []))
            }
            var ignored: [String] = []
            if let later = date("updated", row, warnings: &ignored) { updated = max(updated ?? later, later) }
        }
        guard !messages.isEmpty else { return nil }
        var built = self.thread(
            subject: value("subject", ordered[0].row), messages: messages, requesterKey: requesterKey,
            references: continues ? [ticketID] : [])
        built.product = thread.product
        built.category = thread.category
        built.subcategory = thread.subcategory
        built.kind = thread.kind
        built.urgency = thread.urgency
        // The status of a ticket's rows is that of its last row.
        var lastWarnings: [String] = []
        var last = ImportThread(subject: "", subjectKey: "", isOrphan: false, messages: [], externalReferences: [], contact: .portal)
        ticketFields(ordered[ordered.count - 1].row, &last, warnings: &lastWarnings)
        built.status = last.status
        built.updatedAt = updated
        return built
    }
}
