import Foundation

/// Who may ask for a call-back and what a request must hold. Call-backs come with the
/// business and enterprise plans: the plans whose customers pay for people on the phone.
public enum CallbackRules {
    public static let plans: Set<Plan> = [.business, .enterprise]

    /// Phone numbers are checked loosely (numbering plans differ everywhere): digits and the
    /// usual separators, at least `minimumDigits` and at most `maximumDigits` digits
    /// (E.164 allows 15, plus an extension).
    static let minimumDigits = 6
    static let maximumDigits = 20
    static let maximumPhoneLength = 32
    static let phoneSeparators: Set<Character> = [" ", "+", "-", "(", ")", "."]
    /// A note says when and how to call, not the whole problem (that is the ticket).
    public static let maximumNoteLength = 500

    /// The name the requester's last number is kept under (`UserSettingRows`), so that the
    /// next request can leave it out.
    static let phoneSettingName = "callbackPhone"
    /// The zone of the requester's last request, offered with the number (the client's form).
    static let zoneSettingName = "callbackZone"

    /// Said where a request has no number to call (the client's form: its phone field is empty).
    public static let phoneNeeded = Phrase.model("Give a phone number to call")

    /// Why the viewer may not ask for a call-back on this ticket, or nil. `plan` is the plan
    /// of the ticket's organisation (nil: none).
    static func askRefusal(_ viewer: Viewer, ticket: Ticket, plan: Plan?, organisation: String?) -> DeskError? {
        if viewer.isStaff { return .forbidden(.model("customers ask for call-backs; agents take them", context: "not allowed")) }
        if ticket.status.isClosed { return .ticketClosed(number: ticket.number) }
        guard let plan, plans.contains(plan) else { return .refused(planRefusal(organisation: organisation)) }
        return nil
    }

    /// The reason shown where call-backs are not offered.
    public static func planRefusal(organisation: String?) -> Phrase {
        guard let organisation else {
            return .model("Call-backs come with the business and enterprise plans, and this ticket belongs to no organisation")
        }
        return .model("{organisation}'s plan does not include call-backs (the business and enterprise plans do)", ["organisation": .text(organisation)])
    }

    static func checkMayWork(_ viewer: Viewer) throws(DeskError) {
        guard viewer.isStaff else { throw .forbidden(.model("only agents take call-backs and record their outcome", context: "not allowed")) }
    }

    /// The number as typed, trimmed, when it looks like a phone number.
    public static func phone(_ typed: String) throws(DeskError) -> String {
        let phone = typed.trimmingCharacters(in: .whitespaces)
        let digits = phone.filter(\.isASCIIDigit).count
        let valid = !phone.isEmpty && phone.count <= maximumPhoneLength
            && phone.allSatisfy { $0.isASCIIDigit || phoneSeparators.contains($0) }
            && (minimumDigits...maximumDigits).contains(digits)
        guard valid else {
            throw .refused(.model("'{phone}' is not a phone number: use digits, spaces and + - ( ) ., with 6 to 20 digits",
                                  ["phone": .text(String(typed.prefix(40)))]))
        }
        return phone
    }

    /// `14:00-16:00` in an IANA time zone (`Europe/Paris`), the end after the start.
    public static func window(_ typed: String, timeZone: String) throws(DeskError) -> CallbackWindow {
        let zone = try zone(timeZone)
        let (start, end) = try span(typed)
        return CallbackWindow(start: start, end: end, timeZone: zone)
    }

    /// An IANA time zone name as typed, trimmed, when the system knows it (`Europe/Paris`;
    /// abbreviations such as `CET` are refused: their offsets are ambiguous).
    public static func zone(_ typed: String) throws(DeskError) -> String {
        let zone = typed.trimmingCharacters(in: .whitespaces)
        guard isKnownZone(zone) else {
            throw .refused(.model("unknown time zone '{zone}' (use an IANA name such as Europe/Paris)", ["zone": .text(String(zone.prefix(60)))]))
        }
        return zone
    }

    public static func isKnownZone(_ zone: String) -> Bool {
        TimeZone.knownTimeZoneIdentifiers.contains(zone) || zone == "UTC"
    }

    /// `HH:MM-HH:MM` as minutes after midnight, the end after the start.
    public static func span(_ typed: String) throws(DeskError) -> (start: Int, end: Int) {
        let ends = typed.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < end else {
            throw .refused(.model("'{window}' is not a time window: write HH:MM-HH:MM, the end after the start",
                                  ["window": .text(String(typed.prefix(40)))]))
        }
        return (start, end)
    }

    /// `9:30` or `09:30` as minutes after midnight; `24:00` ends a day.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), minutes < 60 else { return nil }
        let total = hours * 60 + minutes
        return total <= 24 * 60 ? total : nil
    }

    public static func note(_ typed: String) throws(DeskError) -> String {
        let note = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        try FieldLimits.check(note, as: .messageBody)
        guard FieldLimits.length(note) <= maximumNoteLength else {
            throw .refused(.model("A call-back note is at most {limit} characters; put the rest in a reply",
                                  ["limit": .quantity(Int64(maximumNoteLength))]))
        }
        return note
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
