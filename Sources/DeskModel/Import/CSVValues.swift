import Foundation

/// The values of other help desks' exports read as the desk's: urgency, status, kind, dates.
/// `--value target:source=desk` overrides or adds a reading (`urgency:medium=serious`).
public struct CSVValues: Equatable, Sendable {
    /// `target` → lowercased source value → desk value.
    public var overrides: [String: [String: String]] = [:]

    public init() {}

    /// Why a `--value` cannot be used.
    public enum Problem: Equatable, Sendable {
        /// Not `TARGET:VALUE=DESK-VALUE`.
        case form
        /// Values are read for urgency, status and kind only.
        case target
        /// The desk value is not one of the target's (`spellings`).
        case deskValue(target: String, spellings: String)
    }

    /// Adds `target:source=desk`; the problem when it cannot be used.
    public mutating func add(_ text: String) -> Problem? {
        guard let colon = text.firstIndex(of: ":"), let equals = text[colon...].firstIndex(of: "=") else { return .form }
        let target = String(text[..<colon]).lowercased()
        let source = String(text[text.index(after: colon)..<equals]).trimmingCharacters(in: .whitespaces).lowercased()
        let desk = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        switch target {
        case "urgency", "priority":
            guard Urgency(lenient: desk) != nil else { return .deskValue(target: "urgency", spellings: Urgency.spellings) }
            overrides["urgency", default: [:]][source] = desk
        case "status":
            guard TicketStatus(lenient: desk) != nil else { return .deskValue(target: "status", spellings: TicketStatus.spellings) }
            overrides["status", default: [:]][source] = desk
        case "kind", "type":
            guard TicketKind(lenient: desk) != nil else { return .deskValue(target: "kind", spellings: TicketKind.spellings) }
            overrides["kind", default: [:]][source] = desk
        default:
            return .target
        }
        return nil
    }

    private func override(_ target: String, _ value: String) -> String? {
        overrides[target]?[value.lowercased()]
    }

    /// Reduced for matching: lower case, no punctuation or spaces, no leading rank number
    /// (OTRS writes `3 normal`).
    static func folded(_ value: String) -> String {
        var text = value.lowercased()
        while let first = text.first, first.isNumber, text.count > 1, text.dropFirst().first == " " { text.removeFirst(2) }
        return text.filter { $0.isLetter || $0.isNumber }
    }

    /// Priorities: urgent and critical ones are critical, high ones serious, normal and medium
    /// ones low, low ones none.
    public func urgency(_ value: String) -> Urgency? {
        if let given = override("urgency", value) { return Urgency(lenient: given) }
        switch Self.folded(value) {
        case "critical", "urgent", "emergency", "blocker", "highest", "veryhigh", "immediate", "p1", "4": return .critical
        case "high", "serious", "major", "important", "p2", "3": return .serious
        case "medium", "normal", "moderate", "standard", "p3", "2": return .low
        case "low", "lowest", "verylow", "minor", "trivial", "none", "p4", "p5", "1": return Urgency.none
        default: return nil
        }
    }

    /// Statuses: solved, resolved and closed ones are closed; on hold and waiting for a third
    /// party are pending; waiting on the customer is awaiting the customer.
    public func status(_ value: String) -> TicketStatus? {
        if let given = override("status", value) { return TicketStatus(lenient: given) }
        let folded = Self.folded(value)
        switch folded {
        case "new", "unassigned": return .new
        case "open", "inprogress", "reopened", "active", "assigned": return .open
        case "pending", "hold", "onhold", "waitingonthirdparty", "pendingreminder", "pendingautoclose": return .pending
        case "waitingoncustomer", "awaitingcustomer", "awaitingcustomerreply", "waitingforcustomer": return .awaitingCustomer
        case "solved", "resolved", "closed", "done", "merged", "removed", "archived", "cancelled", "canceled": return .closed
        default:
            if folded.hasPrefix("closed") { return .closed }
            if folded.hasPrefix("pending") { return .pending }
            return nil
        }
    }

    /// Kinds: incidents and problems are incidents; requests, changes and tasks are service
    /// requests; questions are questions.
    public func kind(_ value: String) -> TicketKind? {
        if let given = override("kind", value) { return TicketKind(lenient: given) }
        switch Self.folded(value) {
        case "incident", "problem", "bug", "outage", "defect": return .incident
        case "request", "servicerequest", "change", "task", "featurerequest": return .serviceRequest
        case "question", "billing", "account", "inquiry", "enquiry": return .question
        default: return TicketKind(lenient: value)
        }
    }
}

/// Dates as exports write them: ISO 8601 (with a space or a `T`, with or without a zone), mail
/// dates, `2024-02-26 09:00`, `26.02.2024 09:00`, `02/26/2024 9:00 AM` (month first, unless the
/// first number cannot be a month), and Unix seconds. A date without a zone is UTC.
enum CSVDates {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        if trimmed.allSatisfy(\.isNumber), trimmed.count >= 9, let seconds = Double(trimmed) {
            let value = seconds > 100_000_000_000 ? seconds / 1000 : seconds
            return MailDate.readableSeconds.contains(value) ? Date(timeIntervalSince1970: value) : nil
        }
        if let date = numeric(trimmed) { return date }
        return MailDate.parse(trimmed)
    }

    /// `Y-M-D`, `D.M.Y` and `M/D/Y` (or `D/M/Y`), then an optional `h:mm[:ss]`, `AM`/`PM` and zone.
    private static func numeric(_ text: String) -> Date? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func number() -> (value: Int, digits: Int)? {
            var value = 0
            var digits = 0
            while index < scalars.count, ("0"..."9").contains(scalars[index]), digits < 9 {
                value = value * 10 + Int(scalars[index].value - 48)
                digits += 1
                index += 1
            }
            return digits > 0 ? (value, digits) : nil
        }
        func take(_ character: Character) -> Bool {
            if index < scalars.count, Character(scalars[index]) == character { index += 1; return true }
            return false
        }
        guard let first = number(), index < scalars.count else { return nil }
        let separator = Character(scalars[index])
        guard separator == "-" || separator == "/" || separator == "." else { return nil }
        index += 1
        guard let middle = number(), take(separator), let last = number() else { return nil }
        var year = 0, month = 0, day = 0
        if first.digits == 4, separator != "." {
            (year, month, day) = (first.value, middle.value, last.value)
        } else if last.digits == 4 {
            year = last.value
            if separator == "." || first.value > 12 {
                (day, month) = (first.value, middle.value)
            } else {
                (month, day) = (first.value, middle.value)
            }
        } else {
            return nil
        }
        var hour = 0, minute = 0, second = 0
        var zoneSeconds = 0
        if take(" ") || take("T") {
            while take(" ") {}
            guard let h = number(), take(":"), let m = number() else { return nil }
            hour = h.value
            minute = m.value
            if take(":"), let s = number() { second = s.value }
            if take(".") { _ = number() }
            while take(" ") {}
            let rest = String(String.UnicodeScalarView(scalars[index...])).uppercased()
            var zone = Substring(rest)
            if zone.hasPrefix("AM") || zone.hasPrefix("PM") {
                guard (1...12).contains(hour) else { return nil }
                if zone.hasPrefix("PM"), hour != 12 { hour += 12 }
                if zone.hasPrefix("AM"), hour == 12 { hour = 0 }
                zone = zone.dropFirst(2).drop { $0 == " " }
            }
            if zone.hasPrefix("UTC") || zone.hasPrefix("GMT") { zone = zone.dropFirst(3) }
            if zone == "Z" || zone.isEmpty {
                zoneSeconds = 0
            } else if let sign = zone.first, sign == "+" || sign == "-" {
                let digits = zone.dropFirst().filter(\.isNumber)
                guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
                let hours = digits.count == 4 ? value / 100 : value
                let minutes = digits.count == 4 ? value % 100 : 0
                zoneSeconds = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
            } else {
                return nil
            }
        } else if index != scalars.count {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(TimeInterval(-zoneSeconds))
    }
}
