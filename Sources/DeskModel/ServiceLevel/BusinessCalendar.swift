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
    public var problem: String? {
        if TimeZone(identifier: timeZone) == nil { return "unknown time zone '\(timeZone)' (use an IANA name such as Europe/Paris)" }
        if workingDays.isEmpty || workingDays.contains(where: { !(1...7).contains($0) }) { return "working days must be 1 (Monday) to 7 (Sunday), at least one" }
        if !(0..<1440).contains(opensAt) || !(1...1440).contains(closesAt) || closesAt <= opensAt {
            return "opening hours must be HH:MM-HH:MM within one day, closing after opening"
        }
        if let bad = holidays.first(where: { Self.day(from: $0) == nil }) { return "'\(bad)' is not a date (YYYY-MM-DD)" }
        return nil
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }

    static func day(from text: String) -> DateComponents? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Working intervals (start, end) of the local day that starts at `midnight`; empty on a
    /// day off. Built from the local date, so a daylight-saving change moves them right.
    private func workingInterval(onDayOf midnight: Date, _ calendar: Calendar, _ holidays: Set<String>) -> (Date, Date)? {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: midnight)
        guard let weekday = parts.weekday, let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let iso = weekday == 1 ? 7 : weekday - 1
        guard workingDays.contains(iso) else { return nil }
        guard !holidays.contains(String(format: "%04d-%02d-%02d", year, month, day)) else { return nil }
        let at = { (minutes: Int) in
            calendar.date(from: DateComponents(year: year, month: month, day: day, hour: minutes / 60, minute: minutes % 60))
                ?? midnight.addingTimeInterval(TimeInterval(minutes * 60))
        }
        return (at(opensAt), at(closesAt))
    }

    /// The moment `minutes` working minutes after `start` (before it, when negative). A target
    /// starting outside hours starts at the next opening. Stops after ten years of days off.
    public func adding(minutes: Int, to start: Date) -> Date {
        guard minutes != 0 else { return start }
        let calendar = self.calendar
        let holidays = Set(self.holidays)
        var midnight = calendar.startOfDay(for: start)
        var left = TimeInterval(abs(minutes) * 60)
        let forward = minutes >= 0
        for _ in 0..<3700 {
            if let (open, close) = workingInterval(onDayOf: midnight, calendar, holidays) {
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
            let next = calendar.date(byAdding: .day, value: forward ? 1 : -1, to: midnight)
            midnight = calendar.startOfDay(for: next ?? midnight.addingTimeInterval(forward ? 86_400 : -86_400))
        }
        return start
    }

    /// Working minutes from `start` to `end` (negative when `end` is earlier).
    public func workingMinutes(from start: Date, to end: Date) -> Int {
        if end < start { return -workingMinutes(from: end, to: start) }
        let calendar = self.calendar
        let holidays = Set(self.holidays)
        var midnight = calendar.startOfDay(for: start)
        var seconds: TimeInterval = 0
        while midnight < end {
            if let (open, close) = workingInterval(onDayOf: midnight, calendar, holidays) {
                let from = max(open, start), to = min(close, end)
                if to > from { seconds += to.timeIntervalSince(from) }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: midnight) else { break }
            midnight = calendar.startOfDay(for: next)
        }
        return Int(seconds / 60)
    }
}
