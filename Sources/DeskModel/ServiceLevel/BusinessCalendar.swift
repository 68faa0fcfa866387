import Foundation

/// When the desk works: working days, opening hours and holidays in the desk's time zone.
/// Service-level targets count only these minutes (`adding(minutes:to:)`).
/// The default is Monday to Friday, 09:00 to 17:00 UTC, no holidays.
public struct BusinessCalendar: Equatable, Codable, Sendable {
    /// An IANA time zone name ("Europe/Paris"); "UTC" by default.
    public var timeZone: String
    /// ISO weekdays: 1 Monday … 7 Sunday.
    public var workingDays: [Int]
    /// Minutes after local midnight: opening and closing time (closing > opening).
    public var opensAt: Int
    public var closesAt: Int
    /// Local dates ("2026-12-25") the desk does not work.
    public var holidays: [String]

    public init(timeZone: String = "UTC", workingDays: [Int] = [1, 2, 3, 4, 5], opensAt: Int = 9 * 60, closesAt: Int = 17 * 60,
                holidays: [String] = []) {
        self.timeZone = timeZone
        self.workingDays = workingDays
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.holidays = holidays
    }

    public static let standard = BusinessCalendar()

    /// Why this calendar cannot be used, or nil.
    public var problem: Phrase? {
        if TimeZone(identifier: timeZone) == nil {
            return .model("unknown time zone '{zone}' (use an IANA name such as Europe/Paris)", ["zone": .text(timeZone)])
        }
        if workingDays.isEmpty || workingDays.contains(where: { !(1...7).contains($0) }) {
            return .model("working days must be 1 (Monday) to 7 (Sunday), at least one")
        }
        if !(0..<1440).contains(opensAt) || !(1...1440).contains(closesAt) || closesAt <= opensAt {
            return .model("opening hours must be HH:MM-HH:MM within one day, closing after opening")
        }
        if let bad = holidays.first(where: { Self.day(from: $0) == nil }) { return .model("'{day}' is not a date (YYYY-MM-DD)", ["day": .text(bad)]) }
        return nil
    }

    static func day(from text: String) -> DateComponents? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The moment `minutes` working minutes after `start` (before it, when negative). A target
    /// starting outside hours starts at the next opening. Stops after ten years of days off.
    public func adding(minutes: Int, to start: Date) -> Date {
        guard minutes != 0 else { return start }
        let days = WorkingDays.of(self)
        var day = days.index(of: start)
        var left = TimeInterval(abs(minutes) * 60)
        let forward = minutes >= 0
        for _ in 0..<3700 {
            if let (open, close) = days.interval(day: day) {
                if forward {
                    let from = max(open, start)
                    if from < close {
                        if from.addingTimeInterval(left) <= close { return from.addingTimeInterval(left) }
                        left -= close.timeIntervalSince(from)
                    }
                } else {
                    let to = min(close, start)
                    if to > open {
                        if to.addingTimeInterval(-left) >= open { return to.addingTimeInterval(-left) }
                        left -= to.timeIntervalSince(open)
                    }
                }
            }
            day += forward ? 1 : -1
        }
        return start
    }

    /// The working hours (opening, closing, in desk seconds) of the local days from the one of
    /// `start` to the one of `end`, in order: `WorkingTimeline` sums them once for many timings.
    func workingIntervals(from start: Date, to end: Date) -> [(open: Int64, close: Int64)] {
        let days = WorkingDays.of(self)
        let first = days.index(of: start), last = days.index(of: end)
        guard first <= last else { return [] }
        return (first...last).compactMap { day in days.interval(day: day).map { ($0.0.deskSeconds, $0.1.deskSeconds) } }
    }

    /// Working minutes from `start` to `end` (negative when `end` is earlier).
    public func workingMinutes(from start: Date, to end: Date) -> Int {
        if end < start { return -workingMinutes(from: end, to: start) }
        let days = WorkingDays.of(self)
        var seconds: TimeInterval = 0
        for day in days.index(of: start)...days.index(of: end) {
            if let (open, close) = days.interval(day: day) {
                let from = max(open, start), to = min(close, end)
                if to > from { seconds += to.timeIntervalSince(from) }
            }
        }
        // Rounded, not truncated: each stop of a clock would otherwise lose up to a minute, and
        // a ticket flipping between waiting and open would drain its target.
        return Int((seconds / 60).rounded())
    }
}

/// The calendar's days by number (local days since 1970-01-01), with their working hours.
/// A zone with a fixed offset (UTC, the default) is pure arithmetic; others ask Foundation's
/// calendar for each opening and closing time, so daylight-saving changes fall right.
private struct WorkingDays {
    /// The days of the calendar asked for last: building them asks Foundation for a time zone
    /// and a calendar, and an import times every ticket it opens against the same calendar.
    static func of(_ business: BusinessCalendar) -> WorkingDays { lastBuilt.days(of: business) }

    private static let lastBuilt = WorkingDaysCache()

    let calendar: Calendar
    let fixedOffset: Int?
    let opensAt: Int
    let closesAt: Int
    let workingDays: Set<Int>
    let holidays: Set<Int>

    init(_ business: BusinessCalendar) {
        var calendar = Calendar(identifier: .gregorian)
        let zone = TimeZone(identifier: business.timeZone) ?? TimeZone(secondsFromGMT: 0)!
        calendar.timeZone = zone
        self.calendar = calendar
        fixedOffset = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0)) == nil ? zone.secondsFromGMT() : nil
        opensAt = business.opensAt
        closesAt = business.closesAt
        workingDays = Set(business.workingDays)
        holidays = Set(business.holidays.compactMap { text in
            BusinessCalendar.day(from: text).flatMap { parts in parts.year.map { Self.days(year: $0, month: parts.month!, day: parts.day!) } }
        })
    }

    func index(of date: Date) -> Int {
        if let fixedOffset { return Int(((date.timeIntervalSince1970 + TimeInterval(fixedOffset)) / 86_400).rounded(.down)) }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Self.days(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Opening and closing of day `day`, or nil on a day off.
    func interval(day: Int) -> (Date, Date)? {
        let iso = ((day % 7 + 7 + 3) % 7) + 1 // 1970-01-01 was a Thursday
        guard workingDays.contains(iso), !holidays.contains(day) else { return nil }
        if let fixedOffset {
            let midnight = TimeInterval(day * 86_400 - fixedOffset)
            return (Date(timeIntervalSince1970: midnight + TimeInterval(opensAt * 60)),
                    Date(timeIntervalSince1970: midnight + TimeInterval(closesAt * 60)))
        }
        let (year, month, date) = Self.civil(day)
        let at = { (minutes: Int) in
            calendar.date(from: DateComponents(year: year, month: month, day: date, hour: minutes / 60, minute: minutes % 60))!
        }
        return (at(opensAt), at(closesAt))
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of day `days` after 1970-01-01 (civil_from_days).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// One calendar's working days, kept for the next call with an equal calendar.
private final class WorkingDaysCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (calendar: BusinessCalendar, days: WorkingDays)?

    func days(of business: BusinessCalendar) -> WorkingDays {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.calendar == business { return last.days }
        let days = WorkingDays(business)
        last = (business, days)
        return days
    }
}
