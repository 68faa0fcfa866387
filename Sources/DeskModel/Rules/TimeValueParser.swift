import Foundation

/// Reads the value of `updated:` and `created:`. An age (`30m`, `12h`, `7d`, `2w`) compares
/// how long ago: `<7d` is within the last 7 days, `>7d` longer ago; a bare age means within.
/// A date (`2026-11-01`, a whole day in UTC) compares the calendar: `<D` before that day,
/// `>=D` from it on, a bare date that day.
enum TimeValueParser {
    /// Beyond this many units an age means nothing a desk holds (and stays far from overflow).
    static let largestAmount: Int64 = 100_000

    static func range(_ item: String, key: FilterKey) throws(FilterError) -> TimeRange {
        let (comparison, rest) = Comparison.split(item)
        if let seconds = age(rest) {
            let point = TimePoint.ago(seconds: seconds)
            switch comparison {
            case .less, .lessOrEqual, .equal: return TimeRange(from: point)
            case .greater, .greaterOrEqual: return TimeRange(until: point)
            }
        }
        if let day = day(rest) {
            let next = day.addingTimeInterval(86_400)
            switch comparison {
            case .less: return TimeRange(until: .instant(day))
            case .lessOrEqual: return TimeRange(until: .instant(next))
            case .greater: return TimeRange(from: .instant(next))
            case .greaterOrEqual: return TimeRange(from: .instant(day))
            case .equal: return TimeRange(from: .instant(day), until: .instant(next))
            }
        }
        throw .unknownValue(key, item)
    }

    /// Seconds in `7d`: a whole number and one unit of m, h, d, w.
    static func age(_ text: String) -> Int64? {
        guard let unit = text.last, let amount = Int64(text.dropLast()), amount >= 0, amount <= largestAmount,
              text.dropLast().allSatisfy(\.isASCII) else { return nil }
        let seconds: Int64? = switch unit.lowercased() {
        case "m": 60
        case "h": 3_600
        case "d": 86_400
        case "w": 604_800
        default: nil
        }
        return seconds.map { $0 * amount }
    }

    /// The start (UTC) of the day written `YYYY-MM-DD`, if it exists in the calendar.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        // 2026-02-31 rolls over to March: refuse it rather than guess.
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }
}
