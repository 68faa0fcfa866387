import Foundation

/// Conversations from another help desk, one JSON object per line (the format is in the
/// README, "Importing history"):
///
///     {"id": "c-1", "subject": "...", "organisation": "...", "requester": "...",
///      "turns": [{"role": "customer", "author": "...", "time": "2020-04-01T17:31:32Z", "text": "..."}]}
///
/// Field names can be renamed with `ImportOptions.fieldMap` (`product=company`,
/// `turn.id=tweet_id`); a few common spellings are read without one (`session_id` for `id`,
/// `datetime` for `time`...).
enum JSONConversations {
    struct Line {
        var number: Int
        var offset: Int
        var range: Range<Int>
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        var number = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let isBlank = bytes[start..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if !isBlank { result.append(Line(number: number, offset: start, range: start..<end)) }
            start = end + 1
            number += 1
        }
        return result
    }

    /// Field names read when no mapping says otherwise, after the documented name itself.
    static let aliases: [String: [String]] = [
        "id": ["session_id", "conversation_id", "ticket_id"],
        "organisation": ["organization", "org"],
        "turns": ["messages", "conversation"],
        "started": ["start", "created"],
        "turn.id": ["message_id"],
        "turn.time": ["datetime", "date", "timestamp", "created_at"],
        "turn.text": ["body", "message", "content"],
        "turn.inReplyTo": ["in_reply_to", "parent"],
        "turn.author": ["user", "from", "sender"],
    ]

    struct Fields {
        var map: [String: String]

        func value(_ object: [String: Any], _ field: String, turn: Bool = false) -> Any? {
            let key = turn ? "turn." + field : field
            if let source = map[key] { return present(object[source]) }
            if let direct = present(object[field]) { return direct }
            for alias in aliases[key] ?? [] {
                if let found = present(object[alias]) { return found }
            }
            return nil
        }

        func string(_ object: [String: Any], _ field: String, turn: Bool = false) -> String? {
            switch value(object, field, turn: turn) {
            case let text as String: return text
            case let number as NSNumber: return number.stringValue
            default: return nil
            }
        }

        private func present(_ value: Any?) -> Any? {
            guard let value, !(value is NSNull) else { return nil }
            return value
        }
    }

    static func thread(
        _ bytes: ArraySlice<UInt8>, file: String, line: Line, options: ImportOptions
    ) -> Result<ImportThread, MailContentError> {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: []) as? [String: Any] else {
                return .failure(MailContentError(reason: "line \(line.number) is not a JSON object"))
            }
            object = parsed
        } catch {
            return .failure(MailContentError(reason: "line \(line.number) is not JSON"))
        }
        let fields = Fields(map: options.fieldMap)
        guard let turns = fields.value(object, "turns") as? [Any], !turns.isEmpty else {
            return .failure(MailContentError(reason: "line \(line.number) has no turns"))
        }
        let conversationID = fields.string(object, "id").map { "json:\($0)" } ?? "json:sha256-" + SHA256.hexDigest(Data(bytes))
        let organisation = fields.string(object, "organisation").map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        // A time or duration that cannot be used is left out with a warning, the way a
        // missing one would be: the rest of the conversation still imports.
        let startedField = time(fields.value(object, "started"))
        let durationField = duration(fields.value(object, "duration"))
        let started = startedField.usable

        struct Turn {
            var warnings: [String]
            var id: String
            var author: ImportAuthor
            var time: Date?
            var text: String
            var inReplyTo: String?
        }
        var parsed: [Turn] = []
        for (index, raw) in turns.enumerated() {
            guard let turn = raw as? [String: Any] else {
                return .failure(MailContentError(reason: "line \(line.number): turn \(index + 1) is not an object"))
            }
            let roleText = (fields.string(turn, "role", turn: true) ?? "").lowercased()
            let isAgent: Bool
            switch roleText {
            case "agent", "staff", "support", "admin", "assistant", "operator": isAgent = true
            case "customer", "client", "user", "requester", "end-user", "enduser": isAgent = false
            default:
                return .failure(MailContentError(reason: "line \(line.number): turn \(index + 1) has role '\(TextSafety.sanitizedLine(roleText))', not customer or agent"))
            }
            let email = fields.string(turn, "email", turn: true)?.trimmingCharacters(in: .whitespaces) ?? ""
            var warnings: [String] = []
            let authorName: String
            if let given = fields.string(turn, "author", turn: true).map(collapseWhitespace).flatMap({ $0.isEmpty ? nil : $0 }) ?? (email.isEmpty ? nil : email) {
                authorName = given
            } else {
                // Anonymised data has turns without an author: kept, by an unknown person.
                authorName = isAgent ? "Unknown agent" : "Unknown customer"
                warnings.append("line \(line.number): turn \(index + 1) has no author; imported as \(authorName.lowercased())")
            }
            let displayName = fields.string(turn, "name", turn: true).map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 } ?? authorName
            let domain = email.split(separator: "@").last.map { String($0).lowercased() } ?? ""
            let agent = isAgent || options.isAgent(address: email) || options.agentAddresses.contains { $0.lowercased() == authorName.lowercased() }
            let author = ImportAuthor(
                key: email.isEmpty ? "name:" + authorName.lowercased() : "mail:" + email.lowercased(),
                email: email, name: displayName, handleHints: [authorName, displayName], isAgent: agent,
                organisation: organisation ?? (options.organisationsFromDomains && email.contains("@") && !domain.isEmpty ? domain : nil))
            let turnID = fields.string(turn, "id", turn: true) ?? String(index + 1)
            let timeField = time(fields.value(turn, "time", turn: true))
            if let shown = timeField.unusable {
                warnings.append("line \(line.number): turn \(index + 1) has the time \(shown), \(unusableTime); it is left out")
            }
            parsed.append(Turn(
                warnings: warnings, id: "\(conversationID)#\(turnID)", author: author,
                time: timeField.usable,
                text: fields.string(turn, "text", turn: true) ?? "",
                inReplyTo: fields.string(turn, "inReplyTo", turn: true).map { "\(conversationID)#\($0)" }))
        }

        // Times: a first turn without one starts when the conversation does; a last turn
        // without one ends it (started + duration); others follow the turn before them.
        if let shown = startedField.unusable {
            parsed[0].warnings.append("line \(line.number): started \(shown) is \(unusableTime); it is left out")
        }
        if parsed[0].time == nil { parsed[0].time = started ?? parsed.lazy.compactMap(\.time).first }
        let lastIndex = parsed.count - 1
        var timeWarning: String?
        if let shown = durationField.unusable {
            timeWarning = "line \(line.number): the duration \(shown) is unreadable or longer than the years 0000–9999; it is left out"
        } else if parsed[lastIndex].time == nil, let duration = durationField.usable, let base = started ?? parsed[0].time {
            let end = base.addingTimeInterval(duration)
            let before = parsed[..<lastIndex].lazy.compactMap(\.time).max()
            if !MailDate.readableSeconds.contains(end.timeIntervalSince1970) {
                timeWarning = "line \(line.number): the duration \(TextSafety.sanitizedLine(fields.string(object, "duration") ?? "")) ends outside the years 0000–9999; it is left out"
            } else if duration >= 0, before.map({ end >= $0 }) ?? true {
                parsed[lastIndex].time = end
            } else {
                // A duration that ends before the conversation's other turns cannot be right.
                timeWarning = "line \(line.number): the duration \(TextSafety.sanitizedLine(fields.string(object, "duration") ?? "")) ends before the turns it covers; the last turn is dated like the one before it"
            }
        }
        for index in parsed.indices where parsed[index].time == nil {
            parsed[index].time = index > 0 ? parsed[index - 1].time : nil
        }
        guard parsed.allSatisfy({ $0.time != nil }) else {
            return .failure(MailContentError(reason: "line \(line.number): no turn has a time"))
        }

        if let timeWarning { parsed[lastIndex].warnings.append(timeWarning) }
        var messages: [ImportMessage] = []
        var seen = Set<String>()
        for (index, turn) in parsed.enumerated() {
            guard seen.insert(turn.id).inserted else {
                return .failure(MailContentError(reason: "line \(line.number): two turns have the id \(turn.id.split(separator: "#").last ?? "")"))
            }
            let parents = turn.inReplyTo.map { [$0] } ?? (index > 0 ? [parsed[index - 1].id] : [])
            let body = ImportText.body(turn.text)
            // One warning line per turn, its reasons joined, as the summary has always counted.
            messages.append(ImportMessage(
                externalID: turn.id, author: turn.author, date: turn.time!, body: body.isEmpty ? "(no text)" : body,
                attachments: [], parentCandidates: parents, file: file, offset: line.offset, warnings: turn.warnings.isEmpty ? [] : [turn.warnings.joined(separator: "; ")]))
        }
        let subjectText = fields.string(object, "subject").map(collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
            ?? ImportText.subject(fromBody: messages[0].body)
        var requesterKey: String?
        if let requester = fields.string(object, "requester")?.lowercased() {
            requesterKey = parsed.first { $0.author.key == "name:" + requester || $0.author.key == "mail:" + requester }?.author.key
        }
        var thread = ImportThread(
            subject: subjectText, subjectKey: MailSubject(subjectText).key, isOrphan: false, messages: messages,
            externalReferences: [], contact: .portal, requesterKey: requesterKey)
        thread.product = fields.string(object, "product").map(collapseWhitespace) ?? ""
        thread.category = fields.string(object, "category").map(collapseWhitespace) ?? ""
        thread.subcategory = fields.string(object, "subcategory").map(collapseWhitespace) ?? ""
        thread.kind = fields.string(object, "kind").flatMap { TicketKind(lenient: $0) }
        return .success(thread)
    }

    /// A time or duration field as given.
    enum Field<Value> {
        case absent
        case usable(Value)
        /// Present but unusable: the value as shown in the warning.
        case unusable(String)

        var usable: Value? {
            if case .usable(let value) = self { value } else { nil }
        }

        var unusable: String? {
            if case .unusable(let shown) = self { shown } else { nil }
        }
    }

    static let unusableTime = "unreadable or outside the years 0000–9999"

    /// ISO 8601 or any mail date; numbers are Unix seconds (milliseconds when that large).
    /// Only dates MailDate could give are usable, so every imported date fits a desk.
    static func time(_ value: Any?) -> Field<Date> {
        guard let value else { return .absent }
        if let text = value as? String, let date = MailDate.parse(text) { return .usable(date) }
        if let number = value as? NSNumber {
            let raw = number.doubleValue
            let seconds = raw > 100_000_000_000 ? raw / 1000 : raw
            if MailDate.readableSeconds.contains(seconds) { return .usable(Date(timeIntervalSince1970: seconds)) }
        }
        return .unusable(shown(value))
    }

    /// No duration is longer than the span of usable dates.
    static let longestDuration = MailDate.readableSeconds.upperBound - MailDate.readableSeconds.lowerBound

    static func duration(_ value: Any?) -> Field<TimeInterval> {
        guard let value else { return .absent }
        if let seconds = seconds(value), seconds.magnitude <= longestDuration { return .usable(seconds) }
        return .unusable(shown(value))
    }

    private static func shown(_ value: Any) -> String {
        switch value {
        case let text as String: return TextSafety.sanitizedLine(String(text.prefix(60)))
        case let number as NSNumber: return number.stringValue
        default: return "(neither text nor a number)"
        }
    }

    /// `[-][d-]hh:mm:ss[.f]` or a number of seconds; nil when unreadable or not finite.
    static func seconds(_ value: Any) -> TimeInterval? {
        if let number = value as? NSNumber { return number.doubleValue.isFinite ? number.doubleValue : nil }
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let negative = trimmed.hasPrefix("-")
        var rest = negative ? String(trimmed.dropFirst()) : trimmed
        var days: Double = 0
        if let dash = rest.firstIndex(of: "-") { // `6-01:08:11`: days first
            guard let value = Double(rest[..<dash]), value >= 0 else { return nil }
            days = value
            rest = String(rest[rest.index(after: dash)...])
        }
        let parts = rest.split(separator: ":")
        guard (1...3).contains(parts.count) else { return nil }
        var total: Double = 0
        for part in parts {
            guard let value = Double(part.hasSuffix(".") ? String(part.dropLast()) : String(part)), value >= 0 else { return nil }
            total = total * 60 + value
        }
        total += days * 86_400
        // `inf` reads as a Double, and huge parts overflow to infinity.
        guard total.isFinite else { return nil }
        return negative ? -total : total
    }
}
