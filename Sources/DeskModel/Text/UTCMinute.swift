import Foundation

/// "2024-05-30 10:00", in UTC: how the desk writes a time for people (the detail pane, quotes).
/// Built with gmtime_r: a DateFormatter per message made laying out a long thread ten times slower.
public enum UTCMinute {
    public static func text(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
