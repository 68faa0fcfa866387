import Foundation

/// Dates as real mail writes them.
///
/// Reads RFC 5322 (`Wed, 3 Jan 2024 14:26:16 +0200`) and its obsolete forms: no weekday, no
/// seconds, two- or three-digit years, `GMT`/`UT`/`EST`/`PDT`... and military zone names,
/// comments such as `(CET)`, `3-Jan-2024`, full month and day names; the asctime form of mbox
/// `From ` lines (`Wed Jan  3 13:26:16 2024`); and ISO 8601. A date without a zone is taken as
/// UTC. Impossible dates (month 13, 25 o'clock, year 10000) give nil so the caller can fall back.
public enum MailDate {
    /// Seconds since 1970 of the dates this reader gives: 0000-01-01 to 9999-12-31 23:59:59
    /// UTC. Other importers hold their times to it too, so any imported date fits whole
    /// seconds (Int64) with room for arithmetic.
    public static let readableSeconds: ClosedRange<TimeInterval> = -62_167_219_200...253_402_300_799

    public static func parse(_ text: String) -> Date? {
        let trimmed = trimmedASCII(text)
        guard !trimmed.isEmpty else { return nil }
        if let date = canonical(Array(trimmed.utf8)) { return date }
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
        return readableDate(seconds)
    }

    /// A zone can push 0000-01-01 or 9999-12-31 just outside the readable span: unreadable.
    private static func readableDate(_ seconds: Int) -> Date? {
        let interval = TimeInterval(seconds)
        return readableSeconds.contains(interval) ? Date(timeIntervalSince1970: interval) : nil
    }

    /// Whole seconds of any date, held to the readable span (a stored date is always in it;
    /// this only keeps a stray one from trapping).
    private static func wholeSeconds(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard !seconds.isNaN else { return 0 }
        return Int(min(max(seconds, readableSeconds.lowerBound), readableSeconds.upperBound).rounded(.down))
    }

    /// RFC 5322 in UTC, for export: `Wed, 03 Jan 2024 12:26:16 +0000`.
    public static func format(_ date: Date) -> String {
        let total = wholeSeconds(date)
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
        let total = wholeSeconds(date)
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

    /// The forms nearly every message uses, read byte by byte: `[Ddd, ]D Mmm YYYY HH:MM[:SS]
    /// ±HHMM[ (comment)]` and asctime `Ddd Mmm D HH:MM:SS YYYY`. Nil sends the text to the
    /// general reader.
    public static func canonical(_ b: [UInt8]) -> Date? {
        var i = 0
        func skipSpaces() { while i < b.count, b[i] == 32 { i += 1 } }
        func digits(max: Int) -> (Int, Int)? {
            var value = 0, count = 0
            while i < b.count, count < max, b[i] >= 48, b[i] <= 57 { value = value * 10 + Int(b[i] - 48); i += 1; count += 1 }
            return count == 0 ? nil : (value, count)
        }
        func letters3() -> Int? {
            guard i + 3 <= b.count else { return nil }
            let word = (Int(b[i] | 0x20) << 16) | (Int(b[i + 1] | 0x20) << 8) | Int(b[i + 2] | 0x20)
            i += 3
            return word
        }
        func monthIndex(_ word: Int) -> Int? {
            monthWords.firstIndex(of: word).map { $0 + 1 }
        }
        func time() -> (Int, Int, Int)? {
            guard let (hour, hourDigits) = digits(max: 2), hourDigits == 2, i < b.count, b[i] == 58 else { return nil }
            i += 1
            guard let (minute, minuteDigits) = digits(max: 2), minuteDigits == 2 else { return nil }
            var second = 0
            if i < b.count, b[i] == 58 {
                i += 1
                guard let (value, count) = digits(max: 2), count == 2 else { return nil }
                second = value
            }
            return (hour, minute, second)
        }
        var day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0, offset = 0
        let startsWithLetter = !b.isEmpty && ((b[0] | 0x20) >= 97 && (b[0] | 0x20) <= 122)
        if startsWithLetter {
            guard letters3() != nil else { return nil }
            if i < b.count, b[i] == 44 { // "Wed, 3 Jan 2024 ..."
                i += 1
            } else { // asctime: "Wed Jan  3 13:26:16 2024"
                skipSpaces()
                guard let word = letters3(), let m = monthIndex(word) else { return nil }
                month = m
                skipSpaces()
                guard let (d, _) = digits(max: 2) else { return nil }
                day = d
                skipSpaces()
                guard let t = time() else { return nil }
                (hour, minute, second) = t
                skipSpaces()
                guard let (y, count) = digits(max: 4), count == 4, i == b.count else { return nil }
                year = y
                return assemble(year, month, day, hour, minute, second, 0)
            }
        }
        skipSpaces()
        guard let (d, _) = digits(max: 2), i < b.count, b[i] == 32 else { return nil }
        day = d
        skipSpaces()
        guard let word = letters3(), let m = monthIndex(word), i < b.count, b[i] == 32 else { return nil }
        month = m
        skipSpaces()
        guard let (y, count) = digits(max: 4), count == 4, i < b.count, b[i] == 32 else { return nil }
        year = y
        skipSpaces()
        guard let t = time() else { return nil }
        (hour, minute, second) = t
        skipSpaces()
        guard i < b.count, b[i] == 43 || b[i] == 45 else { return nil }
        let sign = b[i] == 45 ? -1 : 1
        i += 1
        guard let (zone, zoneDigits) = digits(max: 4), zoneDigits == 4, zone / 100 <= 14, zone % 100 < 60 else { return nil }
        offset = sign * ((zone / 100) * 3600 + (zone % 100) * 60)
        skipSpaces()
        if i < b.count {
            guard b[i] == 40, b.last == 41 else { return nil } // a trailing comment only
        }
        return assemble(year, month, day, hour, minute, second, offset)
    }

    private static let monthWords: [Int] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { name in
        let u = Array(name.utf8)
        return (Int(u[0]) << 16) | (Int(u[1]) << 8) | Int(u[2])
    }

    private static func assemble(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ offset: Int) -> Date? {
        guard (1970...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second <= 60 else { return nil }
        let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return readableDate(seconds)
    }

    public static func trimmedASCII(_ text: String) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return text }
        return String(text[start..<end])
    }

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

    /// `2024-01-03`, `2024-01-03T14:26:16`, with `.fff`, `Z`, `+02:00`, `+0200` or a space
    /// before a zone; read by hand (a formatter per call is slow, and none can be shared).
    private static func isoDate(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += count
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = daysFromCivil(year: year, month: month, day: day) * 86_400
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") {
            i += 1
            guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60 else { return nil }
            var second = 0
            if expect(58) {
                guard let value = number(2), value <= 60 else { return nil }
                second = min(value, 59)
                if expect(46) || expect(44) { while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 } }
            }
            seconds += hour * 3600 + minute * 60 + second
            while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let hours = number(2) else { return nil }
                    _ = expect(58)
                    let minutes = number(2) ?? 0
                    guard hours <= 14, minutes < 60 else { return nil }
                    seconds -= sign * (hours * 3600 + minutes * 60)
                } else {
                    let rest = String(decoding: b[i...], as: UTF8.self).lowercased()
                    guard let zone = namedZones[rest] else { return nil }
                    seconds -= zone
                    i = b.count
                }
            }
        }
        guard i == b.count else { return nil }
        return readableDate(seconds)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
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
