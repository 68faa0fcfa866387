import Foundation

/// Dates as real mail writes them.
///
/// Reads RFC 5322 (`Wed, 3 Jan 2024 14:26:16 +0200`) and its obsolete forms: no weekday, no
/// seconds, two- or three-digit years, `GMT`/`UT`/`EST`/`PDT`... and military zone names,
/// comments such as `(CET)`, `3-Jan-2024`, full month and day names; the asctime form of mbox
/// `From ` lines (`Wed Jan  3 13:26:16 2024`); and ISO 8601. A date without a zone is taken as
/// UTC. Impossible dates (month 13, 25 o'clock, year 10000) give nil so the caller can fall back.
public enum MailDate {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let first = trimmed.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
           trimmed.utf8.count >= 10, Array(trimmed.utf8)[4] == UInt8(ascii: "-"), let iso = isoDate(trimmed) {
            return iso
        }
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offset: Int? // seconds east of UTC
        var pm: Bool?
        var numbers: [(value: Int, digits: Int)] = []

        for token in tokens(removingComments(trimmed)) {
            let lower = token.lowercased()
            if lower.contains(":") && !sawTime, let time = parseTime(lower) {
                (hour, minute, second) = (time.0, time.1, time.2)
                sawTime = true
                if let zone = time.3 { offset = zone }
                continue
            }
            if let first = lower.first, first == "+" || first == "-", lower.count >= 3, let zone = numericZone(lower) {
                if offset == nil { offset = zone }
                continue
            }
            if lower.allSatisfy(\.isNumber) {
                guard let value = Int(lower) else { return nil }
                numbers.append((value, lower.count))
                continue
            }
            if let value = monthNumber(lower) {
                if month == nil { month = value }
                continue
            }
            if lower == "am" || lower == "a.m." { pm = false; continue }
            if lower == "pm" || lower == "p.m." { pm = true; continue }
            if let zone = namedZones[lower] {
                if offset == nil { offset = zone }
                continue
            }
            // Weekdays and unknown words (including unknown zone names) are ignored.
        }
        // The day is the first number of one or two digits, the year a four-digit number or
        // else the number after the day.
        var rest: [(value: Int, digits: Int)] = []
        for number in numbers {
            if number.digits == 4 && year == nil {
                year = number.value
            } else if day == nil && number.digits <= 2 {
                day = number.value
            } else {
                rest.append(number)
            }
        }
        if year == nil, let candidate = rest.first {
            year = candidate.digits <= 2 ? (candidate.value < 50 ? 2000 + candidate.value : 1900 + candidate.value)
                : candidate.digits == 3 ? 1900 + candidate.value : candidate.value
        }
        if let pm {
            if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 }
        }
        guard let day, let month, let year, (1...31).contains(day), (1970...9999).contains(year),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              day <= daysIn(month: month, year: year)
        else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400
            + hour * 3600 + minute * 60 + min(second, 59) - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// RFC 5322 in UTC, for export: `Wed, 03 Jan 2024 12:26:16 +0000`.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var remainder = total % 86_400
        if remainder < 0 { remainder += 86_400; days -= 1 }
        let (year, month, day) = civilFromDays(days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(remainder / 3600)):\(two(remainder % 3600 / 60)):\(two(remainder % 60)) +0000"
    }

    /// The asctime form of an mbox `From ` line, in UTC: `Wed Jan  3 13:26:16 2024`.
    public static func asctime(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var remainder = total % 86_400
        if remainder < 0 { remainder += 86_400; days -= 1 }
        let (year, month, day) = civilFromDays(days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let paddedDay = day < 10 ? " \(day)" : "\(day)"
        return "\(weekday) \(months[month - 1]) \(paddedDay) \(two(remainder / 3600)):\(two(remainder % 3600 / 60)):\(two(remainder % 60)) \(year)"
    }

    // MARK: - Pieces

    private static func removingComments(_ text: String) -> String {
        guard text.contains("(") else { return text }
        return MailAddress.removingComments(text)
    }

    /// Split on whitespace and commas; `3-Jan-2024` and `3/Jan/2024` split on their dashes.
    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
            var token = String(raw)
            if token.hasSuffix(".") && token.count > 1 && !token.contains(":") { token.removeLast() }
            let hasLetter = token.contains(where: \.isLetter)
            let hasDigit = token.contains(where: \.isNumber)
            if hasLetter && hasDigit && !token.hasPrefix("+") && !token.hasPrefix("-") && !token.contains(":") {
                result += token.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            } else {
                result.append(token)
            }
        }
        return result
    }

    /// `hh:mm[:ss[.fff]]`, optionally with a zone glued on (`14:26:16+0200`, `12:00:00Z`).
    private static func parseTime(_ token: String) -> (Int, Int, Int, Int?)? {
        var core = Substring(token)
        var zone: Int?
        if let sign = core.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = numericZone(String(core[sign...]))
            core = core[..<sign]
        } else if core.hasSuffix("z") {
            zone = 0
            core = core.dropLast()
        }
        let parts = core.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        guard let hour = Int(parts[0]), let minute = Int(parts[1]), parts[0].count <= 2, parts[1].count == 2 else { return nil }
        var second = 0
        if parts.count == 3 {
            let secondText = parts[2].split(separator: ".").first ?? ""
            guard let value = Int(secondText), secondText.count <= 2 else { return nil }
            second = value
        }
        return (hour, minute, second, zone)
    }

    /// `+hhmm`, `-hhmm`, `+hh:mm`, `+hh`.
    private static func numericZone(_ token: String) -> Int? {
        guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
        let digits = token.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isNumber), digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
        let hours = digits.count == 4 ? value / 100 : value
        let minutes = digits.count == 4 ? value % 100 : 0
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    private static func monthNumber(_ token: String) -> Int? {
        guard token.count >= 3 else { return nil }
        let prefix = token.prefix(3)
        guard let index = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].firstIndex(of: String(prefix)) else {
            return nil
        }
        // "march" and "mar" but not "marvin"
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][index]
        guard token.count == 3 || full.hasPrefix(token) || token == "sept" else { return nil }
        return index + 1
    }

    /// RFC 5322 obsolete zones, and names common enough in real headers. Military one-letter
    /// zones are read as UTC, as RFC 5322 section 4.3 advises (their sign was used both ways).
    private static let namedZones: [String: Int] = {
        var zones: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
            "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
            "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
            "akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
            "bst": 3600, "cet": 3600, "met": 3600, "west": 3600, "mez": 3600,
            "cest": 7200, "mest": 7200, "mesz": 7200, "eet": 7200, "sast": 7200,
            "eest": 3 * 3600, "msk": 3 * 3600, "jst": 9 * 3600, "kst": 9 * 3600, "hkt": 8 * 3600,
            "sgt": 8 * 3600, "awst": 8 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600, "nzst": 12 * 3600, "nzdt": 13 * 3600,
        ]
        for letter in "abcdefghiklmnopqrstuvwxy" { zones[String(letter)] = 0 }
        return zones
    }()

    private static func isoDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        // `2024-01-03 14:26:16` with a space and no zone, or a bare date.
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        let dateParts = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
        guard dateParts.count == 3 else { return nil }
        var seconds = daysFromCivil(year: dateParts[0], month: dateParts[1], day: dateParts[2]) * 86_400
        guard (1...12).contains(dateParts[1]), (1...daysIn(month: dateParts[1], year: dateParts[0])).contains(dateParts[2]) else { return nil }
        if parts.count > 1, let time = parseTime(String(parts[1]).lowercased()) {
            seconds += time.0 * 3600 + time.1 * 60 + min(time.2, 59) - (time.3 ?? 0)
            if parts.count > 2, let zone = numericZone(String(parts[2])) ?? namedZones[parts[2].lowercased()] { seconds -= zone }
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
