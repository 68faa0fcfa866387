import Foundation

/// What people type for service levels (`deskterm sla`), parsed; and the values written back
/// the same way.
public enum ServiceLevelInput {
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// "mon-fri", "mon,wed,fri", "1-5", "sat,sun": ISO weekdays, sorted.
    public static func days(_ text: String) -> [Int]? {
        func day(_ word: Substring) -> Int? {
            let word = word.trimmingCharacters(in: .whitespaces).lowercased()
            if let number = Int(word), (1...7).contains(number) { return number }
            return dayNames.firstIndex(where: { word.hasPrefix($0) }).map { $0 + 1 }
        }
        var result = Set<Int>()
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-")
            switch ends.count {
            case 1: guard let one = day(ends[0]) else { return nil }; result.insert(one)
            case 2:
                guard let from = day(ends[0]), let to = day(ends[1]), from <= to else { return nil }
                result.formUnion(from...to)
            default: return nil
            }
        }
        return result.isEmpty ? nil : result.sorted()
    }

    public static func daysText(_ days: [Int]) -> String {
        days.map { dayNames[$0 - 1] }.joined(separator: ",")
    }

    /// "09:00-17:00" (or "9-17"): opening and closing minutes after midnight.
    public static func hours(_ text: String) -> (opens: Int, closes: Int)? {
        let ends = text.split(separator: "-")
        guard ends.count == 2, let opens = clock(ends[0]), let closes = clock(ends[1]), opens < closes, closes <= 1440 else { return nil }
        return (opens, closes)
    }

    static func clock(_ text: Substring) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let hours = Int(parts[0]), (0...24).contains(hours) else { return nil }
        let minutes = parts.count == 2 ? Int(parts[1]) : 0
        guard let minutes, (0..<60).contains(minutes), parts.count == 1 || parts[1].count == 2 else { return nil }
        return hours * 60 + minutes
    }

    public static func clockText(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// A target in working time: "4" or "4h" (hours), "90m" (minutes), "1:30".
    public static func duration(_ text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasSuffix("m"), let minutes = Int(text.dropLast()), minutes >= 0 { return minutes }
        if text.hasSuffix("h"), let hours = Int(text.dropLast()), hours >= 0 { return hours * 60 }
        if let hours = Int(text), hours >= 0 { return hours * 60 }
        if text.contains(":"), let minutes = clock(Substring(text)) { return minutes }
        return nil
    }

    /// Working minutes as people read them: "4h", "1h30", "45m".
    public static func durationText(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let minutes = abs(minutes)
        if minutes < 60 { return "\(sign)\(minutes)m" }
        return minutes % 60 == 0 ? "\(sign)\(minutes / 60)h" : String(format: "%@%dh%02d", sign, minutes / 60, minutes % 60)
    }
}
